// KorOperationUnicode25cb: A○B = (xA + yB)(A + B); compute a value, solve for X ([[a or b]], integers or p/q),
// find x and y ([[x=..,y=..]]), or solve a nested equation. Kept on purpose: the reference compares its (x, y)
// tuple with the ground truth's list, so solve_xy never scores, and a \sqrt part always fails (it evals
// "math.sqrt{n}", a syntax error).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyFloat, pyInt } from '../shared/py-str.ts';
import { pyFraction, pyIsClose } from '../shared/py-number.ts';

// The reference's three patterns, tried in order; the first with matches gives its last match. Each is skipped
// when a literal every match contains is missing (exact, and cheap on hostile input).
const PAIR = new PyRegex(String.raw`\[\[x\s*=\s*(-?\d+)\s*,\s*y\s*=\s*(-?\d+)\]\]`, { mustContain: 'y' });
const ALTERNATIVES = new PyRegex(String.raw`\[\[((?:-?\d+/\d+|\d+|-\d+|\\sqrt\{\d+\})(?:\s+or\s+[-?\d+/\d+|\d+|\\sqrt{\d+}]+)+)\]\]`, { mustContain: 'or' });
const SINGLE = new PyRegex(String.raw`\[\[(-?\d+/\d+|\d+|-\d+|\\sqrt\{\d+\})\]\]`, { mustContain: ']]' });
const X_VALUE = new PyRegex(String.raw`x=(-?\d+)`);
const Y_VALUE = new PyRegex(String.raw`y=(-?\d+)`);

const groundTruth = z.looseObject({
  type: z.string(),
  answer: z.number().optional(),
  solutions: z.array(z.number()).optional(),
  equation: z.string().optional(),
  params: z.array(z.number()).optional(),
  A: z.number().optional(),
  B: z.number().optional(),
});

export const circleOp = (a: number, b: number, x: number, y: number) => (x * a + y * b) * (a + b);

export const korOperation25cb = defineBootcamp({
  name: 'KorOperationUnicode25cb',
  answerFormat: '[[n]], [[a or b]] (integers or p/q) or [[x=..,y=..]]; last match of the first form found counts',
  groundTruth,
  extract: (output) => {
    const pair = PAIR.lastFindall(output) as string[] | undefined;
    if (pair) return `x=${pair[0]},y=${pair[1]}`;
    for (const pattern of [ALTERNATIVES, SINGLE]) {
      const last = pattern.lastFindall(output) as string | undefined;
      if (last !== undefined) return last;
    }
    return null;
  },
  check: (answer: string, gt) => {
    switch (gt.type) {
      case 'compute': {
        const n = pyInt(answer);
        return n !== undefined && n === gt.answer;
      }
      case 'solve_x': {
        if (!gt.solutions) return false;
        const expected = [...new Set(gt.solutions)];
        const solutions: number[] = [];
        for (const part of answer.split(' or ')) {
          let value: number | undefined;
          if (part.includes('/')) {
            const f = pyFraction(part);
            value = f === undefined ? undefined : Number(f.num) / Number(f.den);
          } else if (part.includes('sqrt')) value = undefined;
          else value = pyFloat(part);
          if (value === undefined) return false; // the reference's except: False
          solutions.push(value);
        }
        return solutions.every((s) => expected.some((e) => pyIsClose(s, e, 1e-9))) && solutions.length === expected.length;
      }
      case 'solve_xy': {
        const x = X_VALUE.search(answer);
        const y = Y_VALUE.search(answer);
        if (!x || !y) return false;
        return false; // (x, y) == list is always False in Python
      }
      case 'nested_solve': {
        const X = pyFloat(answer);
        if (X === undefined || !gt.params || gt.params.length !== 2 || gt.A === undefined || gt.B === undefined || !gt.equation) return false;
        const [px, py] = gt.params;
        const final = circleOp(gt.A, circleOp(X, gt.B, px, py), px, py);
        const target = pyInt(gt.equation.split('=').at(-1)!);
        return target !== undefined && pyIsClose(final, target, 1e-9);
      }
      default:
        return false;
    }
  },
});
