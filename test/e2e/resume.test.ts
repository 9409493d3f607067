// Resume end to end: a run killed with SIGKILL mid-way is finished by --resume without asking again for what
// was answered, without losing or duplicating a row; torn rows are cut; changed settings are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, readdirSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collect, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';

function rowCount(out: string): number {
  const dir = path.join(out, 'details');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, f) => n + readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).length, 0);
}

test('kill -9 mid-run, then --resume: every id exactly once, and answered ids are not asked again', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '20-60']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--max_concurrent_requests', '4'];
    const child = spawnScript('run_eval.ts', args);
    const done = collect(child);
    await waitFor(() => rowCount(out) >= 20, 30_000, 'twenty rows written');
    child.kill('SIGKILL');
    const killed = await done;
    assert.equal(killed.signal, 'SIGKILL');
    const before = (await mock.stats()).completions as number;
    const rowsAtKill = rowCount(out);
    assert.ok(rowsAtKill < 72, 'the run was really cut short');

    const resumed = await runScript('run_eval.ts', [...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const name of ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']) {
      const ids = readJsonl(path.join(out, 'details', name)).map((r) => r.id);
      assert.deepEqual(ids, [...Array(24).keys()], `${name}: each id exactly once`);
    }
    const asked = ((await mock.stats()).completions as number) - before;
    // Rows cut as torn (at most one per file) are asked again; nothing else that was written is.
    assert.ok(asked >= 72 - rowsAtKill && asked <= 72 - rowsAtKill + 3, `asked ${asked} again for ${72 - rowsAtKill} missing rows`);
    const args2 = JSON.parse(readFileSync(path.join(out, 'eval_args.json'), 'utf8'));
    assert.equal(args2.resumes.length, 1);
  } finally {
    await mock.stop();
  }
});

test('a torn last row is cut off and only that item is asked again', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS]);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'maze.jsonl'), '--output_dir', out, '--limit', '5'];
    assert.equal((await runScript('run_eval.ts', args)).code, 0);
    const details = path.join(out, 'details', 'maze.jsonl');
    truncateSync(details, statSync(details).size - 40); // a kill mid-write leaves half a row
    const before = (await mock.stats()).completions as number;
    const resumed = await runScript('run_eval.ts', [...args, '--resume', out].filter((a, i, all) => !(a === '--output_dir' || all[i - 1] === '--output_dir')));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /cut a torn last row/);
    assert.equal(((await mock.stats()).completions as number) - before, 1);
    const rows = readJsonl(path.join(out, 'details', 'maze.jsonl'));
    assert.deepEqual(rows.map((r) => r.id), [0, 1, 2, 3, 4]);
  } finally {
    await mock.stop();
  }
});

test('items in error are asked again on resume, and duplicates collapse to the latest row', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--fail-first', '2', '--fail-mode', '503']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', out, '--limit', '3', '--max_retries', '1', '--max_concurrent_requests', '1'];
    assert.equal((await runScript('run_eval.ts', args)).code, 3);
    assert.equal(readJsonl(path.join(out, 'details', 'game24.jsonl')).filter((r) => r.error).length, 2);
    const resumed = await runScript('run_eval.ts', [...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual(rows.map((r) => [r.id, r.score, r.error]), [[0, 1, undefined], [1, 1, undefined], [2, 1, undefined]]);
  } finally {
    await mock.stop();
  }
});

test('resume refuses changed answer settings, listing them, unless --force (which is recorded)', async () => {
  const mock = await startMockProcess(['--model', 'm', '--reply', 'fixed', '--text', 'x']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', out, '--limit', '2'];
    assert.equal((await runScript('run_eval.ts', args)).code, 0);
    const refused = await runScript('run_eval.ts', [...args, '--resume', '--max_tokens', '100', '--template', 'r1']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /settings that change answers differ/);
    assert.match(refused.stderr, /max_tokens: 32768 → 100/);
    assert.match(refused.stderr, /template: /);
    const forced = await runScript('run_eval.ts', [...args, '--resume', '--max_tokens', '100', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    const evalArgs = JSON.parse(readFileSync(path.join(out, 'eval_args.json'), 'utf8'));
    assert.deepEqual(evalArgs.resumes.at(-1).forced_differences, ['max_tokens: 32768 → 100']);
  } finally {
    await mock.stop();
  }
});

test('a finished run resumed again asks nothing and rewrites the same results', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS]);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out];
    assert.equal((await runScript('run_eval.ts', args)).code, 0);
    const meta = readFileSync(path.join(out, 'meta.jsonl'), 'utf8');
    const before = (await mock.stats()).completions;
    assert.equal((await runScript('run_eval.ts', [...args, '--resume'])).code, 0);
    assert.equal((await mock.stats()).completions, before);
    assert.equal(readFileSync(path.join(out, 'meta.jsonl'), 'utf8'), meta);
  } finally {
    await mock.stop();
  }
});

test('--resume with no earlier run starts a fresh one and says so', async () => {
  const cwd = tempDir();
  const mock = await startMockProcess(['--model', 'm', '--reply', 'fixed', '--text', 'x']);
  try {
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--limit', '1', '--resume'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /No earlier run of m on sample under .*; starting a fresh run/);
    // And a second --resume finds that run by its name.
    const again = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--limit', '2', '--resume'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /\(resuming\)/);
    assert.equal(readdirSync(path.join(cwd, 'output')).length, 1);
  } finally {
    await mock.stop();
  }
});

test('an --output_dir that already holds a run is refused without --resume', async () => {
  const out = tempDir();
  writeFileSync(path.join(out, 'x'), '');
  const details = path.join(out, 'details');
  await import('node:fs').then((fs) => fs.mkdirSync(details));
  appendFileSync(path.join(details, 'game24.jsonl'), '{"id":0}\n');
  const result = await runScript('run_eval.ts', ['--url', 'http://127.0.0.1:9/v1', '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--check_model_url', 'false']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /already holds a run; add --resume/);
});
