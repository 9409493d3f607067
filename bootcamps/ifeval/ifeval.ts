// IFEval: a prompt with verifiable instructions (at least 300 words, no commas, a title in <<...>>, ...);
// the response is checked against each. Scores prompt-level strict (1 when every instruction is followed) and
// reports the four IFEval accuracies (prompt- and instruction-level, strict and loose) as metrics.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { CHECKS, hasNonSpace, presentKwargs, pyStrip } from './checks.ts';
import { isPyWhitespace } from '../shared/py-regex.ts';

const groundTruth = z
  .looseObject({
    instruction_id_list: z.array(z.string().refine((id) => id in CHECKS, { error: (issue) => `unknown instruction id ${JSON.stringify(issue.input)} (IFEval has ${Object.keys(CHECKS).length}: ${Object.keys(CHECKS).join(', ')})` })),
    kwargs: z.array(z.record(z.string(), z.unknown())),
  })
  .refine((gt) => gt.kwargs.length === gt.instruction_id_list.length, { error: 'kwargs must have one entry per instruction id' });
type IFEvalTruth = z.infer<typeof groundTruth>;

/**
 * The loose variants of a response, as the reference's evaluation builds them: the response, it without "*",
 * and it without its first line, last line or both (each also without "*").
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const dropped = [lines.slice(1).join('\n'), lines.slice(0, -1).join('\n'), lines.slice(1, -1).join('\n')].map((s) => pyStrip(s));
  return [response, response.replaceAll('*', ''), ...dropped, ...dropped.map((s) => s.replaceAll('*', ''))];
}

/**
 * looseVariants without the response itself and without the copies: with no "*" in the response its
 * "without *" variants are the others again, and with no line break the line-dropping ones are empty.
 */
function otherVariants(response: string): string[] {
  const stars = response.includes('*');
  const noStars = stars ? response.replaceAll('*', '') : response;
  const out: string[] = stars ? [noStars] : [];
  const first = response.indexOf('\n');
  if (first >= 0) {
    // Dropping the first or last line is slicing at the first or last line break (no copy of the text).
    const last = response.lastIndexOf('\n');
    const ranges: [number, number][] = [stripRange(response, first + 1, response.length), stripRange(response, 0, last), first === last ? [0, 0] : stripRange(response, first + 1, last)];
    out.push(...ranges.map(([a, b]) => response.slice(a, b)));
    // The reference strips, then removes "*": the same text is a slice of the response without "*", at the
    // range's ends moved back by the asterisks before them.
    if (stars) out.push(...ranges.map(([a, b]) => (a >= b ? '' : noStars.slice(a - starsBefore(response, a), b - starsBefore(response, b)))));
  }
  return out;
}

/** The range [from, to) of text without Python white space at its ends. */
function stripRange(text: string, from: number, to: number): [number, number] {
  while (from < to && isPyWhitespace(text.charCodeAt(from))) from++;
  while (to > from && isPyWhitespace(text.charCodeAt(to - 1))) to--;
  return [from, to];
}

function starsBefore(text: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf('*'); at >= 0 && at < end; at = text.indexOf('*', at + 1)) n++;
  return n;
}

export interface IFEvalVerdicts {
  strict: boolean[];
  loose: boolean[];
}

export function judge(response: string, gt: { instruction_id_list: readonly string[]; kwargs: readonly Record<string, unknown>[] }): IFEvalVerdicts {
  // The variants other than the response itself (whose verdict is the strict one), each once: without "*" in
  // the response, or with a single line, several are the same text.
  let loose: string[] | undefined;
  const out: IFEvalVerdicts = { strict: [], loose: [] };
  gt.instruction_id_list.forEach((id, i) => {
    const check = CHECKS[id];
    const kwargs = presentKwargs(gt.kwargs[i]);
    // `r.strip() and check(r)`: an empty variant never counts as following.
    const follows = (r: string) => hasNonSpace(r) && check(r, kwargs);
    const strict = follows(response);
    out.strict.push(strict);
    if (!strict) loose ??= otherVariants(response);
    out.loose.push(strict || loose!.some(follows));
  });
  return out;
}

const count = (xs: readonly boolean[]) => xs.filter(Boolean).length;

export const ifeval: Bootcamp<IFEvalTruth> = {
  name: 'IFEval',
  answerFormat: "the response itself, checked against each of the prompt's instructions (strict; loose in metrics)",
  kind: 'native',
  groundTruth,
  extract: () => null,
  verify: (output, gt) => judge(output, gt).strict.every(Boolean),
  score: async (output, gt) => {
    const v = judge(output, gt);
    const n = v.strict.length;
    return {
      score: count(v.strict) === n ? 1 : 0,
      extracted_output: v,
      metrics: {
        prompt_level_strict: [count(v.strict) === n ? 1 : 0, 1],
        inst_level_strict: [count(v.strict), n],
        prompt_level_loose: [count(v.loose) === n ? 1 : 0, 1],
        inst_level_loose: [count(v.loose), n],
      },
    };
  },
};
/** For tests: the distinct loose variants judge tries after the response itself. */
export const otherVariantsForTest = otherVariants;
