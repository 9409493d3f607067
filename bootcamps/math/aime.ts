// AIME: competition problems whose answer is an integer from 0 to 999. Scores the last \boxed{} (else the last
// number of the output), read as an integer, equal to the gold integer.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBoxedContent } from '../shared/boxed.ts';

const LAST_NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;

/** "070", "70.", "$70$", "70^\circ", "1,000" → 70 / 1000; undefined for anything that is not an integer. */
export function readInteger(text: string): bigint | undefined {
  const t = text
    .replace(/\\text\{(.*?)\}/g, '$1')
    .replace(/\^\{?\\circ\}?/g, '')
    .replace(/\\[!,;:]|\\quad|\\ /g, '')
    .replace(/[$\s]/g, '')
    .replace(/\.$/, '');
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/.exec(t);
  // An AIME answer has three digits; a thousand-digit "answer" is wrong, and not worth a big-integer parse.
  if (!m || m[2].length > 40) return undefined;
  return BigInt(m[1] + m[2].replaceAll(',', ''));
}

export const aime = defineBootcamp({
  name: 'AIME',
  answerFormat: '\\boxed{integer} (else the last number of the output), compared as integers',
  groundTruth: z.looseObject({ answer: z.union([z.string(), z.number().int(), z.bigint()]) }),
  extract: (output) => {
    const boxed = lastBoxedContent(output);
    if (boxed !== null) return boxed;
    const numbers = output.match(LAST_NUMBER);
    return numbers ? numbers[numbers.length - 1] : null;
  },
  check: (answer, gt) => {
    const got = readInteger(answer);
    const want = typeof gt.answer === 'string' ? readInteger(gt.answer) : BigInt(gt.answer);
    return got !== undefined && want !== undefined && got === want;
  },
});
