// SciCode: 80 scientific programming problems (65 test, 15 dev) split into 338 steps, each step asked in order
// with the code the model wrote for the earlier ones, and scored in the sandbox against the step's tests
// (the SciCode bootcamp, needs --use_sandbox). Names and defaults as NeMo Evaluator's scicode tasks: scicode
// (no background), scicode_background, scicode_aa_v2 (background, dev included, 3 samples, max_tokens 16384).
// The test set's targets are the authors' test_data.h5 (--scicode_h5); the dev set's come from its own
// ground-truth code, so it runs offline. Steps 13.6, 62.1 and 76.3 are given by the data and never asked.
import type { Benchmark, PromptContext, Row } from './types.ts';
import { BenchmarkRowError } from './types.ts';
import { sciCodePrompt, type SciCodeTruth } from '../bootcamps/code/scicode.ts';

/** Steps whose code the data gives (the reference inserts these files, never asks the model). */
const GIVEN = ['13.6', '62.1', '76.3'];
const H5_HELP =
  "SciCode's test set compares with the authors' numeric targets, published only as test_data.h5 (about 1 GB; " +
  "see scicode-bench/SciCode's README, which links the download, to be saved as eval/data/test_data.h5): give it " +
  "with --scicode_h5 FILE. The dev set needs no file: --dataset_args '{\"scicode\": {\"subset_list\": [\"dev\"]}}'.";

interface RawStep {
  step_number: string;
  step_description_prompt: string;
  step_background?: string;
  function_header: string;
  return_line: string | null;
  test_cases: string[];
  ground_truth_code?: string | null;
}

function stepsOf(row: Row): RawStep[] {
  const steps = row.sub_steps;
  if (!Array.isArray(steps) || steps.length === 0) throw new BenchmarkRowError('expected "sub_steps" to be a non-empty list');
  for (const [i, s] of (steps as Record<string, unknown>[]).entries()) {
    for (const key of ['step_number', 'step_description_prompt', 'function_header']) {
      if (typeof s?.[key] !== 'string') throw new BenchmarkRowError(`expected sub_steps[${i}].${key} to be text`);
    }
    // A given step (13.6, 62.1) has no return line: it is never asked.
    if (typeof s.return_line !== 'string' && !(s.return_line === null && GIVEN.includes(String(s.step_number)))) throw new BenchmarkRowError(`expected sub_steps[${i}].return_line to be text`);
    if (!Array.isArray(s.test_cases)) throw new BenchmarkRowError(`expected sub_steps[${i}].test_cases to be a list`);
  }
  return steps as RawStep[];
}

/** One chain item per asked step; the benchmark's rows are problems. */
function problemItems(row: Row, context: PromptContext, subset: string, withBackground: boolean): { prompt: string; ground_truth: SciCodeTruth; data_source: string; chain: { key: string; label: string; final: boolean } }[] {
  const problemId = String(row.problem_id ?? '');
  if (problemId === '') throw new BenchmarkRowError('expected "problem_id"');
  const dependencies = typeof row.required_dependencies === 'string' ? row.required_dependencies : '';
  const raw = stepsOf(row);
  const steps = raw.map((s) => ({
    description: withBackground ? `${s.step_description_prompt}\n${s.step_background ?? ''}` : s.step_description_prompt,
    function_header: s.function_header,
    return_line: s.return_line ?? '',
    ...(GIVEN.includes(s.step_number) ? { given_code: givenCode(s.step_number, context) } : {}),
  }));
  const h5 = context.options?.scicode_h5;
  const lastAsked = raw.map((s) => s.step_number).filter((n) => !GIVEN.includes(n)).pop();
  return raw.flatMap((s, k) => {
    if (GIVEN.includes(s.step_number)) return [];
    let targets: SciCodeTruth['targets'];
    if (subset === 'dev') {
      const codes = raw.slice(0, k + 1).map((x, i) => {
        if (typeof x.ground_truth_code !== 'string') throw new BenchmarkRowError(`dev step ${raw[i].step_number} has no ground_truth_code to work its targets out from`);
        return x.ground_truth_code;
      });
      targets = { ground_truth_code: codes };
    } else {
      if (typeof h5 !== 'string') throw new BenchmarkRowError(H5_HELP);
      targets = { h5 };
    }
    const ground_truth: SciCodeTruth = {
      problem_id: problemId, step_number: s.step_number, step: k + 1, dependencies, steps: steps.slice(0, k + 1),
      template: withBackground ? 'multistep' : 'background_comment', test_cases: s.test_cases, targets, timeout_s: 1800, memory_mb: 4096,
    };
    // The prompt a step gets with no earlier answers (the first step's real one; the dry run shows it).
    return [{ prompt: sciCodePrompt(ground_truth, []), ground_truth, data_source: 'SciCode', chain: { key: problemId, label: s.step_number, final: s.step_number === lastAsked } }];
  });
}

