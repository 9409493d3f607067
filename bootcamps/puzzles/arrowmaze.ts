// Arrowmaze: from the start, jump any distance along each cell's arrow until the end cell ○; the answer is a
// ```json grid numbering the visited cells 1, 2, … in order (0 elsewhere), checked move by move.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { jsonBlockAnswer } from '../shared/json-block.ts';
import { toJson, type PyValue, pyNumber, pySequence } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ input_grid: z.union([z.array(z.array(z.string())), z.string()]), start_position: z.array(z.number()).optional() });

export const ARROWS: Readonly<Record<string, [number, number]>> = {
  '↑': [-1, 0], '↓': [1, 0], '←': [0, -1], '→': [0, 1], '↖': [-1, -1], '↗': [-1, 1], '↙': [1, -1], '↘': [1, 1],
};


/** Whether one move from (r1, c1) to (r2, c2) follows the arrow there, as the reference decides it. */
function followsArrow(arrow: [number, number], r1: number, c1: number, r2: number, c2: number): boolean {
  const [dr, dc] = arrow;
  const deltaR = r2 - r1;
  const deltaC = c2 - c1;
  if (dr === 0) return deltaR === 0 && !(dc > 0 && deltaC <= 0) && !(dc < 0 && deltaC >= 0);
  if (dc === 0) return deltaC === 0 && !(dr > 0 && deltaR <= 0) && !(dr < 0 && deltaR >= 0);
  if (deltaR === 0 || deltaC === 0) return false;
  if ((dr > 0 && deltaR <= 0) || (dr < 0 && deltaR >= 0) || (dc > 0 && deltaC <= 0) || (dc < 0 && deltaC >= 0)) return false;
  if (deltaR % dr !== 0 || deltaC % dc !== 0) return false;
  const factorR = deltaR / dr;
  return factorR === deltaC / dc && factorR > 0;
}

export const arrowmaze = defineBootcamp({
  name: 'Arrowmaze',
  answerFormat: '```json [[1, 0, ...], ...] ``` numbering the path cells in order; the last block counts',
  groundTruth,
  extract: jsonBlockAnswer,
  toJson: (v) => toJson(v),
  check: (solution: PyValue, gt) => {
    const grid = typeof gt.input_grid === 'string' ? (JSON.parse(gt.input_grid) as string[][]) : gt.input_grid;
    const start = gt.start_position ?? [0, 0];
    if (typeof solution === 'string') throw new SyntaxError('not JSON');
    const rows = grid.length;
    const cols = rows > 0 ? grid[0].length : 0;
    const candidate = pySequence(solution);
    if (!candidate) throw new TypeError('len() of a non-sequence');
    if (candidate.length !== rows) return false;
    const cells = candidate.map((row) => pySequence(row));
    if (cells.some((row) => !row)) throw new TypeError('len() of a non-sequence');
    if (cells.some((row) => row!.length !== cols)) return false;
    const labeled: [number, number, number][] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const label = pyNumber(cells[r]![c]);
        if (label === undefined) throw new TypeError("'>' not supported");
        if (label > 0) labeled.push([label, r, c]);
      }
    }
    if (labeled.length === 0) return false;
    labeled.sort((a, b) => a[0] - b[0]); // stable, as Python's sort
    const path = labeled.map(([, r, c]) => [r, c] as const);
    if (start.length !== 2 || path[0][0] !== start[0] || path[0][1] !== start[1]) return false;
    for (let i = 0; i + 1 < path.length; i++) {
      const [r1, c1] = path[i];
      const [r2, c2] = path[i + 1];
      const symbol = grid[r1][c1];
      if (symbol === '○') return false;
      const arrow = ARROWS[symbol];
      if (!arrow || !followsArrow(arrow, r1, c1, r2, c2)) return false;
    }
    const [lr, lc] = path[path.length - 1];
    return grid[lr][lc] === '○';
  },
});
