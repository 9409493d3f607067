// Starbattle: one star per row, column and region, no two stars touching; the answer is a ```json block
// {'A': [(row, col)], ...} (1-based). Kept on purpose: only the regions and rows present are checked, so an
// empty {} scores 1; and the reference's own n (stars per region) is 1, its default, since the lines carry none.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyJsonLoads } from '../shared/py-json.ts';
import { PyDict, toJson, type PyValue, pyNumber } from '../shared/py-literal.ts';

const JSON_BLOCK = new PyRegex(String.raw`\x60\x60\x60json\s*(\{[\s\S]*?\})\s*\x60\x60\x60`, { mustContain: '```json' });
const groundTruth = z.looseObject({ input_grid: z.union([z.array(z.array(z.string())), z.string()]), n: z.number().optional() });

/** An int coordinate as Python would use it to index (floats raise TypeError there); undefined otherwise. */
const intOf = (v: PyValue): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'boolean' ? Number(v) : undefined);

export const starbattle = defineBootcamp({
  name: 'Starbattle',
  answerFormat: "```json {'A': [(row, col)], ...} ``` (1-based); the last block counts",
  groundTruth,
  extract: (output): PyValue | null => {
    const last = JSON_BLOCK.lastFindall(output) as string | undefined;
    if (last === undefined) return null;
    const text = last.replaceAll("'", '"').replaceAll('(', '[').replaceAll(')', ']');
    try {
      return pyJsonLoads(text);
    } catch {
      return text; // the reference returns the string when json.loads fails
    }
  },
  toJson: (v) => toJson(v),
  check: (solution: PyValue, gt) => {
    if (!(solution instanceof PyDict)) throw new TypeError('no .items()'); // a string answer raises: 0
    const grid = typeof gt.input_grid === 'string' ? (JSON.parse(gt.input_grid) as string[][]) : gt.input_grid;
    const n = gt.n ?? 1;
    const stars: [number, number][] = [];
    for (const [region, coords] of solution.entries) {
      if (!Array.isArray(coords)) throw new TypeError('not iterable');
      for (const coord of coords) {
        if (!Array.isArray(coord) || coord.length !== 2) throw new TypeError('cannot unpack');
        const [rowV, colV] = coord;
        const row = pyNumber(rowV);
        const col = pyNumber(colV);
        if (row === undefined || col === undefined) throw new TypeError('comparison with a non-number');
        if (row < 1 || row > grid.length || col < 1 || col > grid[0].length) return false;
        const ri = intOf(rowV);
        const ci = intOf(colV);
        if (ri === undefined || ci === undefined) throw new TypeError('list indices must be integers');
        if (grid[ri - 1][ci - 1] !== region) return false;
        stars.push([row, col]);
      }
    }
    for (const [, coords] of solution.entries) if ((coords as PyValue[]).length !== n) return false;
    const rows = new Map<number, number>();
    const cols = new Map<number, number>();
    for (const [r, c] of stars) {
      rows.set(r, (rows.get(r) ?? 0) + 1);
      cols.set(c, (cols.get(c) ?? 0) + 1);
    }
    if ([...rows.values(), ...cols.values()].some((v) => v !== n)) return false;
    for (let i = 0; i < stars.length; i++) {
      for (let j = i + 1; j < stars.length; j++) {
        if (Math.abs(stars[i][0] - stars[j][0]) <= 1 && Math.abs(stars[i][1] - stars[j][1]) <= 1) return false;
      }
    }
    return true;
  },
});
