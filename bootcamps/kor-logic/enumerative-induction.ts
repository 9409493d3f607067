// KorLogicEnumerativeInductiveReasoning: choose the kind of induction ([[A]] or [[B]]), or symbolise premise and
// conclusion as [[P(e1)∧P(e2);∀e∈S,P(e)]], compared without spaces.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyStr } from '../shared/py-literal.ts';

const CHOICE = new PyRegex(String.raw`\[\[([AB])\]\]`);
// Kept on purpose: the symbolic answer is the *first* match (re.search), the choice the last.
const SYMBOLIC = new PyRegex(String.raw`\[\[(.+?);(.+?)\]\]`);

const groundTruth = z.looseObject({
  question_type: z.string(),
  type: z.string(),
  class: z.string().optional(),
  sampled: z.array(z.union([z.string(), z.number()])).optional(),
  instances: z.array(z.union([z.string(), z.number()])).optional(),
});

export const korLogicEnumerativeInduction = defineBootcamp({
  name: 'KorLogicEnumerativeInductiveReasoning',
  answerFormat: '[[A]]/[[B]], or [[premise;conclusion]] (the first such pair counts)',
  groundTruth,
  extract: (output): string | string[] | null => {
    const choice = CHOICE.lastFindall(output) as string | undefined;
    if (choice !== undefined) return choice;
    const symbolic = SYMBOLIC.search(output);
    return symbolic ? [symbolic.groups[1]!, symbolic.groups[2]!] : null;
  },
  check: (solution, gt) => {
    if (gt.question_type === 'choice') return solution === gt.type;
    // The reference builds both expected premises before picking one, so either list missing is an error.
    if (gt.sampled === undefined || gt.instances === undefined) throw new Error('sampled and instances are needed');
    const premises: Record<string, string> = {
      A: gt.sampled.map((e) => `P(${pyStr(e)})`).join('∧'),
      B: gt.instances.map((e) => `P(${pyStr(e)})`).join('∧'),
    };
    if (gt.class === undefined) throw new Error('no class');
    const conclusions: Record<string, string> = { A: `∀e∈${gt.class},P(e)`, B: `P(${gt.class})` };
    if (!(gt.type in premises)) throw new Error(`unknown type ${gt.type}`);
    // A one-letter answer to a symbolic question: its first character is compared, and fails.
    if (solution[0].replaceAll(' ', '') !== premises[gt.type]) return false;
    const second = solution[1];
    if (second === undefined) throw new Error('index out of range');
    return second.replaceAll(' ', '') === conclusions[gt.type];
  },
});
