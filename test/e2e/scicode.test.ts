// SciCode as NeMo Evaluator users run it, end to end: the dev set by name through the stand-in hub (the shared
// problems in the repository's files), every step asked in order with the earlier steps' code, the mock
// answering each step with its ground-truth code, every step scored in the bwrap sandbox against targets worked
// out from that code: 50/50 steps, 15/15 problems. A run cut short continues each problem at its first
// unanswered step; a wrong step fails that step and its problem only; the test set without test_data.h5 stops
// before any request; the h5 reader and the sandbox's read-only mount; the templates as the reference has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA, startBenchmarkHub } from '../support/benchmark-hub.ts';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { bwrapSkipReason } from '../support/sandbox.ts';
import { sciCodeBenchmarks } from '../../benchmarks/scicode.ts';
import { extractPythonScript, sciCodePrompt, sciCode, type SciCodeTruth } from '../../bootcamps/code/scicode.ts';
import { BACKGROUND_COMMENT_TEMPLATE, MULTISTEP_TEMPLATE } from '../../bootcamps/code/scicode-templates.ts';
import { createRunSandbox } from '../../src/sandbox/create-sandbox.ts';

const SCICODE = path.join(SHARED_DATA, 'scicode');
/** SciCode's programs import these in the sandbox (Debian's Python there when the tests run as root). */
function modulesMissing(): string | false {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import numpy, scipy, sympy, h5py, matplotlib'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'numpy, scipy, sympy, h5py or matplotlib is missing from /usr/bin/python3 (.ci/run installs them)';
  }
}
const skip = bwrapSkipReason() || (!existsSync(SCICODE) && 'needs ../shared/data/scicode') || modulesMissing();
const runEval = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('run_eval.ts', args, { env: { ...process.env, HF_ENDPOINT: undefined, HF_TOKEN: undefined, HF_HUB_OFFLINE: undefined, ...env } });
const devRows = () => readFileSync(path.join(SCICODE, 'problems_dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
const fence = (code: string) => `Here is the step.\n\`\`\`python\n${code}\n\`\`\`\n`;

/** The mock's answers: each step's ground-truth code, keyed by the exact prompt the run will send. */
function solutions(rows: Record<string, any>[], answer: (problem: string, k: number, truth: string) => string = (_p, _k, t) => fence(t)): string {
  const bench = sciCodeBenchmarks[0];
  const lines: string[] = [];
  for (const row of rows) {
    const items = bench.expandRow!(row, { subset: 'dev', fewShot: [], template: '', fewShotTemplate: '', side: {}, options: {} });
    const earlier: string[] = [];
    items.forEach((item, k) => {
      const output = answer(String(row.problem_id), k, row.sub_steps[k].ground_truth_code);
      lines.push(JSON.stringify({ prompt: sciCodePrompt(item.ground_truth as SciCodeTruth, earlier), output }));
      earlier.push(output);
    });
  }
  return lines.join('\n') + '\n';
}

test("SciCode's templates and code extraction are the reference's", () => {
  assert.equal(BACKGROUND_COMMENT_TEMPLATE, readFileSync(path.join(SCICODE, 'background_comment_template.txt'), 'utf8'));
  assert.equal(MULTISTEP_TEMPLATE, readFileSync(path.join(SCICODE, 'multistep_template.txt'), 'utf8'));
  assert.equal(extractPythonScript('a\n```python\nimport numpy as np\nfrom x import y\ndef f():\n    return 1\n```\n```python\nignored\n```'), '\n\n\ndef f():\n    return 1\n');
  assert.equal(extractPythonScript('```\nz = 1\n```'), '\nz = 1\n');
  assert.equal(extractPythonScript('no fence'), 'no fence');
  // Step 2's prompt holds step 1's description and the code the model wrote for it; the next step's header.
  const [row] = devRows().filter((r) => r.sub_steps.length === 3);
  const items = sciCodeBenchmarks[1].expandRow!(row, { subset: 'dev', fewShot: [], template: '', fewShotTemplate: '', side: {}, options: {} });
  const prompt = sciCodePrompt(items[1].ground_truth as SciCodeTruth, [fence('def first():\n    pass')]);
  assert.ok(prompt.startsWith('PROBLEM DESCRIPTION:\nYou will be provided with problem steps along with background knowledge'), 'with background: the multistep template');
  assert.ok(prompt.includes(`${row.sub_steps[0].step_description_prompt}\n${row.sub_steps[0].step_background}\n\n\ndef first():\n    pass\n`));
  assert.ok(prompt.includes(`${row.sub_steps[1].function_header}\n\n${row.sub_steps[1].return_line}`));
  assert.ok(!prompt.includes('------'), 'the last separator is removed, as the reference does');
});

test('the h5 reader inside the sandbox: datasets, tuples of several, lists, dicts and sparse groups, through a read-only mount', { skip }, async () => {
  const dir = tempDir();
  const h5 = path.join(dir, 'test_data.h5');
  execFileSync('/usr/bin/python3', ['-c', `
import h5py, numpy as np
with h5py.File(${JSON.stringify(h5)}, 'w') as f:
    f.create_dataset('9.1/test1/var1', data=np.arange(3.0))
    f.create_dataset('9.1/test2/var1', data=2.5)
    f.create_dataset('9.1/test2/var2', data=np.bytes_(b'text'))
    g = f.create_group('9.1/test3/var1/list')
    g.create_dataset('var1', data=1)
    g.create_dataset('var2', data=np.ones(2))
    s = f.create_group('9.1/test4/var1/sparse_matrix')
    s.create_dataset('data', data=np.array([1.0, 2.0])); s.create_dataset('shape', data=(2, 2))
    s.create_dataset('indices', data=np.array([0, 1])); s.create_dataset('indptr', data=np.array([0, 1, 2]))
    d = f.create_group('9.1/test5/var1')
    d.create_dataset('1.5', data=3.0); d.create_dataset('name', data=np.bytes_(b'x'))
`]);
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  const sandbox = createRunSandbox({ sandbox_type: 'bwrap', sandbox_image: 'x', sandbox_python: 'python3', sandbox_memory_mb: 2048, sandbox_timeout: 60, judge_worker_num: 1, max_retries: 1, max_retrying_delay: 1 });
  await sandbox.check();
  const helper = readFileSync(path.join(import.meta.dirname, '../../bootcamps/code/scicode-sandbox/scicode_targets.py'), 'utf8');
  const result = await sandbox.executor.execute({
    files: {
      'scicode_targets.py': helper,
      'main.py': 'from scicode_targets import h5_targets\nt = h5_targets("9.1", 5, "/data/test_data.h5")\nprint(list(t[0]), t[1], t[2][0], list(t[2][1]), t[3].toarray().tolist(), t[4])\nprint(open("/data/test_data.h5", "rb").read(4))\ntry:\n    open("/data/test_data.h5", "ab")\nexcept OSError as e:\n    print("read-only", e.errno)\n',
    },
    command: ['python3', 'main.py'],
    timeoutMs: 60_000,
    memoryMb: 2048,
    mounts: [{ host: h5, target: '/data/test_data.h5' }],
  });
  await sandbox.close();
  assert.equal(result.exitCode, 0, result.stderr);
  const [values, magic, readOnly] = result.stdout.trim().split('\n');
  assert.equal(values, "[0.0, 1.0, 2.0] (2.5, 'text') 1 [1.0, 1.0] [[1.0, 0.0], [0.0, 2.0]] {1.5: 3.0, 'name': 'x'}");
  assert.equal(magic, "b'\\x89HDF'");
  assert.match(readOnly, /^read-only \d+/);
});

test('SciCode dev set by name: every step asked in order with the earlier code, 50/50 steps and 15/15 problems; a cut run continues each problem at its first unanswered step', { skip, timeout: 900_000 }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions(devRows()));
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl'), '--wrong-text', 'WRONG PROMPT']);
  try {
    const out = path.join(dir, 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--eval_type', 'scicode', '--dataset_args', JSON.stringify({ scicode: { subset_list: ['dev'] } }), '--use_sandbox', '--cache_dir', path.join(dir, 'cache'), '--output_dir', out, '--judge_worker_num', '2'];
    // Cut short: the first five steps (problem 10's steps 1 to 5).
    const first = await runEval([...args, '--limit', '5'], { HF_ENDPOINT: hub.origin });
    assert.equal(first.code, 0, first.stderr);
    assert.equal((await mock.stats()).chat, 5);
    const again = await runEval([...args, '--resume'], { HF_ENDPOINT: hub.origin });
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await mock.stats()).chat, 50, 'the other 45 steps, each once: problem 10 went on at its step 6');
    const rows = readJsonl<Record<string, any>>(path.join(out, 'details', 'scicode_dev.jsonl'));
    assert.equal(rows.length, 50);
    assert.deepEqual(rows.filter((r) => r.score !== 1).map((r) => [r.step, r.verify_error]), [], 'every step passes');
    assert.deepEqual(rows.slice(0, 3).map((r) => [r.id, r.problem, r.step]), [[0, '10', '10.1'], [1, '10', '10.2'], [2, '10', '10.3']]);
    assert.ok(rows.every((r) => !String(r.output).includes('WRONG')), 'every prompt was the one the reference builds');
    // Step 10.6 was asked in the second session: its program holds the code answered in the first.
    assert.ok(String(rows[5].ground_truth.previous_code).includes('def get_alpha('));
    const meta = readJsonl<Record<string, unknown>>(path.join(out, 'meta.jsonl'));
    assert.equal(meta[0].sub_problem_accuracy, 1);
    assert.equal(meta[0].main_problem_accuracy, 1);
    assert.equal(rows.filter((r) => r.metrics?.main_problem_accuracy).length, 15, 'one per problem, on its last step');
    const results = readFileSync(path.join(out, 'results.yml'), 'utf8');
    assert.match(results, /main_problem_accuracy/);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('a wrong step fails that step and its problem, not the other problems; the test set without test_data.h5 stops before any request', { skip, timeout: 300_000 }, async () => {
  const dir = tempDir();
  // Small problems: a three-step one whose step 2 is answered wrong, and two one-step ones answered right.
  const rows = devRows().filter((r) => r.sub_steps.length === 3).slice(0, 1).concat(devRows().filter((r) => r.sub_steps.length === 1).slice(0, 2));
  const bad = String(rows[0].problem_id);
  const wrong = (problem: string, k: number, truth: string) => fence(problem === bad && k === 1 ? truth.replace(/return (.+)$/m, 'return None') : truth);
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const bench = sciCodeBenchmarks[0];
  const lines = rows.flatMap((row) => bench.expandRow!(row, { subset: 'dev', fewShot: [], template: '', fewShotTemplate: '', side: {}, options: {} }).map((item) => JSON.stringify(item)));
  writeFileSync(path.join(data, 'scicode.jsonl'), lines.join('\n') + '\n');
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions(rows, wrong));
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl')]);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--test_dir', data, '--use_sandbox', '--output_dir', out]);
    assert.equal(r.code, 0, r.stderr);
    const got = readJsonl<Record<string, any>>(path.join(out, 'details', 'scicode.jsonl'));
    assert.deepEqual(got.map((row) => [row.problem, row.score]), [[bad, 1], [bad, 0], [bad, got[2].score], [String(rows[1].problem_id), 1], [String(rows[2].problem_id), 1]]);
    assert.deepEqual(got.filter((row) => row.metrics?.main_problem_accuracy).map((row) => row.metrics.main_problem_accuracy), [[0, 1], [1, 1], [1, 1]]);
    const meta = readJsonl<Record<string, number>>(path.join(out, 'meta.jsonl'))[0];
    assert.equal(meta.main_problem_accuracy, 2 / 3);

    const before = (await mock.stats()).chat;
    const noH5 = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--eval_type', 'scicode', '--use_sandbox', '--output_dir', path.join(dir, 'test-set')]);
    assert.equal(noH5.code, 2);
    assert.match(noH5.stderr, /scicode: SciCode's test set compares with the authors' numeric targets, published only as test_data\.h5 .* give it with --scicode_h5 FILE/);
    assert.equal((await mock.stats()).chat, before, 'nothing was asked');
    assert.doesNotMatch(noH5.stderr, /\n\s+at /);
  } finally {
    await mock.stop();
  }
});

