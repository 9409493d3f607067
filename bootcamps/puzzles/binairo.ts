// Binairo: fill the 0/1 grid (no three alike in a line, balanced rows and columns); [answer] rows of digits
// separated by spaces [/answer], compared with the stored solution (the reference does not check the rules).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';

export const binairo = defineBootcamp({
  name: 'Binairo',
  answerFormat: '[answer] one row per line, cells separated by spaces [/answer]; compared with the solution',
  groundTruth: z.looseObject({ solution: z.array(z.array(z.number())) }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const rows: number[][] = [];
    for (const line of pyStrip(last).split('\n')) {
      const cells = pySplit(line).map(pyInt);
      if (cells.some((c) => c === undefined)) return null; // int() raised: None
      rows.push(cells as number[]);
    }
    return rows;
  },
  check: (rows: number[][], gt) => rows.length === gt.solution.length && rows.every((row, i) => row.length === gt.solution[i].length && row.every((v, j) => v === gt.solution[i][j])),
});
