// KorPuzzleConnectWords: form the given-length words from the letters, using each letter once; [[WORD WORD]]
// in capitals. Words must come from the reference's own small word pool (copied as data, 24 words).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracketNoClose } from '../shared/double-brackets.ts';
import { pySplit, pyStrip } from '../shared/py-str.ts';

/** The reference's default_word_pool(), by word length. */
const WORD_POOL: Readonly<Record<number, ReadonlySet<string>>> = {
  2: new Set(['BE', 'NO', 'IN', 'TO', 'UP']),
  3: new Set(['CAT', 'DOG', 'BED', 'PEN', 'CAR', 'BAT', 'RAT', 'MAT', 'PAN']),
  4: new Set(['DESK', 'BALL', 'FISH', 'CAKE', 'ROAD', 'BEAN', 'UNIT']),
  5: new Set(['APPLE', 'TABLE', 'CHAIR']),
};
const WORDS_SHAPE = /^(?:[A-Z]+[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])*[A-Z]+$/;

const groundTruth = z.looseObject({ letters: z.array(z.string()), word_lengths: z.array(z.number()), solution: z.array(z.string()) });

const counts = (xs: Iterable<string>) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

export const korPuzzleConnectWords = defineBootcamp({
  name: 'KorPuzzleConnectWords',
  answerFormat: '[[WORD WORD ...]] in capital letters; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracketNoClose(output).at(-1);
    if (last === undefined) return null;
    const text = pyStrip(last).toUpperCase();
    return WORDS_SHAPE.test(text) ? text : null;
  },
  check: (solution: string, gt) => {
    if (!solution) return false;
    const words = pySplit(solution);
    if (words.length !== gt.solution.length) return false;
    const used: string[] = [];
    const letters = new Set(gt.letters);
    for (let k = 0; k < Math.min(words.length, gt.solution.length, gt.word_lengths.length); k++) {
      const word = words[k];
      const chars = Array.from(word);
      if (chars.length !== gt.word_lengths[k]) return false;
      if (!(WORD_POOL[gt.word_lengths[k]]?.has(word.toUpperCase()) ?? false)) return false;
      if (!chars.every((c) => letters.has(c))) return false;
      if (new Set(chars).size !== chars.length) return false;
      used.push(...chars);
    }
    const a = counts(used);
    const b = counts(gt.letters);
    return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  },
});
