// Bbehobjectproperties: count objects with a property after a series of changes; [answer]N[/answer] (or
// "unknown"), compared as integers.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

export const bbehObjectProperties = defineBootcamp({
  name: 'Bbehobjectproperties',
  answerFormat: '[answer]N[/answer]; the last tag counts',
  groundTruth: z.looseObject({ correct_answer: z.union([z.number().int(), z.string()]) }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    return last === null ? null : pyStrip(last);
  },
  check: (solution: string, gt) => {
    const expected = typeof gt.correct_answer === 'number' ? gt.correct_answer : pyInt(gt.correct_answer);
    const given = pyInt(solution);
    if (given !== undefined && expected !== undefined) return given === expected;
    // int() failed: the reference compares lower-cased text, which raises (→ False) for a numeric answer.
    return typeof gt.correct_answer === 'string' && solution.toLowerCase() === gt.correct_answer.toLowerCase();
  },
});
