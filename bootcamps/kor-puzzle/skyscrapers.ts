// KorPuzzleSkyscrapers: a Latin square of heights 1..n where the clues count the towers visible from each side;
// [[1 2 3 4, 2 3 4 1, ...]] checked against the rules.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pySplit, pySplitLines, pyStrip } from '../shared/py-str.ts';
import { isLatinSquare } from '../shared/latin-square.ts';

const clues = z.array(z.number());
const groundTruth = z.looseObject({ n: z.number().int(), top: clues, bottom: clues, left: clues, right: clues });

export function countVisible(heights: readonly number[]): number {
  let max = 0;
  let count = 0;
  for (const h of heights) {
    if (h > max) {
      count++;
      max = h;
    }
  }
  return count;
}

export const korPuzzleSkyscrapers = defineBootcamp({
  name: 'KorPuzzleSkyscrapers',
  answerFormat: '[[row, row, ...]] with heights separated by spaces (may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    const cleaned = pySplitLines(pyStrip(last)).join(' ').replaceAll(' , ', ', ').replaceAll(', ', ',');
    const solution: number[][] = [];
    for (const row of cleaned.split(',').map(pyStrip)) {
      const numbers = pySplit(row).map(pyInt);
      if (numbers.some((v) => v === undefined)) return null; // int() raised: None
      solution.push(numbers as number[]);
    }
    return solution;
  },
  check: (solution: number[][], gt) => {
    const n = gt.n;
    if (solution.length !== n || solution.some((row) => row.length !== n)) return false;
    if (!isLatinSquare(solution, n)) return false;
    const columns = Array.from({ length: n }, (_, j) => solution.map((row) => row[j]));
    for (let i = 0; i < n; i++) {
      if (countVisible(solution[i]) !== gt.left[i]) return false;
      if (countVisible([...solution[i]].reverse()) !== gt.right[i]) return false;
    }
    for (let j = 0; j < n; j++) {
      if (countVisible(columns[j]) !== gt.top[j]) return false;
      if (countVisible([...columns[j]].reverse()) !== gt.bottom[j]) return false;
    }
    return true;
  },
});
