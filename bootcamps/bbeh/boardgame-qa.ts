// Bbehboardgameqa: decide a question from game rules: proved, disproved or unknown. The reference matches
// loosely, kept on purpose: the last [answer] tag if any (any case), else the last of those words standing alone
// anywhere in the output; and it extracts again from what it extracted.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllBetweenIgnoreCase, literalFinder } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';

const VERDICTS = new Set(['proved', 'disproved', 'unknown']);

/**
 * re.findall(r'\b(proved|disproved|unknown)\b', text, re.IGNORECASE) as a native regex: \b is Unicode (Python's
 * \w is letters, numbers and "_"), and IGNORECASE's extra equivalents (ſ, K, ı, İ) are spelled out. Fixed-length
 * alternatives and one-character lookarounds keep it linear.
 */
const WORD = '[\\p{L}\\p{N}_]';
const VERDICT_WORDS = new RegExp(
  `(?<!${WORD})(?:${['proved', 'disproved', 'unknown'].map((w) => literalFinder(w, true).source).join('|')})(?!${WORD})`,
  'gu',
);

function lastVerdictWord(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(VERDICT_WORDS)) last = m[0];
  return last;
}

export function extractVerdict(output: string): string | null {
  const tags = findAllBetweenIgnoreCase(output, '[answer]', '[/answer]'); // re.DOTALL | re.IGNORECASE
  const candidates = tags.length > 0 ? tags : [lastVerdictWord(output)].filter((w): w is string => w !== undefined);
  const final = candidates.length > 0 ? pyStrip(candidates.at(-1)!).toLowerCase() : undefined;
  return final !== undefined && VERDICTS.has(final) ? final : null;
}

export const bbehBoardgameQa = defineBootcamp({
  name: 'Bbehboardgameqa',
  answerFormat: '[answer]proved|disproved|unknown[/answer] (or the bare word); the last counts',
  groundTruth: z.looseObject({ answer: z.string() }),
  extract: extractVerdict,
  check: (solution: string, gt) => gt.answer === extractVerdict(solution),
});
