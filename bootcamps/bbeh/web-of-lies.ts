// BbehWebOfLies: who tells the truth; [answer]yes, no, unknown[/answer] (three values, optional <>), compared as a
// list with the solution.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';

// The reference's verbose (re.X) pattern with its whitespace and comments removed; IGNORECASE.
const ANSWER = new PyRegex(String.raw`\[answer\]\s*(?:<)?\s*((?:yes|no|unknown)(?:\s*,\s*(?:yes|no|unknown)){2})\s*(?:>)?\s*\[/answer\]`, { ignoreCase: true, mustContain: '[/answer]' });
const VALUES = new Set(['yes', 'no', 'unknown']);

export const bbehWebOfLies = defineBootcamp({
  name: 'BbehWebOfLies',
  answerFormat: '[answer]yes, no, unknown[/answer] (three values); the last tag counts',
  groundTruth: z.looseObject({ solution: z.array(z.string()) }),
  extract: (output) => {
    const last = ANSWER.lastFindall(output) as string | undefined;
    if (last === undefined) return null;
    const parts = pyStrip(last).toLowerCase().split(',').map(pyStrip);
    return parts.length === 3 && parts.every((p) => VALUES.has(p)) ? parts : null;
  },
  check: (solution: string[], gt) => solution.length === gt.solution.length && solution.every((s, i) => s === gt.solution[i]),
});
