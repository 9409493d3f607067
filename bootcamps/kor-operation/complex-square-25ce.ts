// KorOperationUnicode25ce: a◎b = (a + bi)², i.e. (a² − b², 2ab); compute a combination ([[x+yi]], read by
// Python's complex()) or find the integer X of an equation ([[X]]).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';
import { pyComplex } from '../shared/py-number.ts';

const ANSWER = new PyRegex(String.raw`\[\[([^\[\]]+)\]\]`, { mustContain: ']]' });
const groundTruth = z.looseObject({
  type: z.string(),
  correct: z.array(z.number()).optional(),
  params: z.array(z.union([z.number(), z.string()])).optional(),
  x_pos: z.string().optional(),
  form: z.string().optional(),
  target: z.array(z.number()).optional(),
});

export function squareOp(a: number, b: number): [number, number] {
  return [a ** 2 - b ** 2, 2 * a * b];
}

/**
 * The reference's parse_complex, kept on purpose: trailing "j"s are stripped *before* complex() reads the text,
 * so "3+4i" fails (and then int("3+4") raises), while "(3+4i)" and plain integers work. int() truncates.
 */
function parseComplexAnswer(s: string): [number, number] {
  const t = s.replaceAll(' ', '').toLowerCase().replaceAll('i', 'j').replace(/j+$/, ''); // rstrip('j')
  const c = pyComplex(t);
  if (c) {
    if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) throw new Error('cannot convert to int');
    return [Math.trunc(c[0]), Math.trunc(c[1])];
  }
  if (t === '') return [0, 0];
  const n = pyInt(t);
  if (n === undefined) throw new Error(`invalid literal for int(): ${t}`);
  return [n, 0];
}

/** The left and right sides of the equation for a candidate X, as the reference computes them. */
export function equationValue(X: number, gt: z.infer<typeof groundTruth>): [number, number] | undefined {
  const p = (gt.params ?? []) as number[];
  const scalar = gt.x_pos === 'left_scalar' || gt.x_pos === 'right_scalar';
  if (p.length !== (scalar ? 5 : 4)) throw new Error('params do not unpack'); // ValueError in the reference
  let left: [number, number];
  let right: [number, number];
  switch (gt.x_pos) {
    case 'left':
      left = squareOp(X, p[0]);
      right = squareOp(p[1], p[2]);
      break;
    case 'right':
      right = squareOp(X, p[0]);
      left = squareOp(p[1], p[2]);
      break;
    case 'left_scalar':
      left = squareOp(X, p[0]);
      right = squareOp(p[1], p[2]).map((v) => v * p[3]) as [number, number];
      break;
    case 'right_scalar':
      right = squareOp(X, p[0]).map((v) => v * p[3]) as [number, number];
      left = squareOp(p[1], p[2]);
      break;
    default:
      return undefined; // the reference then fails on an unbound name: False
  }
  const op = (gt.form ?? '').split(/\s+/).filter(Boolean)[1];
  if (op === undefined) throw new Error('form has no operator');
  return op === '+' ? [left[0] + right[0], left[1] + right[1]] : [left[0] - right[0], left[1] - right[1]];
}

export const korOperation25ce = defineBootcamp({
  name: 'KorOperationUnicode25ce',
  answerFormat: '[[X]] (an integer) or [[(x+yj)]]; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = ANSWER.lastFindall(output) as string | undefined;
    return last === undefined ? null : pyStrip(last);
  },
  check: (solution: string, gt) => {
    try {
      if (gt.type === 'calculation') {
        const [real, imag] = parseComplexAnswer(solution);
        return gt.correct !== undefined && real === gt.correct[0] && imag === gt.correct[1];
      }
      const X = pyInt(solution);
      if (X === undefined) return false;
      const total = equationValue(X, gt);
      return total !== undefined && gt.target !== undefined && total[0] === gt.target[0] && total[1] === gt.target[1];
    } catch {
      return false; // the reference's bare except
    }
  },
});
