// KorLogicDynamicLogic: a rule letter, or a dynamic-logic formula that must be one of the accepted spellings
// once whitespace is removed and angle brackets ⟨⟩ read as [].
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';

const groundTruth = z.looseObject({ type: z.string(), correct: z.string().optional(), valid_variants: z.array(z.string()).optional() });

export const korLogicDynamicLogic = defineBootcamp({
  name: 'KorLogicDynamicLogic',
  answerFormat: '[[letter]] or [[formula]] on one line; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    if (gt.type === 'multiple_choice') return solution.toUpperCase() === gt.correct;
    if (gt.valid_variants === undefined) throw new Error('no valid_variants');
    return gt.valid_variants.includes(removePyWhitespace(solution).replaceAll('⟨', '[').replaceAll('⟩', ']'));
  },
});
