// Kakurasu: shade cells so that each row's shaded column numbers (1-based) and each column's shaded row numbers
// add up to the targets; [answer][[1, 0, 0], ...][/answer], a list of 0/1 lists, checked against the targets.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { PyFloat, toJson, type PyValue } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ n: z.number().int(), row_targets: z.array(z.number()), col_targets: z.array(z.number()) });

/** 0 or 1 as Python's `cell in (0, 1)` sees it (False, True, 0.0 and 1.0 count too); else undefined. */
function bit(cell: PyValue): number | undefined {
  const v = typeof cell === 'boolean' ? Number(cell) : cell instanceof PyFloat ? cell.value : cell;
  return v === 0 || v === 1 ? v : undefined;
}

export const kakurasu = defineBootcamp({
  name: 'Kakurasu',
  answerFormat: '[answer][[1, 0, ...], ...][/answer] (a list of 0/1 rows); the last tag counts',
  groundTruth,
  // literal_eval failing with anything but SyntaxError/ValueError (deep nesting: RecursionError) escapes the
  // reference's extract and scores 0 as well; None either way.
  extract: lastAnswerLiteral,
  toJson: (v) => toJson(v as PyValue),
  check: (solution: PyValue, gt) => {
    const n = gt.n;
    if (!Array.isArray(solution) || solution.length !== n) return false;
    const grid: number[][] = [];
    for (const row of solution) {
      if (!Array.isArray(row) || row.length !== n) return false;
      const bits = row.map(bit);
      if (bits.some((b) => b === undefined)) return false;
      grid.push(bits as number[]);
    }
    for (let i = 0; i < n; i++) if (grid[i].reduce((s, cell, j) => s + (j + 1) * cell, 0) !== gt.row_targets[i]) return false;
    for (let j = 0; j < n; j++) if (grid.reduce((s, row, i) => s + (i + 1) * row[j], 0) !== gt.col_targets[j]) return false;
    return true;
  },
});
