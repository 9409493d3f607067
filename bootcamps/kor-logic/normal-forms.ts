// KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm: pick the options that are normal forms (letters,
// compared as a set of characters) or denote a normal form (terms compared as a set, counted).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';

const groundTruth = z.looseObject({ type: z.string(), correct_options: z.array(z.string()).optional(), correct_denote: z.string().optional() });

/** The reference's split: on ∨ when the text has one, else on ∧ (decided on the raw text, whitespace kept). */
function terms(text: string): string[] {
  const compact = removePyWhitespace(text).toLowerCase();
  return text.includes('∨') ? compact.split('∨') : compact.split('∧');
}

const sameSet = (a: Iterable<string>, b: Iterable<string>) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

export const korLogicNormalForms = defineBootcamp({
  name: 'KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm',
  answerFormat: '[[letters]] or [[normal form]] on one line; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    if (gt.type === 'classify') {
      if (gt.correct_options === undefined) throw new Error('no correct_options');
      // Kept on purpose: every character counts, so "A, E" is {A, ",", " ", E} and not {A, E}.
      return sameSet(solution.toUpperCase(), gt.correct_options);
    }
    if (gt.type === 'denote') {
      if (gt.correct_denote === undefined) throw new Error('no correct_denote');
      const sol = terms(solution);
      const truth = terms(gt.correct_denote);
      return sameSet(sol, truth) && sol.length === truth.length;
    }
    return false;
  },
});
