// Bbehbooleanexpressions: which of five expressions is true; [answer]C[/answer] (the first character of the last
// tag, upper-cased), compared with the answer's index.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyStrip } from '../shared/py-str.ts';

export const bbehBooleanExpressions = defineBootcamp({
  name: 'Bbehbooleanexpressions',
  answerFormat: '[answer]A-E[/answer]; the last tag counts',
  groundTruth: z.looseObject({ answer: z.number().int() }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const body = pyStrip(last);
    if (body.length === 0) return null;
    const letter = String.fromCodePoint(body.codePointAt(0)!).toUpperCase();
    return ['A', 'B', 'C', 'D', 'E'].includes(letter) ? letter : null;
  },
  check: (letter: string, gt) => letter.charCodeAt(0) - 65 === gt.answer,
});
