// Arc: an ARC puzzle (re-arc task key, test input grid); the answer is the output grid, written anywhere in the
// reply as a JSON list of lists. The expected grid is the line's std_ans, else the re-arc verifier program of
// its task key run on the input grid (expected-grid.ts).
import { z } from 'zod';
import { findAllSpacedDoubleBrackets } from '../shared/double-brackets.ts';
import { pyJsonLoads } from '../shared/py-json.ts';
import { pyEquals, toJson, type PyValue } from '../shared/py-literal.ts';
import type { Extracted } from '../types.ts';
import { defineBootcamp } from '../define.ts';
import { lazyExpectedGrid } from './expected-grid.ts';

/** The expected grid belongs to the line (it depends on the line only): worked out once, not once per output. */
const groundTruth = z
  .looseObject({
    input_grid: z.union([z.string(), z.array(z.unknown())]),
    task_key: z.string(),
    std_ans: z.unknown().optional(),
  })
  .transform((gt) => ({ ...gt, expected: lazyExpectedGrid(gt.input_grid, gt.task_key) }));

type ArcGroundTruth = z.output<typeof groundTruth>;

const isListOfLists = (v: PyValue): boolean => Array.isArray(v) && v.every((row) => Array.isArray(row));

/** extract_output: a raise (no span parses at all) throws, which defineBootcamp turns into null / score 0. */
function extractGrid(output: string): PyValue {
  // The reference's re.findall(r'\[\s*\[\s*.*?\s*\]\s*\]', output, re.DOTALL): every shortest [[ ... ]] span.
  const spans = findAllSpacedDoubleBrackets(output);
  let parsed: PyValue | undefined;
  for (let i = spans.length - 1; i >= 0; i--) {
    try {
      parsed = pyJsonLoads(spans[i]);
    } catch {
      continue;
    }
    if (isListOfLists(parsed)) return parsed;
  }
  // Kept on purpose: with no list of lists the reference returns the earliest span that parsed (compared, it
  // scores 0), and with none at all it raises (list_to_tuple(None)), which also scores 0.
  if (parsed === undefined) throw new TypeError("'NoneType' object is not iterable");
  return parsed;
}

export const arc = defineBootcamp({
  name: 'Arc',
  answerFormat: 'the output grid as a JSON list of lists, e.g. [[0, 1], [1, 0]]; the last such grid counts',
  groundTruth: groundTruth as unknown as z.ZodType<ArcGroundTruth>,
  extract: extractGrid,
  toJson: (x: PyValue) => toJson(x) as Extracted,
  prepare(gt: ArcGroundTruth): void {
    void gt.expected.then(() => undefined);
  },
  async check(solution: PyValue, gt: ArcGroundTruth): Promise<boolean> {
    const { std_ans: stdAns } = gt;
    // std_ans is compared first, as a JSON string or a list; a std_ans string that is not a JSON list raises (→ 0).
    if (typeof stdAns === 'string') {
      const parsed = pyJsonLoads(stdAns);
      if (!Array.isArray(parsed)) throw new TypeError('std_ans is not a list');
      if (pyEquals(parsed, solution)) return true;
    }
    if (Array.isArray(stdAns) && pyEquals(stdAns as PyValue, solution)) return true;
    const expected = await gt.expected;
    if ('error' in expected) throw new Error(expected.error);
    return pyEquals(expected.grid, solution);
  },
});
