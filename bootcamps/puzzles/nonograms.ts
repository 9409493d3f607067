// Nonograms: fill cells to match the row and column run clues; [answer] one line per row, X for filled and "."
// for empty [/answer]. Kept on purpose: spaces are dropped when reading a line, so only "." marks an empty cell.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyIsSpace, pyStrip } from '../shared/py-str.ts';

const clues = z.array(z.array(z.number()));
const groundTruth = z.looseObject({ rows: clues, columns: clues });

export function runClues(line: readonly boolean[]): number[] {
  const out: number[] = [];
  let current = 0;
  for (const cell of line) {
    if (cell) current++;
    else if (current > 0) {
      out.push(current);
      current = 0;
    }
  }
  if (current > 0) out.push(current);
  return out;
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export const nonograms = defineBootcamp({
  name: 'Nonograms',
  answerFormat: '[answer] rows of X (filled) and . (empty), one per line [/answer]; the last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const grid: boolean[][] = [];
    for (const raw of pyStrip(last).split('\n')) {
      const line = pyStrip(raw);
      if (!line) continue;
      grid.push(Array.from(line).filter((c) => !pyIsSpace(c.codePointAt(0)!) || c === '.').map((c) => c.toUpperCase() === 'X'));
    }
    return grid;
  },
  check: (grid: boolean[][], gt) => {
    if (grid.length !== gt.rows.length) return false;
    if (grid.some((row) => row.length !== gt.columns.length)) return false;
    for (const [i, row] of grid.entries()) if (!sameList(runClues(row), gt.rows[i])) return false;
    for (let j = 0; j < gt.columns.length; j++) if (!sameList(runClues(grid.map((row) => row[j])), gt.columns[j])) return false;
    return true;
  },
});
