// Math answers judged by meaning (Math-Verify's semantics): the MathAnswer bootcamp.
import type { AnyBootcamp } from '../types.ts';
import { mathAnswer } from './math-answer.ts';

export const mathAnswerBootcamps: AnyBootcamp[] = [mathAnswer as AnyBootcamp];
