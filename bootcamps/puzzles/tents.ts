// Tents: place one tent per tree, beside it, tents never touching (even diagonally), with row and column counts;
// [answer][(row, col), ...][/answer], 1-based tuples, checked against the rules.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { PyFloat, PyTuple, toJson, type PyValue } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ grid: z.array(z.array(z.number())), row_clues: z.array(z.number()), col_clues: z.array(z.number()) });

/** The numeric value of x - 1 in Python for an int, float or bool; undefined where it raises. */
const minusOne = (v: PyValue): number | undefined => (typeof v === 'number' ? v - 1 : typeof v === 'boolean' ? Number(v) - 1 : v instanceof PyFloat ? v.value - 1 : undefined);

export const tents = defineBootcamp({
  name: 'Tents',
  answerFormat: '[answer][(row, col), ...][/answer], 1-based; the last tag counts',
  groundTruth,
  extract: (output) => {
    const parsed = lastAnswerLiteral(output);
    // Kept on purpose: only a list of 2-tuples is an answer ([1, 2] pairs extract to None).
    if (!Array.isArray(parsed) || !parsed.every((t) => t instanceof PyTuple && t.items.length === 2)) return null;
    return parsed as PyTuple[];
  },
  toJson: (v) => toJson(v),
  check: (solution: PyTuple[], gt) => {
    const coords: [number, number][] = [];
    let floats = false; // a float coordinate cannot index the grid: Python raises TypeError there (score 0)
    for (const t of solution) {
      const x = minusOne(t.items[0]);
      const y = minusOne(t.items[1]);
      if (x === undefined || y === undefined) return false; // the reference's except: False
      if (t.items[0] instanceof PyFloat || t.items[1] instanceof PyFloat) floats = true;
      coords.push([x, y]);
    }
    const key = ([x, y]: [number, number]) => `${x},${y}`;
    const tentSet = new Map(coords.map((c) => [key(c), c] as const));
    if (tentSet.size !== coords.length) return false;
    const { grid } = gt;
    const rows = grid.length;
    const cols = grid[0].length;
    for (const [x, y] of coords) {
      if (x < 0 || y < 0 || x >= rows || y >= cols) return false;
      if (floats || !Number.isInteger(x) || !Number.isInteger(y)) throw new TypeError('list indices must be integers');
      if (grid[x][y] === 1) return false;
    }
    const tentsList = [...tentSet.values()];
    for (const a of tentsList) for (const b of tentsList) if (a !== b && Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1) return false;
    const treeCounts = new Map<string, number>();
    grid.forEach((row, i) => row.forEach((v, j) => v && treeCounts.set(`${i},${j}`, 0)));
    for (const [x, y] of tentsList) {
      let besideTree = false;
      for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
        const nx = x + dx, ny = y + dy;
        if (nx >= 0 && nx < rows && ny >= 0 && ny < cols && grid[nx][ny]) {
          besideTree = true;
          treeCounts.set(`${nx},${ny}`, treeCounts.get(`${nx},${ny}`)! + 1);
        }
      }
      if (!besideTree) return false;
    }
    if ([...treeCounts.values()].some((n) => n !== 1)) return false;
    const actualRows = new Array<number>(rows).fill(0);
    const actualCols = new Array<number>(cols).fill(0);
    for (const [x, y] of tentsList) {
      actualRows[x]++;
      actualCols[y]++;
    }
    return actualRows.every((n, i) => n === gt.row_clues[i]) && actualRows.length === gt.row_clues.length && actualCols.every((n, j) => n === gt.col_clues[j]) && actualCols.length === gt.col_clues.length;
  },
});
