// KorOperationUnicode2295: an operation on complex numbers (a⊕b = a + bi); compute a result ([[x+yi]], real and
// imaginary parts rounded to 2 places) or solve for an unknown part ([[number]], rounded to 2 places).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyFloat, pyStrip } from '../shared/py-str.ts';
import { pyComplex, pyRound } from '../shared/py-number.ts';

const groundTruth = z.looseObject({
  type: z.string(),
  solution: z.number().optional(),
  solution_real: z.number().optional(),
  solution_imag: z.number().optional(),
});

export const korOperation2295 = defineBootcamp({
  name: 'KorOperationUnicode2295',
  answerFormat: '[[x+yi]] or [[number]] on one line; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output).at(-1);
    return last === undefined ? null : removePyWhitespace(pyStrip(last));
  },
  check: (solution: string, gt) => {
    if (gt.type === 'equation') {
      const value = pyFloat(solution);
      return value !== undefined && pyRound(value, 2) === gt.solution;
    }
    // Kept on purpose: every "i" becomes "j" for Python's complex(), so "inf" cannot be read.
    const parsed = pyComplex(solution.replaceAll(' ', '').toLowerCase().replaceAll('i', 'j'));
    if (!parsed) return false;
    if (gt.solution_real === undefined || gt.solution_imag === undefined) throw new Error('solution parts missing');
    return pyRound(parsed[0], 2) === pyRound(gt.solution_real, 2) && pyRound(parsed[1], 2) === pyRound(gt.solution_imag, 2);
  },
});
