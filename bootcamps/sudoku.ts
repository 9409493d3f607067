// Sudoku: fill the grid so every row, column and box holds 1..size once, keeping the givens.
// Scores the last [answer]…[/answer] block, read as lines of whitespace-separated integers.
import { z } from 'zod';
import { defineBootcamp } from './define.ts';
import { findAllBetween, pyInt, pySplit, pyStrip } from './shared/py-str.ts';

const groundTruth = z.looseObject({
  puzzle: z.array(z.array(z.number().int())),
  size: z.number().int().positive(),
  region_rows: z.number().int().positive(),
  region_cols: z.number().int().positive().optional(),
});

/** Rows of integers from the last answer block; null when there is none or any token is not an int. */
export function extractSudoku(output: string): number[][] | null {
  const blocks = findAllBetween(output, '[answer]', '[/answer]');
  if (blocks.length === 0) return null;
  const grid: number[][] = [];
  for (const line of pyStrip(blocks[blocks.length - 1]).split('\n')) {
    const row: number[] = [];
    for (const token of pySplit(line)) {
      const n = pyInt(token);
      if (n === undefined) return null;
      row.push(n);
    }
    if (row.length > 0) grid.push(row);
  }
  return grid;
}

function isFullSet(values: number[], size: number): boolean {
  const seen = new Set(values);
  if (seen.size !== size) return false;
  for (let v = 1; v <= size; v++) if (!seen.has(v)) return false;
  return true;
}

export function checkSudoku(solution: number[][], gt: z.infer<typeof groundTruth>): boolean {
  const { puzzle, size } = gt;
  // Quirk kept: boxes are region_rows × region_rows squares, whatever region_cols says.
  const box = gt.region_rows;
  if (solution.length !== size || solution.some((row) => row.length !== size)) return false;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (puzzle[i][j] !== 0 && solution[i][j] !== puzzle[i][j]) return false;
  }
  for (let i = 0; i < size; i++) {
    if (!isFullSet(solution[i], size)) return false;
    if (!isFullSet(solution.map((row) => row[i]), size)) return false;
  }
  for (let r = 0; r < size; r += box) {
    for (let c = 0; c < size; c += box) {
      const seen = new Set<number>();
      for (let i = r; i < r + box; i++) {
        for (let j = c; j < c + box; j++) {
          const v = solution[i]?.[j];
          // An index past the grid raised IndexError in the reference, which scored 0.
          if (v === undefined || v < 1 || v > size || seen.has(v)) return false;
          seen.add(v);
        }
      }
    }
  }
  return true;
}

export const sudoku = defineBootcamp({
  name: 'Sudoku',
  answerFormat: '[answer] rows of space-separated digits [/answer]',
  groundTruth,
  extract: extractSudoku,
  check: checkSudoku,
});
