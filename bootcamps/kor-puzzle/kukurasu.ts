// KorPuzzleKukurasu: shade cells (1) so that each row's and column's shaded positions (1-based) add up to its
// clue; [[1 0 0 1, 0 0 1 1, ...]].
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyStrip, pyStripChars } from '../shared/py-str.ts';

// The whole [[...]] without brackets inside; a hand-checked linear pattern.
const BLOCK = new PyRegex(String.raw`\[{2}[^\[\]]*\]{2}`, { mustContain: ']]' });
const SPACES = new PyRegex(String.raw`\s+`);
const NOT_DIGIT_OR_SPACE = new PyRegex(String.raw`[^\d\s]`);
const ANSWER_SHAPE = /^(?:[01] )+[01](?:, (?:[01] )+[01])*$/;

const groundTruth = z.looseObject({ size: z.number().int(), row_sums: z.array(z.number()), col_sums: z.array(z.number()) });

export const korPuzzleKukurasu = defineBootcamp({
  name: 'KorPuzzleKukurasu',
  answerFormat: '[[1 0 1 0, 0 1 0 0, ...]] rows of 0/1 separated by commas; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = BLOCK.lastFindall(output) as string | undefined;
    if (last === undefined) return null;
    const processed = pyStrip(SPACES.sub(' ', pyStripChars(last, '[]').replaceAll('，', ',')));
    const rows = processed
      .split(',')
      .map((r) => pyStrip(NOT_DIGIT_OR_SPACE.sub('', r)))
      .filter((r) => r !== '');
    return rows.length > 0 ? rows.join(', ') : null;
  },
  check: (solution: string, gt) => {
    const n = gt.size;
    if (!ANSWER_SHAPE.test(solution)) return false;
    const grid = solution.split(', ').map((row) => row.split(' ').map(Number));
    if (grid.some((row) => row.length !== n)) return false;
    if (grid.length < n) return false; // grid[i] for i < n raises IndexError: False
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) if (grid[i][j]) sum += j + 1;
      if (sum !== gt.row_sums[i]) return false;
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) if (grid[i][j]) sum += i + 1;
      if (sum !== gt.col_sums[j]) return false;
    }
    return true;
  },
});
