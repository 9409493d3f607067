// GSM8K: grade-school word problems whose answer is a number. Scores the answer as EvalScope's gsm8k adapter
// reads it (the last \boxed{}, "The answer is", "ANSWER:", else the last number), equal as a number within a
// relative 1e-4 (or as text) to the gold: the text after the data set's last "####".
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { evalscopeExtractAnswer, evalscopeMathEqual, stripAnswerString } from '../shared/evalscope-math.ts';

/** The gold as GSM8K rows give it: the whole worked answer ("... #### 72") or just the number. */
function goldOf(answer: string | number): string {
  const text = String(answer);
  const at = text.lastIndexOf('####');
  return stripAnswerString(at >= 0 ? text.slice(at + 4).trim() : text.trim());
}

export const gsm8k = defineBootcamp({
  name: 'GSM8K',
  answerFormat: '\\boxed{number} (or "The answer is N", "ANSWER: N", else the last number), compared as numbers',
  groundTruth: z.looseObject({ answer: z.union([z.string(), z.number()]) }),
  extract: (output) => {
    const answer = evalscopeExtractAnswer(output);
    return answer === '' ? null : answer;
  },
  check: (answer, gt) => evalscopeMathEqual(answer, goldOf(gt.answer)),
});
