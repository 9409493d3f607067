// The bootcamps that ship with the core evaluator: Game24, Sudoku and Maze.
import type { AnyBootcamp } from './types.ts';

export const coreBootcamps: AnyBootcamp[] = [];
