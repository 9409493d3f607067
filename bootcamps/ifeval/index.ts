// Google's instruction-following checks (IFEval).
import type { AnyBootcamp } from '../types.ts';
import { ifeval } from './ifeval.ts';

export const ifevalBootcamps: AnyBootcamp[] = [ifeval as AnyBootcamp];
