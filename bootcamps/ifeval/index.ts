// Google's instruction-following checks (IFEval).
import type { AnyBootcamp } from '../types.ts';
import { ifeval } from './ifeval.ts';
import { loadLanguageDetector } from './language.ts';

export const ifevalBootcamps: AnyBootcamp[] = [ifeval as AnyBootcamp];

/** What the family needs before its first check: the language detector's profiles. */
export const ready = loadLanguageDetector;
