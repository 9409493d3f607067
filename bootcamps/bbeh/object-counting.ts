// Bbehobjectcounting: count objects across a story; [answer]N[/answer] (commas and spaces dropped, the part after
// the last "=" and its last integer taken), compared with the count.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

const INTEGERS = new PyRegex(String.raw`-?\d+`);

export const bbehObjectCounting = defineBootcamp({
  name: 'Bbehobjectcounting',
  answerFormat: '[answer]N[/answer]; the last tag, and its last integer, count',
  groundTruth: z.looseObject({ correct_answer: z.number().int() }),
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    let raw = pyStrip(last).replaceAll(',', '').replaceAll(' ', '');
    if (raw.includes('=')) raw = raw.split('=').at(-1)!;
    const numbers = INTEGERS.findall(raw) as string[];
    return numbers.length > 0 ? (pyInt(numbers.at(-1)!) ?? null) : null;
  },
  check: (solution: number, gt) => solution === gt.correct_answer,
});
