// Calcudoku: a Latin square whose cages (letters in the ground truth's grid) meet their targets; [[1 3 2,2 1 3,...]].
// Kept on purpose, the reference's cage rules: "-" holds when some x has 2x = sum + target, "/" when some x divided
// by the product of the other (different) values equals the target.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pySplit, pyStrip, pyStripChars } from '../shared/py-str.ts';
import { isLatinSquare } from '../shared/latin-square.ts';

const groundTruth = z.looseObject({
  size: z.number().int(),
  grid: z.array(z.array(z.string())),
  groups: z.record(z.string(), z.tuple([z.string(), z.number()])),
});

export function cageHolds(op: string, target: number, nums: readonly number[]): boolean {
  switch (op) {
    case '+':
      return nums.reduce((a, b) => a + b, 0) === target;
    case '*':
      return nums.reduce((a, b) => a * b, 1) === target;
    case '-': {
      const total = nums.reduce((a, b) => a + b, 0);
      return nums.some((x) => 2 * x === total + target);
    }
    case '/':
      return nums.some((x) => {
        const product = nums.filter((v) => v !== x).reduce((a, b) => a * b, 1);
        return product !== 0 && x / product === target;
      });
    default:
      return false;
  }
}

export const calcudoku = defineBootcamp({
  name: 'Calcudoku',
  answerFormat: '[[row,row,...]] with numbers separated by spaces (may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    const grid: number[][] = [];
    for (const raw of last.split(',')) {
      const numbers = pySplit(pyStrip(pyStripChars(raw, '[] '))).map(pyInt);
      if (numbers.some((v) => v === undefined)) return null; // int() raised: None
      grid.push(numbers as number[]);
    }
    return grid;
  },
  check: (solution: number[][], gt) => {
    const n = gt.size;
    if (solution.length !== n || solution.some((row) => row.length !== n)) return false;
    if (!isLatinSquare(solution, n)) return false;
    const cages = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const group = gt.grid[i]?.[j];
        if (group === undefined) throw new RangeError('index out of range');
        if (!cages.has(group)) cages.set(group, []);
        cages.get(group)!.push(solution[i][j]);
      }
    }
    return Object.entries(gt.groups).every(([group, [op, target]]) => cageHolds(op, target, cages.get(group) ?? []));
  },
});
