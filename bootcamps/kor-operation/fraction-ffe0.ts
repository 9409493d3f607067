// KorOperationUnicode￠ (ffe0): an operation on fractions; the result as [[p/q]] (equal as exact fractions), a
// logarithm expression when it cannot be written so (compared without whitespace), or an integer solution.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyInt } from '../shared/py-str.ts';
import { pyFraction } from '../shared/py-number.ts';

const groundTruth = z.looseObject({
  type: z.string(),
  target: z.union([z.string(), z.number().int()]).optional(),
  is_expressible: z.boolean().optional(),
  log_expr: z.string().optional(),
  solution: z.number().optional(),
});

export const korOperationFfe0 = defineBootcamp({
  name: 'KorOperationUnicodeffe0',
  answerFormat: '[[p/q]], [[log expression]] or [[integer]] on one line; last tag counts (not stripped)',
  groundTruth,
  extract: (output) => findAllDoubleBracket(output).at(-1) ?? null,
  check: (solution: string, gt) => {
    if (gt.type === 'compute') {
      if (gt.is_expressible ?? true) {
        const given = pyFraction(solution);
        const expected = gt.target === undefined ? undefined : pyFraction(String(gt.target));
        return given !== undefined && expected !== undefined && given.equals(expected);
      }
      return gt.log_expr !== undefined && removePyWhitespace(solution) === removePyWhitespace(gt.log_expr);
    }
    const n = pyInt(solution);
    return n !== undefined && n === gt.solution;
  },
});