test('scicode_aa_v2: background, dev included, 3 samples, 16384 tokens; flags set what dataset_args would', () => {
  const aa = sciCodeBenchmarks[2];
  assert.equal(aa.name, 'scicode_aa_v2');
  assert.deepEqual(aa.defaultSubsets, ['dev', 'test']);
  assert.equal(aa.repeatsDefault, 3);
  assert.equal(aa.defaults?.max_tokens, 16384);
  assert.equal(aa.systemPrompt, undefined);
  assert.equal(sciCode.name, 'SciCode');
});

test('the test set: steps 13.6, 62.1 and 76.3 are never asked, their given code stands in the later prompts and programs; targets from the h5 file', () => {
  const all = readFileSync(path.join(SCICODE, 'problems_all.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
  const side = Object.fromEntries(['13.6', '62.1', '76.3'].map((s) => [s, readFileSync(path.join(SCICODE, `${s}.txt`), 'utf8')]));
  const bench = sciCodeBenchmarks[0];
  const expand = (row: Record<string, any>) => bench.expandRow!(row, { subset: 'test', fewShot: [], template: '', fewShotTemplate: '', side, options: { scicode_h5: '/data/h5' } });
  const steps = all.flatMap(expand);
  assert.equal(steps.length, 288, "the test set's scored steps");
  assert.ok(!steps.some((s) => ['13.6', '62.1', '76.3'].includes(s.chain!.label)));
  const p13 = expand(all.find((r) => r.problem_id === '13')!);
  const after = p13.find((s) => s.chain!.label === '13.7')!;
  const truth = after.ground_truth as SciCodeTruth;
  assert.equal(truth.steps[5].given_code, side['13.6']);
  assert.deepEqual(truth.targets, { h5: '/data/h5' });
  // Five asked steps before 13.7: their answers, and the given code in sixth place.
  const answers = [1, 2, 3, 4, 5].map((n) => fence(`def step${n}():\n    pass`));
  const withEarlier = sciCode.chain!.withEarlier(truth, answers);
  assert.ok(withEarlier.previous_code!.includes(`def step5():\n    pass\n\n${side['13.6']}`));
  assert.ok(sciCodePrompt(truth, answers).includes(side['13.6'].trim().slice(0, 200)));
  assert.equal(p13.at(-1)!.chain!.final, true);
  assert.throws(() => bench.expandRow!(all[0], { subset: 'test', fewShot: [], template: '', fewShotTemplate: '', side, options: {} }), /--scicode_h5 FILE/);
});
