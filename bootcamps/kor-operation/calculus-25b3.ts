// KorOperationUnicode25b3: derivative of a composition; the LaTeX answer is compared as text with whitespace and
// multiplication signs (\cdot, *) removed, other answers with spaces removed.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ correct_answer: z.string(), answer_format: z.string() });
const latex = (s: string) => removePyWhitespace(s).replaceAll('\\cdot', '').replaceAll('*', '');

export const korOperation25b3 = defineBootcamp({
  name: 'KorOperationUnicode25b3',
  answerFormat: '[[LaTeX]] (may span lines), compared as text without spaces or \\cdot; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output, true).at(-1);
    return last === undefined ? null : pyStrip(last);
  },
  check: (solution: string, gt) => {
    const expected = pyStrip(gt.correct_answer);
    const given = pyStrip(solution);
    if (gt.answer_format === 'latex') return latex(given) === latex(expected);
    return given.replaceAll(' ', '') === expected.replaceAll(' ', '');
  },
});
