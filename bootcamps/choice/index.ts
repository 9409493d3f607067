// Answers picked from listed choices: the multiple-choice benchmarks' shared scorer.
import type { AnyBootcamp } from '../types.ts';
import { multipleChoice } from './multiple-choice.ts';

export const choiceBootcamps: AnyBootcamp[] = [multipleChoice as AnyBootcamp];
