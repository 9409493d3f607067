// Sudoku cases of our own: a full grid by randomised backtracking, then givens removed.
import { shuffle, type Rng } from './rng.ts';

function fill(grid: number[][], size: number, box: number, rng: Rng): boolean {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (grid[i][j] !== 0) continue;
      for (const v of shuffle(rng, Array.from({ length: size }, (_, k) => k + 1))) {
        if (canPlace(grid, size, box, i, j, v)) {
          grid[i][j] = v;
          if (fill(grid, size, box, rng)) return true;
          grid[i][j] = 0;
        }
      }
      return false;
    }
  }
  return true;
}

function canPlace(grid: number[][], size: number, box: number, r: number, c: number, v: number): boolean {
  for (let k = 0; k < size; k++) if (grid[r][k] === v || grid[k][c] === v) return false;
  const br = r - (r % box);
  const bc = c - (c % box);
  for (let i = br; i < br + box; i++) for (let j = bc; j < bc + box; j++) if (grid[i][j] === v) return false;
  return true;
}

/** Completes a puzzle (0 = empty) or returns undefined when it has no solution. */
export function solveSudoku(puzzle: readonly (readonly number[])[], box: number): number[][] | undefined {
  const grid = puzzle.map((row) => [...row]);
  const deterministic = () => 0;
  return fill(grid, grid.length, box, deterministic) ? grid : undefined;
}

export interface SudokuCase {
  data_source: 'Sudoku';
  prompt: string;
  ground_truth: { puzzle: number[][]; size: number; region_rows: number; region_cols: number };
  solution: string;
}

export function sudokuCase(rng: Rng): SudokuCase {
  const box = rng() < 0.5 ? 2 : 3;
  const size = box * box;
  const full = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  fill(full, size, box, rng);
  const puzzle = full.map((row) => row.map((v) => (rng() < 0.45 ? 0 : v)));
  const shown = puzzle.map((row, i) => `Row ${i + 1}: ` + row.map((v) => (v === 0 ? '.' : String(v))).join(' ')).join('\n');
  const blanks = puzzle.flat().filter((v) => v === 0).length;
  return {
    data_source: 'Sudoku',
    prompt: `Solve this ${size}x${size} sudoku (boxes of ${box}x${box}; "." is empty, ${blanks} blanks):\n${shown}\nGive the full grid, one row per line, numbers separated by spaces, between [answer] and [/answer].`,
    ground_truth: { puzzle, size, region_rows: box, region_cols: box },
    solution: `Filling the blanks row by row.\n[answer]\n${full.map((row) => row.join(' ')).join('\n')}\n[/answer]`,
  };
}

