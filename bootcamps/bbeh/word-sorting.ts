// BbehWordSorting: sort words by a custom order, or find the first wrong step of a sorting trace. The *first*
// [answer] tag counts (re.search, kept on purpose); its text is read as "No", an int, JSON, or a comma list.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { answerTags } from '../shared/answer-tag.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';
import { pyJsonLoads } from '../shared/py-json.ts';
import { pyEquals, pyStr, toJson, type PyValue } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({
  subtask: z.string(),
  first_error_step: z.union([z.number(), z.string()]).nullable().optional(),
  sorted_words: z.array(z.string()).optional(),
});

function readAnswer(text: string): PyValue {
  const answer = pyStrip(text);
  if (answer.toLowerCase() === 'no') return 'No';
  const n = pyInt(answer);
  if (n !== undefined) return n;
  try {
    return pyJsonLoads(answer);
  } catch {
    return answer.split(',').map(pyStrip);
  }
}

export const bbehWordSorting = defineBootcamp({
  name: 'BbehWordSorting',
  answerFormat: '[answer]word, word, ...[/answer] or [answer]N / No[/answer]; the FIRST tag counts',
  groundTruth,
  extract: (output) => {
    const first = answerTags(output)[0];
    return first === undefined ? null : readAnswer(first);
  },
  toJson: (value) => toJson(value),
  check: (solution: PyValue, gt) => {
    if (gt.subtask === 'error_detection') {
      if (!('first_error_step' in gt)) throw new Error('no first_error_step');
      return pyStr(solution) === pyStr(gt.first_error_step ?? null);
    }
    if (gt.sorted_words === undefined) return false; // KeyError inside the reference's try: False
    return pyEquals(solution, gt.sorted_words);
  },
});
