// KorOperationUnicode2605: a★b defined by an integral; the integer answers as [[1or-2]], compared as a sorted list.
// Kept on purpose: for "compute" cases the expected value is one int, which the reference cannot sort: never 1.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { pyInt } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ expected: z.union([z.array(z.number()), z.number()]) });

export const korOperation2605 = defineBootcamp({
  name: 'KorOperationUnicode2605',
  answerFormat: '[[n]] or [[n1or n2]] on one line; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output).at(-1);
    if (last === undefined) return null;
    const numbers = last.split('or').map(pyInt).filter((n): n is number => n !== undefined);
    return numbers.length > 0 ? numbers : null;
  },
  check: (solution: number[], gt) => {
    const a = [...solution].sort((x, y) => x - y);
    if (!Array.isArray(gt.expected)) throw new TypeError("'int' object is not iterable"); // sorted(int)
    const b = [...gt.expected].sort((x, y) => x - y);
    return a.length === b.length && a.every((v, i) => v === b[i]);
  },
});
