// Visual question answering scorers: relaxed accuracy for chart reading, an answer line for open questions.
import type { AnyBootcamp } from '../types.ts';
import { answerLine } from './answer-line.ts';
import { relaxedAccuracy } from './relaxed-accuracy.ts';

export const vqaBootcamps: AnyBootcamp[] = [relaxedAccuracy as AnyBootcamp, answerLine as AnyBootcamp];
