// KorPuzzleCampsite: place tents (C) next to trees (T) with row and column counts, no two tents touching (even
// diagonally); [[X C X T, ...]] rows separated by commas, checked against the rules.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pySplit, pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ grid: z.array(z.array(z.string())), row_clues: z.array(z.number()), col_clues: z.array(z.number()) });

export const korPuzzleCampsite = defineBootcamp({
  name: 'KorPuzzleCampsite',
  answerFormat: '[[row, row, ...]] with cells separated by spaces (may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    return pyStrip(last)
      .split(',')
      .filter((row) => pyStrip(row) !== '')
      .map((row) => pySplit(row).map((e) => e.toUpperCase().replaceAll('，', ',')));
  },
  check: (solution: string[][], gt) => {
    const { grid } = gt;
    const n = grid.length;
    if (n === 0) return false; // grid[0] raises
    const m = grid[0].length;
    if (solution.length !== n || solution.some((row) => row.length !== m)) return false;
    const at = (i: number, j: number) => {
      const row = solution[i];
      if (j >= row.length || grid[i] === undefined) throw new Error('index out of range');
      return row[j];
    };
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (grid[i][j] === 'T' && at(i, j) !== 'T') return false;
    for (let i = 0; i < n; i++) if (solution[i].filter((c) => c === 'C').length !== gt.row_clues[i]) return false;
    for (let j = 0; j < m; j++) if (solution.filter((row) => row[j] === 'C').length !== gt.col_clues[j]) return false;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (at(i, j) !== 'C') continue;
        const besideTree = [[-1, 0], [1, 0], [0, -1], [0, 1]].some(([dx, dy]) => {
          const x = i + dx, y = j + dy;
          return x >= 0 && x < n && y >= 0 && y < m && at(x, y) === 'T';
        });
        if (!besideTree) return false;
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            const x = i + dx, y = j + dy;
            if ((dx || dy) && x >= 0 && x < n && y >= 0 && y < m && at(x, y) === 'C') return false;
          }
        }
      }
    }
    return true;
  },
});
