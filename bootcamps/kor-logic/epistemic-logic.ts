// KorLogicEpistemicLogic: an option letter, or a belief/doubt expression compared without spaces.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';

const groundTruth = z.looseObject({ type: z.string(), correct_answer: z.string().optional(), correct_expression: z.string().optional() });

export const korLogicEpistemicLogic = defineBootcamp({
  name: 'KorLogicEpistemicLogic',
  answerFormat: '[[letter]] or [[expression]] on one line; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    if (!solution) return false;
    if (gt.type === 'multiple_choice') return solution.toUpperCase() === gt.correct_answer;
    if (gt.type === 'expression') return solution.replaceAll(' ', '') === gt.correct_expression;
    return false;
  },
});
