// Multiple choice (MMLU, ARC, HellaSwag, GPQA, ...): one or more letters out of the question's choices.
// Scores the letters EvalScope's parse_answers reads ("ANSWER: C", its fallbacks) against the gold letters.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { parseChoiceAnswer } from '../shared/multiple-choice.ts';

const groundTruth = z.object({
  /** The gold letter(s), e.g. "C" (several, "AC", when more than one is right). */
  answer: z.string().regex(/^[A-Z]+$/, 'capital letters such as "C"'),
  /** The question's labels in order, e.g. "ABCD": only these count as an answer. */
  letters: z.string().regex(/^[A-Z]+$/, 'capital letters such as "ABCD"'),
  multiple_correct: z.boolean().optional(),
});
type ChoiceTruth = z.infer<typeof groundTruth>;

function chosen(output: string, gt: ChoiceTruth): string {
  return parseChoiceAnswer(output, gt.letters, gt.multiple_correct === true);
}

/** The letters read are the gold ones (in any order). */
function isGold(letters: string, gt: ChoiceTruth): boolean {
  return letters !== '' && letters === [...gt.answer].sort().join('');
}

export const multipleChoice: Bootcamp<ChoiceTruth> = {
  name: 'MultipleChoice',
  answerFormat: "'ANSWER: X' (the last such line; else the last capital letter), X one of the question's letters",
  kind: 'native',
  groundTruth,
  // Which letters count depends on the question, so extraction without it reads every capital as a label.
  extract: (output) => parseChoiceAnswer(output, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') || null,
  verify: (output, gt) => isGold(chosen(output, gt), gt),
  score: async (output, gt) => {
    const letters = chosen(output, gt);
    return { score: isGold(letters, gt) ? 1 : 0, extracted_output: letters === '' ? null : letters };
  },
};
