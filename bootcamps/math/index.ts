// Math benchmarks' answer checks that need no symbolic algebra: GSM8K (EvalScope's reading) and AIME (integers).
import type { AnyBootcamp } from '../types.ts';
import { gsm8k } from './gsm8k.ts';
import { aime } from './aime.ts';

export const mathBootcamps: AnyBootcamp[] = [gsm8k, aime];
