// KorLogicCanonicalPropositions: relations between deontic propositions (option letters separated by ";"),
// symbolising a sentence (conjuncts in any order), or naming a formula (its number anywhere in the answer).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from './last-bracket.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({
  type: z.string(),
  key: z.array(z.string()).optional(),
  solution: z.string().optional(),
  correct: z.union([z.number(), z.string()]).optional(),
});

const RELATION_OPTION: Readonly<Record<string, string>> = { '*': 'A', x: 'B', '@': 'C', '%': 'D' };
// re.findall(r'\d+', s) (Unicode digits) as a native regex: a plain run, linear.
const DIGIT_RUNS = /\p{Nd}+/gu;

/** Whether two lists hold the same items the same number of times. */
function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const x of b) {
    const n = counts.get(x);
    if (!n) return false;
    counts.set(x, n - 1);
  }
  return true;
}

export const korLogicCanonicalPropositions = defineBootcamp({
  name: 'KorLogicCanonicalPropositions',
  answerFormat: '[[A;B;...]] for relations, [[formula]] for symbolisation, [[N]] for a formula number; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    return last === null ? null : pyStrip(last).replaceAll('\n', ' ');
  },
  check: (solution: string, gt) => {
    if (gt.type === 'relationship') {
      const answers = solution.split(';').map((a) => pyStrip(a).toUpperCase());
      const correct = (gt.key ?? []).map((r) => {
        const option = RELATION_OPTION[r];
        if (option === undefined) throw new Error(`unknown relation ${r}`); // the reference's KeyError
        return option;
      });
      if (gt.key === undefined) throw new Error('no key');
      return answers.length === correct.length && answers.every((a, i) => a === correct[i]);
    }
    if (gt.type === 'symbolization') {
      if (gt.solution === undefined) throw new Error('no solution');
      // The reference builds every permutation of the expected conjuncts; comparing the conjuncts as a multiset
      // is the same test without the factorial.
      const user = removePyWhitespace(solution).toUpperCase();
      const expected = removePyWhitespace(gt.solution).toUpperCase();
      return sameMultiset(user.split('∧'), expected.split('∧'));
    }
    if (gt.correct === undefined) throw new Error('no correct');
    return (solution.match(DIGIT_RUNS) ?? ([] as string[])).includes(String(gt.correct));
  },
});
