// KorPuzzle's simpler word puzzles, each compared with its ground truth as the reference does: the components of
// compound words (WordBrainTeasers), a ladder's step count (WordLadder), a shared affix (WordRootsAndAffixes), a
// filled crossword grid (Wordscapes).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent, lastBracketStripped } from '../kor-logic/last-bracket.ts';
import { findAllDoubleBracketNoClose } from '../shared/double-brackets.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';

// re.sub(r'[^a-zA-Z\s]', '', m) as one native character class (linear): ASCII letters and Python's whitespace kept.
const NOT_LETTER_OR_SPACE = /[^a-zA-Z\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;
const STEPS = new PyRegex(String.raw`\[\[(\d+)\]\]`, { mustContain: ']]' });

const sameStrings = (a: readonly string[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const korPuzzleWordBrainTeasers = defineBootcamp({
  name: 'KorPuzzleWordBrainTeasers',
  answerFormat: '[[word word ...]]: the components in order; the last tag with any letters counts',
  groundTruth: z.looseObject({ components: z.array(z.array(z.string())) }),
  extract: (output) => {
    // The last tag that still has letters once everything but ASCII letters and whitespace is removed.
    const tags = findAllDoubleBracketNoClose(output);
    for (let k = tags.length - 1; k >= 0; k--) {
      const cleaned = pyStrip(tags[k].replace(NOT_LETTER_OR_SPACE, ''));
      if (cleaned) return pySplit(cleaned);
    }
    return null;
  },
  check: (solution: string[], gt) => sameStrings(solution, gt.components.flat()),
});

export const korPuzzleWordLadder = defineBootcamp({
  name: 'KorPuzzleWordLadder',
  answerFormat: '[[N]]: the number of steps; last tag counts',
  groundTruth: z.looseObject({ correct_steps: z.number() }),
  extract: (output) => {
    const last = STEPS.lastFindall(output) as string | undefined;
    return last === undefined ? null : (pyInt(last) ?? null);
  },
  check: (steps: number, gt) => steps === gt.correct_steps,
});

export const korPuzzleWordRootsAndAffixes = defineBootcamp({
  name: 'KorPuzzleWordRootsAndAffixes',
  answerFormat: '[[affix]] on one line, compared without case; last tag counts',
  groundTruth: z.looseObject({ affix: z.string() }),
  extract: lastBracketStripped,
  check: (solution: string, gt) => pyStrip(solution).toLowerCase() === gt.affix.toLowerCase(),
});

export const korPuzzleWordscapes = defineBootcamp({
  name: 'KorPuzzleWordscapes',
  answerFormat: '[[A B 0, 0 C D]]: rows of space-separated cells, comma-separated (may span lines); last tag counts',
  groundTruth: z.looseObject({ __solution__: z.array(z.array(z.string())) }),
  extract: (output) => {
    const last = lastBracketContent(output, true);
    return last === null ? null : pyStrip(last).split(',').map((row) => pySplit(row));
  },
  check: (rows: string[][], gt) => rows.length === gt.__solution__.length && rows.every((row, i) => sameStrings(row, gt.__solution__[i])),
});
