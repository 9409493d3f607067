// Registry of this family's bootcamps (filled in by the family's issue).
import type { AnyBootcamp } from '../types.ts';

export const korPuzzleBootcamps: AnyBootcamp[] = [];
