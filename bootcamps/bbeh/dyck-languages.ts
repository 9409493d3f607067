// BbehDyckLanguages: find the first wrong step in a bracket-matching trace; [answer]N[/answer], or No when all
// steps are right.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';

const ANSWER = new PyRegex(String.raw`\[answer\]\s*(\d+|No)\s*\[/answer\]`, { ignoreCase: true, mustContain: '[/answer]' });
const groundTruth = z.looseObject({ error_step: z.number().int().nullable() });

/** str.capitalize(): first character upper case, the rest lower case. */
const capitalize = (s: string) => (s.length === 0 ? s : s[0].toUpperCase() + s.slice(1).toLowerCase());

export const bbehDyckLanguages = defineBootcamp({
  name: 'BbehDyckLanguages',
  answerFormat: '[answer]step number[/answer] or [answer]No[/answer]; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = ANSWER.lastFindall(output) as string | undefined;
    return last === undefined ? null : capitalize(pyStrip(last));
  },
  check: (solution: string, gt) => (gt.error_step === null ? solution.toLowerCase() === 'no' : solution === String(gt.error_step)),
});
