// SciCode: scientific programming problems split into steps, each asked in order with the code the model wrote
// for the earlier ones (the reference's process_problem_steps), and scored in the sandbox: the program is the
// dependencies, the earlier steps' code, this step's code (extract_python_script), the targets and the step's test
// cases; a step passes when that program exits 0 in time. A chain bootcamp: the runner asks its steps in order.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { sandboxFor } from './program-text.ts';
import { pyStringLiteral } from '../shared/py-str.ts';
import { BACKGROUND_COMMENT_TEMPLATE, MULTISTEP_TEMPLATE } from './scicode-templates.ts';

const HELPERS = ['scicode_targets.py', 'scicode/__init__.py', 'scicode/compare/__init__.py', 'scicode/compare/cmp.py'];
let helperFiles: Record<string, string> | undefined;

/** The helper files every step's program finds beside it (our scicode package, the targets' reader), read once. */
function helpers(): Record<string, string> {
  if (helperFiles) return helperFiles;
  // Beside this file in the source tree; from a bundle in dist/, under the checkout's bootcamps/.
  const places = [new URL('./scicode-sandbox/', import.meta.url), new URL('../bootcamps/code/scicode-sandbox/', import.meta.url)];
  const base = places.find((p) => existsSync(new URL(HELPERS[0], p))) ?? places[0];
  return (helperFiles = Object.fromEntries(HELPERS.map((name) => [name, readFileSync(new URL(name, base), 'utf8')])));
}

/** Where the authors' test_data.h5 appears inside the sandbox. */
export const H5_IN_SANDBOX = '/data/test_data.h5';

const step = z.object({
  /** The step's description (with its background when the run asks for background). */
  description: z.string(),
  function_header: z.string(),
  return_line: z.string(),
  /** A step whose code the data gives (13.6, 62.1, 76.3): inserted, never asked. */
  given_code: z.string().optional(),
});

const groundTruth = z.looseObject({
  problem_id: z.string(),
  step_number: z.string(),
  /** 1-based position of this step in its problem. */
  step: z.number().int().min(1),
  dependencies: z.string(),
  /** The steps of the problem up to and including this one. */
  steps: z.array(step).min(1),
  template: z.enum(['background_comment', 'multistep']),
  test_cases: z.array(z.string()),
  /** The test set's targets come from test_data.h5; the dev set's from running its ground-truth code. */
  targets: z.union([z.object({ h5: z.string() }), z.object({ ground_truth_code: z.array(z.string()) })]),
  timeout_s: z.number().positive().optional(),
  memory_mb: z.number().int().positive().optional(),
  /** Set when the step is asked: the dependencies and the earlier steps' code, as its program starts. */
  previous_code: z.string().optional(),
});
export type SciCodeTruth = z.infer<typeof groundTruth>;

/** The reference's extract_python_script: the first ```python block (else the first ``` block, else all), imports removed. */
export function extractPythonScript(response: string): string {
  let script = response;
  if (response.includes('```')) {
    script = response.includes('```python') ? response.split('```python')[1].split('```')[0] : (response.split('```')[1] ?? '').split('```')[0];
  }
  return script.replace(/^[ \t\r\f\v]*(import .*|from .*\s+import\s+.*)/gm, '');
}

/** The code of each earlier step: the data's for given steps, else what the model wrote (asked steps in order). */
function earlierCode(gt: SciCodeTruth, earlier: readonly string[]): string[] {
  const codes: string[] = [];
  let asked = 0;
  for (const s of gt.steps.slice(0, -1)) codes.push(s.given_code ?? extractPythonScript(earlier[asked++] ?? ''));
  return codes;
}

const TEMPLATES = { background_comment: BACKGROUND_COMMENT_TEMPLATE, multistep: MULTISTEP_TEMPLATE };

