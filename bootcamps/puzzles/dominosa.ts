// Dominosa: cover the number grid with dominoes, every number pair used once; [answer] (r,c),(r,c) per domino
// [/answer] (0-based), checked for adjacency, full coverage and unique pairs.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

const DOMINO = new PyRegex(String.raw`\((\d+)\s*,\s*(\d+)\)\s*,\s*\((\d+)\s*,\s*(\d+)\)`, { mustContain: ')' });
type Domino = [[number, number], [number, number]];

export const dominosa = defineBootcamp({
  name: 'Dominosa',
  answerFormat: '[answer] (row,col),(row,col) for each domino, 0-based [/answer]; the last tag counts',
  groundTruth: z.looseObject({ grid: z.array(z.array(z.number())) }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const dominoes: Domino[] = (DOMINO.findall(pyStrip(last)) as string[][]).map((m) => {
      const [a, b, c, d] = m.map((v) => pyInt(v)!);
      return [[a, b], [c, d]];
    });
    return dominoes.length > 0 ? dominoes : null;
  },
  check: (solution: Domino[], gt) => {
    const { grid } = gt;
    const rows = grid.length;
    const cols = rows > 0 ? grid[0].length : 0;
    const covered = new Set<string>();
    const pairs = new Set<string>();
    for (const [[r1, c1], [r2, c2]] of solution) {
      if (!(r1 >= 0 && r1 < rows && c1 >= 0 && c1 < cols)) return false;
      if (!(r2 >= 0 && r2 < rows && c2 >= 0 && c2 < cols)) return false;
      if (!((r1 === r2 && Math.abs(c1 - c2) === 1) || (c1 === c2 && Math.abs(r1 - r2) === 1))) return false;
      if (covered.has(`${r1},${c1}`) || covered.has(`${r2},${c2}`)) return false;
      covered.add(`${r1},${c1}`).add(`${r2},${c2}`);
      const a = grid[r1][c1];
      const b = grid[r2][c2];
      pairs.add(a <= b ? `${a},${b}` : `${b},${a}`);
    }
    if (covered.size !== rows * cols) return false;
    return pairs.size === solution.length;
  },
});
