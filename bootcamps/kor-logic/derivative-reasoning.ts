// KorLogicDerivativeReasoningOfPropositionalLogic: name the conversion method ([[A]]-[[C]]) or write the
// converted proposition in quotes ([["Some S are P"]]); compared without case, spaces or full stops.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyStripChars } from '../shared/py-str.ts';

const ANSWER = new PyRegex(String.raw`\[\[([ABC]|".*?")\]\]`);
const groundTruth = z.looseObject({ question_type: z.string(), correct_answer: z.string().optional(), correct_method: z.string().optional() });

const loose = (s: string) => s.toLowerCase().replaceAll(' ', '').replaceAll('.', '');

export const korLogicDerivativeReasoning = defineBootcamp({
  name: 'KorLogicDerivativeReasoningOfPropositionalLogic',
  answerFormat: '[[A]]/[[B]]/[[C]], or [["converted proposition"]]; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = ANSWER.lastFindall(output) as string | undefined;
    return last === undefined ? null : pyStripChars(last, '"');
  },
  check: (solution: string, gt) => {
    if (gt.question_type === 'apply_method') {
      if (gt.correct_answer === undefined) throw new Error('no correct_answer');
      return loose(solution) === loose(gt.correct_answer);
    }
    if (gt.correct_method === undefined) throw new Error('no correct_method');
    return solution.toUpperCase() === gt.correct_method;
  },
});
