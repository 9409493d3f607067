// Registry of grid puzzles (set A of issue 7's list): not yet ported; see set-b.ts for the ones that are.
import type { AnyBootcamp } from '../types.ts';

export const puzzleSetABootcamps: AnyBootcamp[] = [];
