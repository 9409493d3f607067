// The grid puzzles of issue 7 are all registered through set-b.ts; this list stays empty so the registry's
// shape does not change (see bootcamps/index.ts).
import type { AnyBootcamp } from '../types.ts';

export const puzzleSetABootcamps: AnyBootcamp[] = [];
