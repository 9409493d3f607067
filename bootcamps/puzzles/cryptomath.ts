// Cryptomath: a cryptarithm (left terms add up to the right term); [[A=1,B=2,...]], every letter exactly once,
// distinct digits, no leading zero.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { pyInt } from '../shared/py-str.ts';

const PAIR = /([A-Z])=(\p{Nd}+)/gu; // re.findall(r'([A-Z])=(\d+)'): fixed letter, a digit run; linear
const groundTruth = z.looseObject({ left_terms: z.array(z.string()), right_term: z.string(), leading_letters: z.array(z.string()), all_letters: z.array(z.string()) });

export const cryptomath = defineBootcamp({
  name: 'Cryptomath',
  answerFormat: '[[A=1,B=2,...]] on one line; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output).at(-1);
    if (last === undefined) return null;
    const solution = new Map<string, number>();
    for (const [, letter, digits] of last.replaceAll(' ', '').matchAll(PAIR)) solution.set(letter, pyInt(digits)!);
    return solution.size > 0 ? solution : null;
  },
  toJson: (solution) => Object.fromEntries(solution),
  check: (solution: Map<string, number>, gt) => {
    for (const letter of gt.leading_letters) if ((solution.get(letter) ?? 0) === 0) return false;
    const values = [...solution.values()];
    if (new Set(values).size !== values.length) return false;
    const letters = new Set(gt.all_letters);
    if (solution.size !== letters.size || ![...solution.keys()].every((k) => letters.has(k))) return false;
    const value = (term: string) => {
      let num = 0n;
      for (const c of term) {
        const d = solution.get(c);
        if (d === undefined) throw new Error(`KeyError: ${c}`); // raises: 0
        num = num * 10n + BigInt(d);
      }
      return num;
    };
    return gt.left_terms.reduce((sum, term) => sum + value(term), 0n) === value(gt.right_term);
  },
});
