// Futoshiki: a Latin square that keeps the given digits and the < / > constraints between neighbours;
// [answer][[1,2,3],[2,3,1],...][/answer], checked against the rules.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { toJson, type PyValue, pyNumber, pySequence } from '../shared/py-literal.ts';

const inequality = z.looseObject({ cell1: z.array(z.number().int()), cell2: z.array(z.number().int()), symbol: z.string() });
const groundTruth = z.looseObject({ size: z.number().int(), initial: z.array(z.array(z.number())), inequalities: z.array(inequality) });

/** The number a cell stands for in Python comparisons and sets (bools are ints); undefined for anything else. */

export const futoshiki = defineBootcamp({
  name: 'Futoshiki',
  answerFormat: '[answer][[1,2,3],[2,3,1],[3,1,2]][/answer]; the last tag counts',
  groundTruth,
  extract: lastAnswerLiteral,
  toJson: (v) => toJson(v as PyValue),
  check: (solution: PyValue, gt) => {
    const n = gt.size;
    // Lists or tuples both index like Python sequences; anything else fails one of the checks below (or raises).
    const rows = pySequence(solution);
    if (!rows) throw new TypeError('not a sequence'); // len() raises: 0
    const cells = rows.map((row) => pySequence(row));
    if (rows.length !== n || cells.some((row) => !row || row.length !== n)) return false;
    const grid = (cells as (readonly PyValue[])[]).map((row) => row.map(pyNumber));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (gt.initial[i][j] !== 0 && grid[i][j] !== gt.initial[i][j]) return false;
    const isDigits = (cells: (number | undefined)[]) => {
      const set = new Set(cells);
      return set.size === n && [...set].every((v) => v !== undefined && Number.isInteger(v) && v >= 1 && v <= n);
    };
    if (!grid.every(isDigits)) return false;
    for (let j = 0; j < n; j++) if (!isDigits(grid.map((row) => row[j]))) return false;
    for (const q of gt.inequalities) {
      const a = grid[q.cell1[0]]?.[q.cell1[1]];
      const b = grid[q.cell2[0]]?.[q.cell2[1]];
      if (a === undefined || b === undefined) throw new RangeError('index out of range');
      if (!(q.symbol === '>' ? a > b : a < b)) return false;
    }
    return true;
  },
});
