// Campsite: put tents (C) beside trees (T), never touching each other (even diagonally), with the row and column
// counts; the answer is a ```json grid. Kept on purpose, the reference validator's leniency: an empty cell may
// hold anything but a tree, and nothing ties a tent to a tree of its own.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { jsonBlockAnswer } from '../shared/json-block.ts';
import { toJson, type PyValue, pySequence } from '../shared/py-literal.ts';

const strings = z.array(z.array(z.string()));
const numbers = z.array(z.number());
const groundTruth = z.looseObject({
  input_grid: z.union([strings, z.string()]),
  row_constraints: z.union([numbers, z.string()]),
  col_constraints: z.union([numbers, z.string()]),
});

const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

export const campsite = defineBootcamp({
  name: 'Campsite',
  answerFormat: "```json [['T', 'C', 'X'], ...] ``` the whole grid; the last block counts",
  groundTruth,
  extract: jsonBlockAnswer,
  toJson: (v) => toJson(v),
  check: (solution: PyValue, gt) => {
    const puzzle = parsed(gt.input_grid);
    const rowConstraints = parsed(gt.row_constraints);
    const colConstraints = parsed(gt.col_constraints);
    const n = puzzle.length;
    const m = puzzle[0].length;
    const rows = pySequence(solution, { strings: true });
    if (!rows) throw new TypeError('len() of a non-sequence');
    const grid = rows.map((row) => pySequence(row, { strings: true }));
    if (grid.some((row) => !row)) throw new TypeError('len() of a non-sequence');
    if (grid.length !== n || grid.some((row) => row!.length !== m)) return false;
    const at = (r: number, c: number) => grid[r]![c];
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < m; c++) {
        if (puzzle[r][c] === 'T' && at(r, c) !== 'T') return false;
        if (puzzle[r][c] === 'X' && at(r, c) === 'T') return false;
      }
    }
    const rowCounts = new Array<number>(n).fill(0);
    const colCounts = new Array<number>(m).fill(0);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < m; c++) {
        if (at(r, c) === 'C') {
          rowCounts[r]++;
          colCounts[c]++;
        }
      }
    }
    if (rowCounts.some((count, r) => count !== rowConstraints[r])) return false;
    if (colCounts.some((count, c) => count !== colConstraints[c])) return false;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < m; c++) {
        if (at(r, c) !== 'C') continue;
        const inside = (rr: number, cc: number) => rr >= 0 && rr < n && cc >= 0 && cc < m;
        if (![[-1, 0], [1, 0], [0, -1], [0, 1]].some(([dr, dc]) => inside(r + dr, c + dc) && at(r + dr, c + dc) === 'T')) return false;
        for (const [dr, dc] of [[-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]]) {
          if (inside(r + dr, c + dc) && at(r + dr, c + dc) === 'C') return false;
        }
      }
    }
    return true;
  },
});
