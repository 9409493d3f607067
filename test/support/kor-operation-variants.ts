// Outputs of every shape for the KorOperation shared lines: the right answer computed from the ground truth (a
// small solver for the 25ce equations), a wrong one, and the [[...]] format variants.
import type { Variant } from './core-variants.ts';
import { doubleBracketVariants, korLogicWrongAnswer } from './kor-logic-variants.ts';
import { equationValue } from '../../bootcamps/kor-operation/complex-square-25ce.ts';

type GT = Record<string, any>;
const signed = (n: number) => (n < 0 ? `${n}` : `+${n}`);

export function korOperationRightAnswer(source: string, gt: GT): string {
  switch (source) {
    case 'KorOperationUnicode20ac':
      return `(${gt.A.map((row: number[], i: number) => `(${row.map((a, j) => 2 * a + 3 * gt.B[i][j]).join(',')})`).join(',')})`;
    case 'KorOperationUnicode2295':
      return gt.type === 'equation' ? String(gt.solution) : `${gt.solution_real}${signed(gt.solution_imag)}i`;
    case 'KorOperationUnicode25a1':
    case 'KorOperationUnicode25b3':
      return String(gt.correct_answer);
    case 'KorOperationUnicode25ce': {
      if (gt.type === 'calculation') return `(${gt.correct[0]}${signed(gt.correct[1])}i)`;
      for (let x = 0; x <= 500; x++) {
        for (const X of [x, -x]) {
          const v = equationValue(X, gt as never);
          if (v && v[0] === gt.target[0] && v[1] === gt.target[1]) return String(X);
        }
      }
      return 'unsolved';
    }
    case 'KorOperationUnicode25cb':
      if (gt.type === 'compute') return String(gt.answer);
      if (gt.type === 'solve_x') return [...new Set<number>(gt.solutions)].map(asFraction).join(' or ');
      if (gt.type === 'solve_xy') return `x=${gt.solution[0]},y=${gt.solution[1]}`;
      return String(gt.solution);
    case 'KorOperationUnicode25cf':
      return gt.problem_type === 'compute' ? String(gt.correct_answer) : gt.correct_answers.join(' or ');
    case 'KorOperationUnicode2605':
      return Array.isArray(gt.expected) ? gt.expected.join('or') : String(gt.expected);
    case 'KorOperationUnicodeffe0':
      if (gt.type === 'compute') return (gt.is_expressible ?? true) ? String(gt.target) : gt.log_expr;
      return String(gt.solution);
    case 'KorOperationUnicodeffe1':
      return (gt.type ?? 'finite') === 'finite' ? `{${gt.solution.join(',')}}` : String(gt.solution);
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

export function korOperationVariants(source: string, gt: GT): Variant[] {
  const a = korOperationRightAnswer(source, gt);
  return doubleBracketVariants(a, korLogicWrongAnswer(a));
}

/** An integer as itself, else p/q with the smallest denominator that gives the same float. */
function asFraction(v: number): string {
  if (Number.isInteger(v)) return String(v);
  for (let q = 2; q <= 1000; q++) {
    const p = Math.round(v * q);
    if (p / q === v) return `${p}/${q}`;
  }
  return String(v);
}
