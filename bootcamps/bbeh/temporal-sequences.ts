// BbehTemporalSequences: the longest meeting slot and how many there are; \boxed{X,Y} with integers. Kept on
// purpose: with no such box the reference extracts the pair (-1, -1), not None, and scores it 0.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex } from '../shared/py-regex.ts';
import { pyInt } from '../shared/py-str.ts';

const BOXED_PAIR = new PyRegex(String.raw`\\boxed\{\s*(\d+)\s*,\s*(\d+)\s*\}`);
const groundTruth = z.looseObject({ solution: z.looseObject({ max_duration: z.number(), count: z.number() }) });

export const bbehTemporalSequences = defineBootcamp({
  name: 'BbehTemporalSequences',
  answerFormat: '\\boxed{X,Y}: longest meeting in minutes, number of such slots; the last box counts',
  groundTruth,
  extract: (output): [number, number] => {
    const last = BOXED_PAIR.lastFindall(output) as string[] | undefined;
    if (!last) return [-1, -1];
    const x = pyInt(last[0]);
    const y = pyInt(last[1]);
    return x === undefined || y === undefined ? [-1, -1] : [x, y];
  },
  check: ([x, y], gt) => x !== -1 && x === gt.solution.max_duration && y === gt.solution.count,
});
