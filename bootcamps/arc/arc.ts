// Arc: an ARC puzzle (re-arc task key, test input grid); the answer is the output grid, written anywhere in the
// reply as a JSON list of lists. The expected grid is the line's std_ans, else the re-arc verifier program of
// its task key run on the input grid (programs.json, interpreted by interpreter.ts).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllSpacedDoubleBrackets } from '../shared/double-brackets.ts';
import { pyJsonLoads } from '../shared/py-json.ts';
import { pyEquals, toJson, type PyValue } from '../shared/py-literal.ts';
import { runProgram, type Program } from './interpreter.ts';
import programsJson from './programs.json' with { type: 'json' };

const programs = programsJson as unknown as Record<string, Program>;

/**
 * The expected grid is worked out once per line, when its ground truth is read (it depends on the line only),
 * not once per output. A program that fails is remembered as its error: the reference raises inside
 * _verify_correction then, which scores 0, unless std_ans already matched.
 */
function expectedFor(inputGrid: unknown, taskKey: string): { grid: PyValue } | { error: string } {
  try {
    const grid = typeof inputGrid === 'string' ? pyJsonLoads(inputGrid) : inputGrid;
    const program = Object.hasOwn(programs, taskKey) ? programs[taskKey] : undefined;
    if (!program) return { error: `KeyError: no re-arc verifier for task key ${JSON.stringify(taskKey)}` };
    if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'number'))) {
      return { error: 'input_grid is not a grid of integers' };
    }
    return { grid: runProgram(program, grid as number[][]) as PyValue };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

const groundTruth = z
  .looseObject({
    input_grid: z.union([z.string(), z.array(z.unknown())]),
    task_key: z.string(),
    std_ans: z.unknown().optional(),
  })
  .transform((gt) => ({ ...gt, expected: expectedFor(gt.input_grid, gt.task_key) }));

const isListOfLists = (v: PyValue): boolean => Array.isArray(v) && v.every((row) => Array.isArray(row));

export const arc = defineBootcamp({
  name: 'Arc',
  answerFormat: 'the output grid as a JSON list of lists, e.g. [[0, 1], [1, 0]]; the last such grid counts',
  groundTruth,
  extract(output: string): PyValue {
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
  },
  check(solution: PyValue, gt) {
    const { std_ans: stdAns } = gt;
    // std_ans is compared first, as a JSON string or a list; a std_ans string that is not JSON raises (→ 0).
    if (typeof stdAns === 'string') {
      const parsed = pyJsonLoads(stdAns);
      if (!Array.isArray(parsed)) throw new TypeError('std_ans is not a list'); // list_to_tuple raises on it
      if (pyEquals(parsed, solution)) return true;
    }
    if (Array.isArray(stdAns) && pyEquals(stdAns as PyValue, solution)) return true;
    if ('error' in gt.expected) throw new Error(gt.expected.error);
    return pyEquals(gt.expected.grid, solution);
  },
  toJson: (x: PyValue) => toJson(x) as never,
});
