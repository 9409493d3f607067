// IFEval: a prompt with verifiable instructions (at least 300 words, no commas, a title in <<...>>, ...);
// the response is checked against each. Scores prompt-level strict (1 when every instruction is followed) and
// reports the four IFEval accuracies (prompt- and instruction-level, strict and loose) as metrics.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { CHECKS, presentKwargs, pyStrip } from './checks.ts';

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

export interface IFEvalVerdicts {
  strict: boolean[];
  loose: boolean[];
}

export function judge(response: string, gt: { instruction_id_list: readonly string[]; kwargs: readonly Record<string, unknown>[] }): IFEvalVerdicts {
  const loose = looseVariants(response);
  const out: IFEvalVerdicts = { strict: [], loose: [] };
  gt.instruction_id_list.forEach((id, i) => {
    const check = CHECKS[id];
    const kwargs = presentKwargs(gt.kwargs[i]);
    // `r.strip() and check(r)`: an empty variant never counts as following.
    const follows = (r: string) => pyStrip(r) !== '' && check(r, kwargs);
    out.strict.push(follows(response));
    out.loose.push(loose.some(follows));
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
        prompt_level_strict_acc: [count(v.strict) === n ? 1 : 0, 1],
        inst_level_strict_acc: [count(v.strict), n],
        prompt_level_loose_acc: [count(v.loose) === n ? 1 : 0, 1],
        inst_level_loose_acc: [count(v.loose), n],
      },
    };
  },
};
