// Registry of this family's bootcamps.
import type { AnyBootcamp } from '../types.ts';
import { arc } from './arc.ts';

export const arcBootcamps: AnyBootcamp[] = [arc];