function givenCode(step: string, context: PromptContext): string {
  const text = context.side?.[step];
  if (text === undefined) throw new BenchmarkRowError(`step ${step}'s given code (${step}.txt) was not found beside the data`);
  return text;
}

function sciCodeBenchmark(name: string, aliases: string[], description: string, overrides: { withBackground: boolean; includeDev: boolean; samples?: number; maxTokens?: number }): Benchmark {
  return {
    name,
    prettyName: name === 'scicode' ? 'SciCode' : `SciCode (${name.replace('scicode_', '')})`,
    aliases,
    description,
    license: 'Apache-2.0',
    metric: 'acc',
    dataSource: 'SciCode',
    source: {
      hub: 'huggingface',
      repo: 'SciCode1/SciCode',
      revision: 'main',
      files: [
        { subset: 'test', split: 'test', path: 'problems_all.jsonl', format: 'jsonl' },
        { subset: 'dev', split: 'test', path: 'problems_dev.jsonl', format: 'jsonl' },
      ],
    },
    subsets: ['dev', 'test'],
    defaultSubsets: overrides.includeDev ? ['dev', 'test'] : ['test'],
    evalSplit: 'test',
    fewShotNum: 0,
    prompts: { default: { origin: "SciCode's own templates (eval/data), as its harnesses send them", template: '{question}' } },
    sideFiles: GIVEN.map((step) => ({ name: step, path: `${step}.txt`, subsets: ['test'] })),
    options: {
      with_background: { description: "give each step's background in its prompt", parse: (v) => v === true || v === 'true' },
      include_dev: { description: 'run the dev problems beside the test ones', parse: (v) => v === true || v === 'true' },
      scicode_h5: {
        description: "the authors' test_data.h5, for the test set's targets",
        parse(v) {
          if (typeof v !== 'string' || v === '') throw new Error('expected the path of test_data.h5');
          return v;
        },
      },
    },
    subsetsFor: (options) => (options.include_dev === true ? ['dev', 'test'] : undefined),
    checkRequest(subsets, options) {
      if (subsets.includes('test') && typeof options.scicode_h5 !== 'string') throw new Error(H5_HELP);
    },
    /** Each problem's steps become items of their own (ids count steps), asked in order by the runner. */
    expandRow: (row, context) => problemItems(row, context, context.subset, context.options?.with_background === true || overrides.withBackground),
    toItem() {
      throw new BenchmarkRowError('SciCode rows are problems of several steps (expandRow)');
    },
    defaults: { ...(overrides.maxTokens !== undefined ? { max_tokens: overrides.maxTokens } : {}), temperature: 0 },
    ...(overrides.samples !== undefined ? { repeatsDefault: overrides.samples } : {}),
  };
}

export const sciCodeBenchmarks: Benchmark[] = [
  sciCodeBenchmark('scicode', ['scicode_test'], 'SciCode: scientific programming problems, asked step by step with the earlier steps\' code; sub-problem and main-problem accuracy (no background).', { withBackground: false, includeDev: false }),
  sciCodeBenchmark('scicode_background', [], 'SciCode with each step\'s scientific background in its prompt.', { withBackground: true, includeDev: false }),
  sciCodeBenchmark('scicode_aa_v2', [], "SciCode as Artificial Analysis runs it (NeMo's scicode_aa_v2): background, dev set included, 3 samples, max_tokens 16384.", { withBackground: true, includeDev: true, samples: 3, maxTokens: 16384 }),
];
