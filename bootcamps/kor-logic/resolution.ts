// KorLogicResolution: whether two clauses resolve ([[A]] yes, [[B]] no), a resolvent (any of several
// ";"-separated answers may match, literals compared as a set), or the algorithm's result and step count.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

export const resolutionGroundTruth = z.looseObject({
  problem_type: z.string(),
  expected: z.union([z.boolean(), z.string()]).optional(),
  expected_output: z.string().optional(),
  steps: z.number().optional(),
});

const literals = (clause: string) => new Set(clause !== '0' ? clause.split(' ∨ ') : []);
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The reference's _verify_correction (KorPuzzleArrowMaze's reference is a copy of it). */
export function checkResolution(solution: string, gt: z.infer<typeof resolutionGroundTruth>): boolean {
  if (gt.problem_type === 'can_resolve') {
    if (!('expected' in gt)) throw new Error('no expected');
    const answer = solution.toUpperCase();
    // (ans == 'A' and expected) or (ans == 'B' and not expected), with Python's truthiness.
    const truthy = gt.expected === true || (typeof gt.expected === 'string' && gt.expected !== '');
    if (answer === 'A' && truthy) return gt.expected === true; // a truthy non-bool is not a valid judge: 0
    return answer === 'B' && !truthy;
  }
  if (gt.problem_type === 'compute_dispel') {
    if (typeof gt.expected !== 'string') throw new Error('expected is not a string');
    const expected = literals(gt.expected);
    return solution.split(';').some((a) => sameSet(literals(pyStrip(a)), expected));
  }
  if (gt.problem_type === 'algorithm_output') {
    const parts = solution.split(';');
    if (parts.length !== 2 || gt.expected_output === undefined) return false;
    const steps = pyInt(parts[1]);
    if (steps === undefined) return false;
    return pyStrip(parts[0]).toLowerCase() === gt.expected_output.toLowerCase() && steps === gt.steps;
  }
  return false;
}

export const korLogicResolution = defineBootcamp({
  name: 'KorLogicResolution',
  answerFormat: '[[A]]/[[B]], [[resolvent]] (literals joined by " ∨ ", 0 for empty), or [[output;steps]]; last tag counts',
  groundTruth: resolutionGroundTruth,
  extract: lastBracketStripped,
  check: checkResolution,
});
