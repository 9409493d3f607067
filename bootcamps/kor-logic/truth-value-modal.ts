// KorLogicTruthValueModalPropositions: a relation letter, a modal formula (compared without spaces), a formula
// number, or an option letter.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';
import { pyStr } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ type: z.string().optional(), correct_answer: z.union([z.string(), z.number()]).optional() });

/** The reference calls str methods on correct_answer; on a number that raises, which scores 0. */
const asText = (v: string | number | undefined): string => {
  if (typeof v !== 'string') throw new Error('correct_answer is not a string');
  return v;
};

export const korLogicTruthValueModal = defineBootcamp({
  name: 'KorLogicTruthValueModalPropositions',
  answerFormat: '[[letter]], [[formula]] or [[number]] on one line; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    switch (gt.type) {
      case 'relationship':
      case 'multiple_choice_formula':
        return solution.toUpperCase() === asText(gt.correct_answer).toUpperCase();
      case 'symbolization':
        return solution.replaceAll(' ', '') === asText(gt.correct_answer).replaceAll(' ', '');
      case 'formula':
        // str(correct): a missing answer is "None", kept on purpose.
        return solution === (gt.correct_answer === undefined ? 'None' : pyStr(gt.correct_answer));
      default:
        return false;
    }
  },
});
