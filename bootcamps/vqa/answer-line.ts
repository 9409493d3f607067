// Open questions with a short reference answer (MMMU's open questions): the last "ANSWER: ..." line, else the
// whole reply, compared with the reference after trimming and lower-casing, as EvalScope's acc metric does.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { lastAnswerLine } from '../shared/relaxed-accuracy.ts';

const groundTruth = z.object({
  answer: z.string().min(1, 'a non-empty answer'),
});
type Truth = z.infer<typeof groundTruth>;

function answerOf(output: string): string {
  return lastAnswerLine(output) ?? output.trim();
}

const normalize = (text: string) => text.trim().toLowerCase();

export const answerLine: Bootcamp<Truth> = {
  name: 'AnswerLine',
  answerFormat: "'ANSWER: X' on the last such line (else the whole reply), equal to the reference (case ignored)",
  kind: 'native',
  groundTruth,
  extract: (output) => answerOf(output),
  verify: (output, gt) => normalize(answerOf(output)) === normalize(gt.answer),
  score: async (output, gt) => {
    const answer = answerOf(output);
    return { score: normalize(answer) === normalize(gt.answer) ? 1 : 0, extracted_output: answer };
  },
};
