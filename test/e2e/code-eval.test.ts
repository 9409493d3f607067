// Code evaluation end to end: run_eval.ts against the mock answering HumanEval with the canonical solutions,
// in the local sandbox and through a sandbox server process; refused without --use_sandbox; and a run whose
// answers are hostile programs finishes with every item scored and nothing escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMockProcess, runScript, tempDir, readJsonl, listFiles, waitFor } from '../support/cli.ts';
import { bwrapSkipReason, processesWithMarker, startSandboxServerProcess } from '../support/sandbox.ts';
import { createHostileWorld, HOSTILE_CASES } from '../support/hostile-programs.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const HUMANEVAL = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'humaneval', 'HumanEval.jsonl');
const bwrapSkip = bwrapSkipReason();
const skip = bwrapSkip || (!existsSync(HUMANEVAL) && 'needs ../shared/data/humaneval');

async function importHumanEval(): Promise<{ lines: string; solutions: string }> {
  const dir = tempDir();
  const lines = path.join(dir, 'humaneval.jsonl');
  const solutions = path.join(dir, 'solutions.jsonl');
  const imported = await runScript('import_humaneval.ts', [HUMANEVAL, '-o', lines, '--solutions', solutions]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stderr, /Wrote 164 problems .* and 164 solutions/);
  const first = readJsonl(lines)[0] as { ground_truth: Record<string, unknown>; prompt: string };
  assert.deepEqual(Object.keys(first.ground_truth), ['task_id', 'prompt', 'entry_point', 'test'], 'no canonical solution in the line');
  assert.doesNotMatch(JSON.stringify(first), /canonical/);
  return { lines, solutions };
}

for (const where of ['local', 'remote'] as const) {
  test(`HumanEval through run_eval.ts: the canonical solutions score 164/164 in the ${where} sandbox`, { skip }, async () => {
    const { lines, solutions } = await importHumanEval();
    const mock = await startMockProcess(['--model', 'm', '--solutions', solutions]);
    const token = 'sbx-token-never-on-disk-42';
    const server = where === 'remote' ? await startSandboxServerProcess(['--max_concurrency', '2', '--token', token]) : undefined;
    try {
      const out = path.join(tempDir(), 'run');
      // EvalScope's spelling, token included: it must reach the server and never the run folder.
      const sandboxArgs = server ? ['--sandbox_manager_config', JSON.stringify({ base_url: server.url, token })] : [];
      const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', lines, '--output_dir', out, '--use_sandbox', '--quiet', ...sandboxArgs]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, where === 'remote' ? /run in the remote sandbox http:\/\/127\.0\.0\.1:\d+/ : /run in the bwrap sandbox/);
      const rows = readJsonl(path.join(out, 'details', 'humaneval.jsonl'));
      assert.equal(rows.length, 164);
      assert.equal(rows.filter((r) => r.score === 1).length, 164, JSON.stringify(rows.filter((r) => r.score !== 1).map((r) => r.id)));
      assert.match(result.stdout, /HumanEvalbootcamp +164 +1\.0000/);
      for (const file of listFiles(out)) assert.ok(!readFileSync(file, 'utf8').includes(token), `${file} holds no sandbox token`);
    } finally {
      await mock.stop();
      await server?.stop();
    }
  });
}

test('code bootcamps without --use_sandbox are refused before any request, saying how to enable it', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'code.jsonl'), JSON.stringify({ data_source: 'KodCode', prompt: 'p', ground_truth: { test: 'x' } }) + '\n');
  const mock = await startMockProcess(['--model', 'm', '--reply', 'fixed', '--text', '```python\nimport os\n```']);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /KodCode runs the model's code, which this evaluator does only in a sandbox\. Add --use_sandbox/);
    assert.equal(existsSync(out), false, 'no run folder');
    const stats = await mock.stats();
    assert.equal(Number(stats.completions) + Number(stats.chat), 0, 'no request reached the model');
  } finally {
    await mock.stop();
  }
});

test('a run whose answers are hostile programs finishes with every item scored, and nothing escaped', { skip }, async () => {
  const world = await createHostileWorld(path.join(tempDir(), 'host'));
  const problems = readFileSync(HUMANEVAL, 'utf8').trim().split('\n').slice(0, 3).map((l) => JSON.parse(l));
  const dir = tempDir();
  const input: string[] = [];
  const solutions: string[] = [];
  // A hostile program defines the entry point, then attacks, then exits 0 only when the attack worked: any
  // breach would show as a score of 1.
  for (const hostile of HOSTILE_CASES) {
    const prompt = `hostile: ${hostile.name}`;
    input.push(JSON.stringify({ data_source: 'HumanEval', prompt, ground_truth: { task_id: prompt, prompt: '', entry_point: 'f', test: 'def check(c):\n    pass\n' } }));
    solutions.push(JSON.stringify({ prompt, output: '```python\ndef f():\n    pass\n\n' + hostile.program(world) + '```' }));
  }
  for (const p of problems) {
    const prompt = `good: ${p.task_id}`;
    input.push(JSON.stringify({ data_source: 'HumanEval', prompt, ground_truth: { task_id: p.task_id, prompt: p.prompt, entry_point: p.entry_point, test: p.test } }));
    solutions.push(JSON.stringify({ prompt, output: '```python\n' + p.prompt + p.canonical_solution + '```' }));
  }
  writeFileSync(path.join(dir, 'mixed.jsonl'), input.join('\n') + '\n');
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions.join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl')]);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript(
      'run_eval.ts',
      ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(dir, 'mixed.jsonl'), '--output_dir', out, '--use_sandbox', '--sandbox_timeout', '4', '--quiet'],
      { env: { OPENAI_API_KEY: world.apiKey } },
    );
    assert.equal(result.code, 0, result.stderr);
    const rows = readJsonl(path.join(out, 'details', 'mixed.jsonl'));
    assert.equal(rows.length, HOSTILE_CASES.length + problems.length, 'every item scored');
    for (const [i, hostile] of HOSTILE_CASES.entries()) assert.equal(rows[i].score, 0, `contained: ${hostile.name}`);
    assert.deepEqual(rows.slice(HOSTILE_CASES.length).map((r) => r.score), problems.map(() => 1), 'the ordinary items around them still pass');
    await waitFor(() => processesWithMarker(world.marker).length === 0, 5_000, 'no process left behind');
    assert.equal(world.connections(), 0, 'no connection reached the host listener');
    assert.equal(existsSync(path.join(world.hostDir, 'written.txt')), false, 'no file written on the host');
    for (const file of listFiles(out)) assert.ok(!readFileSync(file, 'utf8').includes(world.apiKey), `${file} holds no API key`);
  } finally {
    await mock.stop();
    await world.close();
  }
});
