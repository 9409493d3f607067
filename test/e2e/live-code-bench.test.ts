// LiveCodeBench by name, as an EvalScope user runs it: rows of our own in code_generation_lite's format served
// by the stand-in hub, private tests pickled by the host's Python and read by our data-only decoder (a hostile
// pickle refused, never run), EvalScope's prompt and system message, the date window, both problem kinds
// scored in the bwrap sandbox test by test, and pass@k over repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBenchmarkHub } from '../support/benchmark-hub.ts';
import { hostilePickle, lcbProblems } from '../support/lcb-rows.ts';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { bwrapSkipReason } from '../support/sandbox.ts';
import { loadSafePickle, UnsafePickleError } from '../../benchmarks/shared/safe-pickle.ts';
import { liveCodeBenchBenchmark, privateTests } from '../../benchmarks/live-code-bench.ts';
import { extractCodeGeneration } from '../../bootcamps/code/live-code-bench.ts';

const skip = bwrapSkipReason();
const runEval = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('run_eval.ts', args, { env: { ...process.env, HF_ENDPOINT: undefined, HF_TOKEN: undefined, HF_HUB_OFFLINE: undefined, ...env } });
const pickle = (expr: string, protocol: number) => Buffer.from(execFileSync('python3', ['-c', `import pickle, sys\nsys.stdout.buffer.write(pickle.dumps(${expr}, protocol=${protocol}))`]));

test('the data-only pickle reader: strings, lists and dicts in every protocol; anything that could run code is refused by name', () => {
  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    assert.deepEqual(loadSafePickle(pickle('{"a": ["x", "é", "y" * 300], "b": "z", "c": []}', protocol)), { a: ['x', 'é', 'y'.repeat(300)], b: 'z', c: [] }, `protocol ${protocol}`);
    // A list that appears twice goes through the memo (GET).
    assert.deepEqual(loadSafePickle(pickle('(lambda l: [l, l])(["m"])', protocol)), [['m'], ['m']]);
  }
  const evil = Buffer.from(execFileSync('python3', ['-c', 'import os, pickle, sys\nclass P:\n    def __reduce__(self):\n        return (os.system, ("echo pwned",))\nsys.stdout.buffer.write(pickle.dumps(P(), protocol=4))']));
  assert.throws(() => loadSafePickle(evil), (e: Error) => e instanceof UnsafePickleError && /opcode (STACK_GLOBAL|GLOBAL) at byte \d+ is refused/.test(e.message));
  assert.throws(() => loadSafePickle(pickle('1', 4)), /BININT1 .* refused/);
  assert.throws(() => loadSafePickle(pickle('("a",)', 4)), /TUPLE1 .* refused/);
  assert.throws(() => loadSafePickle(Buffer.from([0x80, 0x04, 0x8c, 0x05, 0x61])), /ends early/);
  assert.throws(() => privateTests(hostilePickle()), /neither JSON nor a readable .* refused/);
  assert.ok(!existsSync('/tmp/lcb-pwned'), 'the hostile pickle ran nothing');
});

test("LiveCodeBench's code extraction: between the last two fence lines, else nothing", () => {
  assert.equal(extractCodeGeneration('x\n```python\na = 1\n```\ntext\n```\nb = 2\n```'), 'b = 2');
  assert.equal(extractCodeGeneration('```python\nonly an opening'), '');
  assert.equal(extractCodeGeneration('no code'), '');
});

test('live_code_bench by name: EvalScope prompt and system message, private tests unpickled safely, both kinds scored test by test in the sandbox, dates, pass@k', { skip }, async () => {
  rmSync('/tmp/lcb-pwned', { force: true });
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const problems = lcbProblems();
  const prompt = liveCodeBenchBenchmark.prompts.default.template;
  const items = [...problems.v1, ...problems.v2].filter((p) => p.row.question_id !== 'evil').map((p) => liveCodeBenchBenchmark.toItem(p.row, { subset: 'release_latest', fewShot: [], template: prompt, fewShotTemplate: prompt }));
  // The answers: right for each problem, except maxValue answered with min (fails its private test).
  const byId = new Map([...problems.v1, ...problems.v2].map((p) => [String(p.row.question_id), p.solution]));
  const solutions = items.map((it) => {
    const id = (it.ground_truth as { question_id: string }).question_id;
    const output = id === 'max-value' ? '```python\ndef maxValue(nums):\n    return min(nums)\n```' : byId.get(id)!;
    return JSON.stringify({ prompt: it.prompt, output });
  });
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions.join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl')]);
  try {
    const cache = path.join(dir, 'cache');
    const base = ['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--datasets', 'live_code_bench', '--cache_dir', cache, '--use_sandbox'];
    const dry = await runEval([...base, '--dry_run'], { HF_ENDPOINT: hub.origin });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /"role": "system",\s+"content": "You are an expert Python programmer\./, 'the benchmark\'s system message');
    assert.match(dry.stdout, /### Question:\\nPrint the input line reversed\.\\n\\n### Format: Read the inputs from stdin/);
    assert.match(dry.stderr, /live_code_bench_release_latest\.jsonl:5: "private_test_cases" is neither JSON nor a readable base64\/zlib\/pickle of it \(opcode (STACK_)?GLOBAL/);

    const out = path.join(dir, 'run');
    const r = await runEval([...base, '--output_dir', out, '--dataset_args', JSON.stringify({ live_code_bench: { extra_params: { start_date: '2024-01-01' } } }), '--repeats', '2'], { HF_ENDPOINT: hub.origin });
    assert.equal(r.code, 3, r.stderr); // the hostile row is an input error
    const rows = readJsonl<Record<string, any>>(path.join(out, 'details', 'live_code_bench_release_latest.jsonl'));
    // 2023's problem is outside the window; the hostile one is refused: 3 problems × 2 repeats.
    assert.equal(rows.length, 6);
    const score = (id: string) => rows.filter((row) => row.ground_truth.question_id === id).map((row) => row.score);
    assert.deepEqual(score('abc001_a'), [1, 1], 'stdin problem: public and private tests pass');
    assert.deepEqual(score('two-sum'), [1, 1], 'class Solution with two arguments');
    assert.deepEqual(score('max-value'), [0, 0], 'the wrong answer fails its private (protocol 0) test');
    const failed = rows.find((row) => row.ground_truth.question_id === 'max-value')!;
    assert.deepEqual(failed.metrics.tests_passed, [0, 2], 'the public test [1, 5, 3] → 5 fails first, and the rest are not run');
    assert.match(r.stdout, /Live-Code-Bench: 0\.6667/);
    const meta = readJsonl<Record<string, unknown>>(path.join(out, 'meta.jsonl'));
    assert.equal(meta[0]['pass@1'], 2 / 3);
    assert.ok(!existsSync('/tmp/lcb-pwned'), 'nothing of the hostile pickle ran');

    const bad = await runEval([...base, '--output_dir', path.join(dir, 'bad'), '--dataset_args', JSON.stringify({ live_code_bench: { end_date: '2024/01/01' } })], { HF_ENDPOINT: hub.origin });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--dataset_args live_code_bench\.end_date: expected a date as YYYY-MM-DD, got "2024\/01\/01"/);
    const version = await runEval([...base, '--output_dir', path.join(dir, 'v2'), '--dataset_args', JSON.stringify({ live_code_bench: { release_version: 'v2' } }), '--dry_run'], { HF_ENDPOINT: hub.origin });
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /live_code_bench_v2\.jsonl: 1 items \(1 bad lines\)/, 'release v2 alone: maxValue, and the hostile row');
  } finally {
    await mock.stop();
    await hub.close();
  }
});
