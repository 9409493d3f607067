// The three KorOperation bootcamps whose references decide equality with sympy (bootcamps/shared/sympy-lite):
// 25a0 ■, the sum of two partial derivatives, [[expression]] read by parse_expr(..., transformations='all');
// 25bd ▽, f + g'', a number rounded to the line's precision or a LaTeX expression read by sympify;
// 25c6 ◆, a double integral, [[exact value]] read by sympify after ^→**, ·→*, spaces removed, lower-cased.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyFloat, pyStrip } from '../shared/py-str.ts';
import { pyRound } from '../shared/py-number.ts';
import { parseSympy } from '../shared/sympy-lite/parse.ts';
import { sympyEquivalent } from '../shared/sympy-lite/equivalence.ts';
import { lastBracketContent, lastBracketStripped } from '../kor-logic/last-bracket.ts';

/** Every sympy call sits in a try/except that returns False: a parse or evaluation failure scores 0. */
function equalOrFalse(read: () => boolean): boolean {
  try {
    return read();
  } catch {
    return false;
  }
}

export const korOperation25a0 = defineBootcamp({
  name: 'KorOperationUnicode25a0',
  answerFormat: '[[expression]], e.g. [[2x+cos(x)]]; whitespace, backslashes and braces are dropped; last tag counts',
  groundTruth: z.looseObject({ _answer_sympy: z.string() }),
  extract(output: string) {
    const last = lastBracketContent(output, true);
    return last === null ? null : removePyWhitespace(pyStrip(last));
  },
  // Kept on purpose: with the whitespace gone, "\cos x" becomes cosx, which sympy splits into c*o*s*x (0).
  check: (solution: string, gt) =>
    equalOrFalse(() => sympyEquivalent(parseSympy(solution.replace(/[\\{}]/g, ''), 'all'), parseSympy(gt._answer_sympy, 'sympify'))),
});

export const korOperation25bd = defineBootcamp({
  name: 'KorOperationUnicode25bd',
  answerFormat: '[[number]] rounded to the asked precision, or [[expression]]; last tag on one line counts',
  groundTruth: z.looseObject({
    is_numeric: z.boolean(),
    precision: z.number().int().nullish(),
    expected_num: z.number().nullish(),
    expected_str: z.string().nullish(),
  }),
  extract: lastBracketStripped,
  check: (solution: string, gt) =>
    equalOrFalse(() => {
      if (gt.is_numeric) {
        const value = pyFloat(solution);
        if (value === undefined || typeof gt.expected_num !== 'number') return false;
        return Math.abs(pyRound(value, gt.precision ?? 0) - gt.expected_num) < 1e-6;
      }
      // Kept on purpose: expected_str is LaTeX ("3 e^{3 x}"), which sympify cannot read, so nearly every symbolic
      // line scores 0 whatever the answer; where it can read it, the answer is compared.
      return sympyEquivalent(parseSympy(solution, 'sympify'), parseSympy(gt.expected_str ?? '', 'sympify'));
    }),
});

/** s.strip().replace('^', '**').replace(' ', '').replace('·', '*').lower(), in one pass (a hostile megabyte stays fast). */
function normalize25c6(s: string): string {
  const parts: string[] = [];
  for (const ch of pyStrip(s)) parts.push(ch === '^' ? '**' : ch === ' ' ? '' : ch === '·' ? '*' : ch);
  return parts.join('').toLowerCase();
}

export const korOperation25c6 = defineBootcamp({
  name: 'KorOperationUnicode25c6',
  answerFormat: '[[exact value]] such as [[3/2]] or [[(1-cos(1))*sin(1)]]; last tag counts (line breaks read as spaces)',
  groundTruth: z.looseObject({ correct_answer: z.string() }),
  extract(output: string) {
    // The reference replaces line breaks by spaces and then matches without DOTALL: the same spans as matching
    // across lines, with the breaks in the answer turned into spaces afterwards (cheaper on a huge output).
    const last = lastBracketContent(output, true);
    return last === null ? null : pyStrip(last.split('\n').join(' '));
  },
  // Kept on purpose: lower-casing turns E into the plain symbol e, so e-based answers match only symbolically.
  check: (solution: string, gt) =>
    equalOrFalse(() => sympyEquivalent(parseSympy(normalize25c6(solution), 'sympify'), parseSympy(normalize25c6(gt.correct_answer), 'sympify'))),
});
