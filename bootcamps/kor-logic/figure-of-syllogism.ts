// KorLogicFigureOfTheSyllogism: name a syllogism's figure and mood, [[II;EAE]] (also [II;EAE] or 图形II式EAE),
// which must be a valid mood of that figure and the case's own.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';

// Tried in this order; the first pattern with any match gives its last match. Each match must contain its
// literal (";" or 图形), so outputs without it skip the pattern: a cheap, exact shortcut on hostile input.
const PATTERNS: [literal: string, regex: PyRegex][] = [
  [';', String.raw`\[{2}\s*([IV]{1,3})\s*;\s*([AEIO]{3})\s*\]{2}`],
  [';', String.raw`\[{1}\s*([IV]{1,3})\s*;\s*([AEIO]{3})\s*\]{1}`],
  ['图形', String.raw`图形\s*([IV]{1,3})\s*式\s*([AEIO]{3})`],
].map(([literal, p]) => [literal, new PyRegex(p, { ignoreCase: true })]);

const VALID_MOODS: Readonly<Record<string, readonly string[]>> = {
  I: ['AAA', 'EAE', 'AII', 'EIO'],
  II: ['AEE', 'EAE', 'EIO', 'AOO'],
  III: ['AII', 'EIO', 'IAI', 'OAO'],
  IV: ['AEE', 'EIO', 'IAI'],
};

const groundTruth = z.looseObject({ figure: z.string(), mood: z.string() });

export const korLogicFigureOfTheSyllogism = defineBootcamp({
  name: 'KorLogicFigureOfTheSyllogism',
  answerFormat: '[[figure;mood]], e.g. [[II;EAE]]; last match of the first form found counts',
  groundTruth,
  extract: (output) => {
    for (const [literal, pattern] of PATTERNS) {
      if (!output.includes(literal)) continue;
      const last = pattern.lastFindall(output) as string[] | undefined;
      if (last) return `${last[0].toUpperCase()};${last[1].toUpperCase()}`;
    }
    return null;
  },
  check: (solution: string, gt) => {
    const parts = solution.replaceAll('；', ';').replaceAll('，', ';').replaceAll(' ', '').split(';');
    if (parts.length !== 2) return false;
    const [figure, mood] = parts;
    if (!Object.hasOwn(VALID_MOODS, figure)) return false;
    if (mood.length !== 3 || !VALID_MOODS[figure].includes(mood)) return false;
    return figure === gt.figure && mood === gt.mood;
  },
});
