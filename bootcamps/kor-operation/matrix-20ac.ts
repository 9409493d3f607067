// KorOperationUnicode20ac: A€B = 2A + 3B for integer matrices; [[((a,b),(c,d))]], a tuple of row tuples,
// each entry within 1e-9 of the expected value.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';
import { PyTuple, toJson, tryParsePyLiteral, pyNumber } from '../shared/py-literal.ts';
import { pyIsClose } from '../shared/py-number.ts';

const matrix = z.array(z.array(z.number()));
const groundTruth = z.looseObject({ A: matrix, B: matrix });

export const korOperation20ac = defineBootcamp({
  name: 'KorOperationUnicode20ac',
  answerFormat: '[[((a,b),(c,d))]]: the matrix 2A+3B as a tuple of row tuples; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output, true).at(-1);
    if (last === undefined) return null;
    const parsed = tryParsePyLiteral(removePyWhitespace(pyStrip(last)), { keepFloats: true });
    // Kept on purpose: only a tuple of tuples is an answer; lists (or a bare number) extract to None.
    if (!(parsed instanceof PyTuple) || !parsed.items.every((row) => row instanceof PyTuple)) return null;
    return parsed;
  },
  toJson: (v) => toJson(v),
  check: (solution: PyTuple, gt) => {
    const rows = solution.items as PyTuple[];
    if (rows.length !== gt.A.length || rows.some((row, i) => i < gt.A.length && row.items.length !== gt.A[i].length)) return false;
    for (let i = 0; i < Math.min(gt.A.length, gt.B.length); i++) {
      for (let j = 0; j < Math.min(gt.A[i].length, gt.B[i].length); j++) {
        const actual = pyNumber(rows[i].items[j]);
        if (actual === undefined) return false; // TypeError → False
        if (!pyIsClose(2 * gt.A[i][j] + 3 * gt.B[i][j], actual, 1e-9, 1e-9)) return false;
      }
    }
    return true;
  },
});
