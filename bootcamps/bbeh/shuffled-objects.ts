// Bbehshuffobject: track who holds which object after swaps; <answer>object</answer>, compared without case.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllBetween, pyStrip } from '../shared/py-str.ts';

export const bbehShuffledObjects = defineBootcamp({
  name: 'Bbehshuffobject',
  answerFormat: '<answer>object</answer>; the last tag counts',
  groundTruth: z.looseObject({ correct_answer: z.string() }),
  extract: (output) => {
    const last = findAllBetween(output, '<answer>', '</answer>').at(-1);
    return last === undefined ? null : pyStrip(last);
  },
  check: (solution: string, gt) => pyStrip(solution).toLowerCase() === pyStrip(gt.correct_answer).toLowerCase(),
});
