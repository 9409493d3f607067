// MathAnswer: a math problem's answer judged by meaning, as Hugging Face's Math-Verify judges it: \frac{1}{2},
// 0.5 and 1/2 are one answer, {1, 2} and {2, 1} are one set, (1, 2) and (2, 1) are two tuples. Scores the
// answer Math-Verify's extraction finds (the last \boxed{}, "final answer is", $...$, a plain number) against
// ground_truth.answer, a gold written as data sets write it (plain, LaTeX, $...$, \boxed{}).
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { equalAnswers } from './compare.ts';
import { readAnswer, type Reading } from './extract.ts';
import { readLetter } from './letter.ts';
import { renameSymbols, show } from './nodes.ts';

const groundTruth = z.looseObject({
  /** The gold answer: "\\frac{14}{3}", "$x = 3$", "\\boxed{(1, 2)}", "7,425,000", "p - q". */
  answer: z.union([z.string().min(1, 'a non-empty answer'), z.number()]).transform(String),
  /** The question's choices, when it has them: a letter answer (A for the first) then counts too. */
  choices: z.array(z.string()).min(1).max(26).optional(),
  /** Decimal places a decimal answer is rounded to before comparing (Math-Verify's float_rounding). */
  precision: z.number().int().min(0).max(20).optional(),
});
export type MathTruth = z.infer<typeof groundTruth>;

const DELIMITED = /(?<!\\)\$|\\\(|\\\[|\\boxed|\\fbox/;
/** A gold that is one plain number as Math-Verify writes numbers: 1,22 · 7,425,000 · 1 000 · .5 · -3 · 20%. */
const PLAIN_NUMBER = /^\s*-?(?:\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)\s*(?:%|[Pp]ercent)?\s*$/;

/**
 * The gold as Math-Verify reads it, with one help for golds written bare: one with math delimiters ($...$,
 * \boxed{}) is read as it stands; a plain number ("1,22", "7,425,000") as Math-Verify reads plain text; anything
 * else (MATH-500's "\frac{14}{3}", "p - q", "x = 3") as if inside $...$, and as it stands only when that finds
 * nothing.
 */
export function readGold(answer: string): Reading {
  if (DELIMITED.test(answer) || PLAIN_NUMBER.test(answer)) return readAnswer(answer);
  const math = readAnswer(`$${answer}$`);
  return math.value ? math : readAnswer(answer);
}

const goldCache = new Map<string, Reading>();
function goldReading(answer: string): Reading {
  let reading = goldCache.get(answer);
  if (!reading) {
    reading = readGold(answer);
    if (goldCache.size > 10_000) goldCache.clear();
    goldCache.set(answer, reading);
  }
  return reading;
}

/** Math-Verify's verify over parse results: values compared by meaning, the matched texts as text. */
export function sameAnswer(gold: Reading, pred: Reading, floatRounding = 6): boolean {
  if (gold.value && pred.value) {
    // A symbol read as complex (the answer mentions i) is not the real symbol of the same name read elsewhere:
    // sympy tells them apart by their assumptions, so (1+i)/2 does not equal 0.5 + 0.5i (whose "0.5i" is no
    // standalone i).
    const complexSide = (r: Reading, other: Reading) => (r.complex && !other.complex ? renameSymbols(r.value!, (n) => `${n}@complex`) : r.value!);
    if (equalAnswers(complexSide(gold, pred), complexSide(pred, gold), { floatRounding, complex: gold.complex || pred.complex })) return true;
  }
  const g = gold.fallback?.trim();
  const p = pred.fallback?.trim();
  return g !== undefined && p !== undefined && g !== '' && g === p;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function goldLetter(gt: MathTruth): string | undefined {
  if (!gt.choices) return undefined;
  const letters = LETTERS.slice(0, gt.choices.length);
  const answer = gt.answer.trim();
  if (answer.length === 1 && letters.includes(answer.toUpperCase())) return answer.toLowerCase();
  const index = gt.choices.findIndex((c) => c.trim() === answer);
  return index >= 0 ? letters[index].toLowerCase() : undefined;
}

function judge(output: string, gt: MathTruth): { score: number; extracted_output: string | null } {
  const pred = readAnswer(output);
  const shown = pred.value ? show(pred.value) : (pred.fallback ?? null);
  if (sameAnswer(goldReading(gt.answer), pred, gt.precision ?? 6)) return { score: 1, extracted_output: shown };
  const letter = goldLetter(gt);
  if (letter) {
    const chosen = readLetter(output, LETTERS.slice(0, gt.choices!.length));
    if (chosen === letter) return { score: 1, extracted_output: chosen.toUpperCase() };
  }
  return { score: 0, extracted_output: shown };
}

export const mathAnswer: Bootcamp<MathTruth> = {
  name: 'MathAnswer',
  answerFormat: 'a math answer (\\boxed{...}, "final answer is ...", $...$ or a plain number), equal to the gold by meaning as Math-Verify decides',
  kind: 'native',
  groundTruth: groundTruth as unknown as z.ZodType<MathTruth>,
  extract: (output) => {
    const pred = readAnswer(output);
    return pred.value ? show(pred.value) : (pred.fallback ?? null);
  },
  verify: (output, gt) => judge(output, gt).score,
  score: async (output, gt) => judge(output, gt),
};
