// Chart question answering (ChartQA): a short answer read from the last "ANSWER: ..." line, scored by relaxed
// accuracy: a number within 5% of a numeric gold answer (percentages as fractions), other answers exact, any case.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { lastAnswerLine, relaxedCorrect } from '../shared/relaxed-accuracy.ts';

const groundTruth = z.object({
  /** The gold answer as ChartQA writes it: "45", "12.5%", "Yes", "Germany". */
  answer: z.string().min(1, 'a non-empty answer'),
});
type Truth = z.infer<typeof groundTruth>;

export const relaxedAccuracy: Bootcamp<Truth> = {
  name: 'RelaxedAccuracy',
  answerFormat: "'ANSWER: X' on the last such line; numbers within 5% of the gold one, text exact (case ignored)",
  kind: 'native',
  groundTruth,
  // As EvalScope's ChartQA adapter: no ANSWER line reads as an empty answer.
  extract: (output) => lastAnswerLine(output) ?? null,
  verify: (output, gt) => relaxedCorrect(lastAnswerLine(output) ?? '', gt.answer),
  score: async (output, gt) => {
    const answer = lastAnswerLine(output) ?? '';
    return { score: relaxedCorrect(answer, gt.answer) ? 1 : 0, extracted_output: answer === '' ? null : answer };
  },
};
