// BbehMultistepArithmetic: evaluate nested custom operators; [answer]number[/answer], within 1e-6.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyFloat } from '../shared/py-str.ts';

export const bbehMultistepArithmetic = defineBootcamp({
  name: 'BbehMultistepArithmetic',
  answerFormat: '[answer]number[/answer]; the last tag counts',
  groundTruth: z.looseObject({ answer: z.number() }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    return last === null ? null : (pyFloat(last) ?? null); // float() failing is None, as in the reference
  },
  check: (solution: number, gt) => Math.abs(solution - gt.answer) < 1e-6,
});
