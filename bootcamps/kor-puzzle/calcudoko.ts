// KorPuzzleCalcudoko: a Latin square whose regions meet their arithmetic targets (+, *, -, ÷); [[1 2 3,4 5 6,...]].
// Kept on purpose: a region may not repeat a digit (stricter than the usual rule), and "-"/"÷" use the first two
// cells / max÷min as the reference does.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';
import { isLatinSquare } from '../shared/latin-square.ts';

const region = z.looseObject({ cells: z.array(z.array(z.number().int())), operator: z.string(), target: z.number() });
const groundTruth = z.looseObject({ size: z.number().int(), regions: z.array(region) });

/** Python's indexing: negative indexes count from the end; out of range raises. */
function pyIndex<T>(xs: readonly T[], i: number): T {
  const k = i < 0 ? xs.length + i : i;
  if (k < 0 || k >= xs.length) throw new RangeError('index out of range');
  return xs[k];
}

export const korPuzzleCalcudoko = defineBootcamp({
  name: 'KorPuzzleCalcudoko',
  answerFormat: '[[row,row,...]] with numbers separated by spaces (newlines are removed); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    const rows = pyStrip(last.replaceAll('\n', ''))
      .split(',')
      .map(pyStrip)
      .filter((r) => r !== '');
    const grid: number[][] = [];
    for (const row of rows) {
      const numbers = pySplit(row).map(pyInt);
      if (numbers.some((v) => v === undefined)) return null; // int() raised: None
      grid.push(numbers as number[]);
    }
    return grid;
  },
  check: (grid: number[][], gt) => {
    try {
      const n = gt.size;
      if (grid.length !== n || grid.some((row) => row.length !== n)) return false;
      if (!isLatinSquare(grid, n)) return false;
      for (const r of gt.regions) {
        const nums = r.cells.map(([row, col]) => pyIndex(pyIndex(grid, row - 1), col - 1));
        if (new Set(nums).size !== nums.length) return false;
        if (r.operator === '+') {
          if (nums.reduce((a, b) => a + b, 0) !== r.target) return false;
        } else if (r.operator === '*') {
          if (nums.length === 0) throw new TypeError('reduce of an empty sequence');
          if (nums.reduce((a, b) => a * b) !== r.target) return false;
        } else if (r.operator === '-') {
          if (Math.abs(pyIndex(nums, 0) - pyIndex(nums, 1)) !== r.target) return false;
        } else if (r.operator === '÷') {
          if (nums.length === 0) throw new RangeError('max of an empty sequence');
          if (Math.max(...nums) / Math.min(...nums) !== r.target) return false;
        } else return false;
      }
      return true;
    } catch {
      return false; // the reference's bare except
    }
  },
});
