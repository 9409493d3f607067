// KorLogicPropositionalLogicConcepts: answers separated by ";" inside [[...]], compared item by item with the
// ground truth's list for the problem type.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketWithoutClosing } from './last-bracket.ts';
import { pyStrip } from '../shared/py-str.ts';

const items = z.array(z.unknown()).optional();
const groundTruth = z.looseObject({
  problem_type: z.string(),
  correct_answer: items,
  correct_type: z.unknown().optional(),
  correct_answers: items,
  correct_relations: items,
  correct_values: items,
});

/** Python list equality between the answer's strings and the ground truth's items. */
const sameList = (solution: readonly string[], expected: readonly unknown[] | undefined) => {
  if (expected === undefined) throw new Error('the expected list is missing');
  return solution.length === expected.length && solution.every((s, i) => s === expected[i]);
};

export const korLogicPropositionalConcepts = defineBootcamp({
  name: 'KorLogicPropositionalLogicConcepts',
  answerFormat: '[[a;b;...]] (no "]" inside); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketWithoutClosing(output);
    return last === null ? null : pyStrip(last).split(';').map(pyStrip);
  },
  check: (solution: string[], gt) => {
    switch (gt.problem_type) {
      case 'components':
        return sameList(solution, gt.correct_answer);
      case 'proposition_type':
        if (!('correct_type' in gt)) throw new Error('no correct_type');
        return sameList(solution, [gt.correct_type]);
      case 'relationship_exists':
        return sameList(solution, gt.correct_answers);
      case 'relationship_type':
        return sameList(solution, gt.correct_relations);
      case 'truth_value':
        return sameList(solution, gt.correct_values);
      default:
        return false;
    }
  },
});
