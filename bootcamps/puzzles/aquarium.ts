// Aquarium: fill each column's tank to a level; [answer]level level ...[/answer], one integer per column. Kept on
// purpose, the reference's clue offsets: a column's clue is its level + 1, and row r's clue counts the columns
// whose level is at least r.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ row_clues: z.array(z.number()), col_clues: z.array(z.number()) });

export const aquarium = defineBootcamp({
  name: 'Aquarium',
  answerFormat: '[answer]level level ...[/answer], one integer per column; the last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const levels = pySplit(pyStrip(last)).map(pyInt);
    return levels.some((v) => v === undefined) ? null : (levels as number[]);
  },
  check: (levels: number[], gt) => {
    const cols = gt.col_clues.length;
    if (levels.length !== cols) return false;
    for (let c = 0; c < cols; c++) if (levels[c] + 1 !== gt.col_clues[c]) return false;
    for (let r = 0; r < gt.row_clues.length; r++) {
      if (levels.filter((level) => level >= r).length !== gt.row_clues[r]) return false;
    }
    return true;
  },
});
