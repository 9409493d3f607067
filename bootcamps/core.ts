// The bootcamps that ship with the core evaluator: Game24, Sudoku and Maze.
import type { AnyBootcamp } from './types.ts';
import { game24 } from './game24.ts';
import { sudoku } from './sudoku.ts';
import { maze } from './maze.ts';

export const coreBootcamps: AnyBootcamp[] = [game24, sudoku, maze];