/** The prompt of this step, as the reference's generate_prompt_with_steps builds it. */
export function sciCodePrompt(gt: SciCodeTruth, earlier: readonly string[]): string {
  const codes = earlierCode(gt, earlier);
  const lines: string[] = [];
  gt.steps.slice(0, -1).forEach((s, i) => lines.push(s.description, codes[i], '------'));
  const current = gt.steps[gt.steps.length - 1];
  const values: Record<string, string> = {
    problem_steps_str: lines.slice(0, -1).join('\n\n'),
    next_step_str: [current.description, `${current.function_header}\n\n${current.return_line}`].join('\n\n'),
    dependencies: gt.dependencies,
  };
  return TEMPLATES[gt.template].replace(/\{(problem_steps_str|next_step_str|dependencies)\}/g, (_m, name: string) => values[name]);
}


/** The step's program: targets first (so the model's code cannot touch them), then the code, then the tests. */
export function sciCodeProgram(output: string, gt: SciCodeTruth): string {
  const previous = gt.previous_code ?? `${gt.dependencies}\n\n`;
  const targets =
    'h5' in gt.targets
      ? `from scicode_targets import h5_targets\ntargets = h5_targets(${pyStringLiteral(gt.step_number)}, ${gt.test_cases.length}, ${pyStringLiteral(H5_IN_SANDBOX)})\n`
      : `from scicode_targets import capture_targets\ntargets = capture_targets(${pyStringLiteral(`${gt.dependencies}\n${gt.targets.ground_truth_code.join('\n')}`)}, [${gt.test_cases.map(pyStringLiteral).join(', ')}])\n`;
  let program = `import os\nos.environ.setdefault("MPLBACKEND", "Agg")\n${targets}\n${previous}\n${extractPythonScript(output)}\n`;
  gt.test_cases.forEach((test, i) => {
    program += `target = targets[${i}]\n\n${test}\n`;
  });
  return program;
}

export const sciCode: Bootcamp<SciCodeTruth> = {
  name: 'SciCode',
  answerFormat: 'one ```python block with the step\'s function; run with the earlier steps\' code and the step\'s tests in a sandbox',
  kind: 'sandbox',
  groundTruth,
  extract: (output) => extractPythonScript(output),
  async verify(output, gt, context) {
    const { sandbox, limits, signal } = sandboxFor('SciCode', context);
    const explicit = context?.sandboxLimitsGiven ?? {};
    const result = await sandbox.execute(
      {
        files: { ...helpers(), 'main.py': sciCodeProgram(output, gt) },
        command: ['python3', 'main.py'],
        timeoutMs: explicit.timeout ? limits.timeoutMs : (gt.timeout_s ?? 1800) * 1000,
        memoryMb: explicit.memory ? limits.memoryMb : (gt.memory_mb ?? 4096),
        ...('h5' in gt.targets ? { mounts: [{ host: gt.targets.h5, target: H5_IN_SANDBOX }] } : {}),
      },
      signal,
    );
    return result.exitCode === 0 && !result.timedOut ? 1 : 0;
  },
  chain: {
    prompt: (gt, earlier) => sciCodePrompt(gt, earlier),
    withEarlier: (gt, earlier) => ({ ...gt, previous_code: `${gt.dependencies}\n${earlierCode(gt, earlier).join('\n')}\n` }),
    metrics: { step: 'sub_problem_accuracy', whole: 'main_problem_accuracy' },
  },
  requires: {
    modules: ['numpy', 'scipy', 'sympy', 'h5py', 'matplotlib'],
    check: 'import numpy, scipy, sympy, h5py, matplotlib\nfrom scipy.integrate import simps\n',
    hint: 'SciCode needs numpy, scipy below 1.14 (its code imports scipy.integrate.simps), sympy, h5py and matplotlib in the sandbox\'s Python; on Debian: apt-get install python3-numpy python3-scipy python3-sympy python3-h5py python3-matplotlib',
  },
  defaults: { max_tokens: 4096 },
};
