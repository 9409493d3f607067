// Game24: combine every given number once with + - * / and parentheses to reach the target.
// Scores the last \boxed{expression}; 1 when it uses exactly the puzzle's numbers and equals the target.
import { z } from 'zod';
import { defineBootcamp } from './define.ts';
import { lastBoxedContent } from './shared/boxed.ts';
import { evalArithmetic, Fraction } from './shared/arithmetic.ts';
import { pythonEvalSource } from './shared/python-eval-source.ts';
import { pyInt, pySplit } from './shared/py-str.ts';

const groundTruth = z.looseObject({
  puzzle: z.string(),
  target: z.union([z.number().int(), z.string()]),
});

/** The reference's normalisation, quirks kept: "**" is deleted (so 2**3 reads as 23), LaTeX operators mapped. */
export function normalizeGame24(solution: string): string {
  return solution.replaceAll('**', '').replaceAll('\\times', '*').replaceAll('\\div', '/').replaceAll('\\left', '').replaceAll('\\right', '');
}

/**
 * The reference's check, with its eval replaced by our exact arithmetic. Deliberate differences from eval:
 * rational arithmetic (8/(3-8/3) is 24 here; Python's floats make it 23.999…) and no function calls or names.
 */
export function checkGame24(solution: string, puzzle: string, target: number | string): boolean {
  const remaining = pySplit(puzzle);
  const normalized = normalizeGame24(solution);
  const numbers = normalized.match(/\p{Nd}+/gu) ?? [];
  if (numbers.length !== remaining.length) return false;
  for (const n of numbers) {
    const at = remaining.indexOf(n); // compared as text: "06" is not "6", as in the reference
    if (at < 0) return false;
    remaining.splice(at, 1);
  }
  if (normalized.includes('//')) return false;
  const wanted = typeof target === 'number' ? target : pyInt(target);
  if (wanted === undefined) return false;
  try {
    return evalArithmetic(pythonEvalSource(normalized)).equals(Fraction.of(wanted));
  } catch {
    return false; // a syntax error or division by zero is a wrong answer, as eval's exception was
  }
}

export const game24 = defineBootcamp({
  name: 'Game24',
  answerFormat: '\\boxed{expression} using every number once with + - * / ( )',
  groundTruth,
  extract: lastBoxedContent,
  check: (solution, gt) => checkGame24(solution, gt.puzzle, gt.target),
});
