// LightUp (Akari): bulbs on white cells light their row and column up to black cells; every white cell lit, no
// two bulbs seeing each other, numbered black cells with that many bulbs beside them; [answer][(r,c), ...][/answer].
// Kept on purpose: a numbered cell counts only bulbs written as tuples ((r, c) in bulbs), not as lists.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyStrip } from '../shared/py-str.ts';
import { PyFloat, PyTuple, toJson, tryParsePyLiteral, type PyValue, pyNumber } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ grid: z.array(z.array(z.string())), rows: z.number().int(), cols: z.number().int() });

interface Bulb {
  x: number;
  y: number;
  /** Written as a tuple: only those match `(i, j) in bulbs`. */
  tuple: boolean;
  /** A float coordinate: Python raises when it indexes the grid. */
  float: boolean;
}


/** Python's iteration and two-name unpacking of the answer; anything else raises (score 0). */
function bulbsOf(solution: PyValue): Bulb[] {
  const items = Array.isArray(solution) ? solution : solution instanceof PyTuple ? solution.items : undefined;
  if (!items) throw new TypeError('bulbs are not a list');
  return items.map((b) => {
    const pair = Array.isArray(b) ? b : b instanceof PyTuple ? b.items : undefined;
    if (!pair || pair.length !== 2) throw new TypeError('cannot unpack a bulb');
    const x = pyNumber(pair[0]);
    const y = pyNumber(pair[1]);
    if (x === undefined || y === undefined) throw new TypeError('comparison with a non-number');
    return { x, y, tuple: b instanceof PyTuple, float: pair[0] instanceof PyFloat || pair[1] instanceof PyFloat };
  });
}

export const lightUp = defineBootcamp({
  name: 'LightUp',
  answerFormat: '[answer][(row, col), ...][/answer], 0-based; the last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    return tryParsePyLiteral(pyStrip(last).replaceAll(' ', '').replaceAll('\n', ''), { keepFloats: true }) ?? null;
  },
  toJson: (v) => toJson(v as PyValue),
  check: (solution: PyValue, gt) => {
    const { grid, rows, cols } = gt;
    const bulbs = bulbsOf(solution);
    const cell = (x: number, y: number) => {
      if (!Number.isInteger(x) || !Number.isInteger(y)) throw new TypeError('list indices must be integers');
      const v = grid.at(x)?.[y < 0 ? grid[0].length + y : y];
      if (v === undefined) throw new RangeError('index out of range');
      return v;
    };
    for (const { x, y, float } of bulbs) {
      if (!(x >= 0 && x < rows && y >= 0 && y < cols)) return false;
      if (float) throw new TypeError('list indices must be integers');
      if (!cell(x, y).startsWith('W')) return false;
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const c = cell(i, j);
        if (c.startsWith('B') && c.length > 1 && /^\p{Nd}/u.test(c.slice(1))) {
          const required = Number(c[1]);
          let count = 0;
          for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
            const ni = i + dx;
            const nj = j + dy;
            if (ni >= 0 && ni < rows && nj >= 0 && nj < cols && bulbs.some((b) => b.tuple && b.x === ni && b.y === nj)) count++;
          }
          if (count !== required) return false;
        }
      }
    }
    const clearRow = (x: number, y1: number, y2: number) => {
      for (let y = Math.min(y1, y2) + 1; y < Math.max(y1, y2); y++) if (cell(x, y).startsWith('B')) return false;
      return true;
    };
    const clearCol = (y: number, x1: number, x2: number) => {
      for (let x = Math.min(x1, x2) + 1; x < Math.max(x1, x2); x++) if (cell(x, y).startsWith('B')) return false;
      return true;
    };
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (!cell(i, j).startsWith('W')) continue;
        const lit = bulbs.some((b) => (b.x === i && clearRow(b.x, b.y, j)) || (b.y === j && clearCol(b.y, b.x, i)));
        if (!lit) return false;
      }
    }
    for (let a = 0; a < bulbs.length; a++) {
      for (let b = a + 1; b < bulbs.length; b++) {
        const p = bulbs[a];
        const q = bulbs[b];
        if (p.x === q.x) {
          if (clearRow(p.x, p.y, q.y)) return false;
        } else if (p.y === q.y && clearCol(p.y, p.x, q.x)) return false;
      }
    }
    return true;
  },
});
