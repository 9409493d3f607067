// One process per run folder: a second run_eval (or rescore --run) on a folder in use stops before asking the
// model; a lock left by a killed run is taken over; a lock from another host is honoured unless --force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { collect, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';
import { RunLock } from '../../src/output/run-lock.ts';
import { redactCommandLine } from '../../src/redact.ts';

const game24 = path.join(SAMPLE_DIR, 'game24.jsonl');

test('a second run_eval on a folder in use is refused before any request; the first finishes with every row once', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '400']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', game24, '--output_dir', out, '--max_concurrent_requests', '1', '--api_key', 'sk-secret-lock-test'];
    const first = spawnScript('run_eval.ts', args);
    const firstDone = collect(first);
    try {
    await waitFor(() => existsSync(path.join(out, 'details', 'game24.jsonl')), 30_000, 'the first run to write rows');
    const lock = JSON.parse(readFileSync(path.join(out, 'run.lock'), 'utf8'));
    assert.equal(lock.pid, first.pid);
    assert.equal(lock.host, hostname());
    assert.match(lock.command, /^run_eval /);
    assert.doesNotMatch(JSON.stringify(lock), /sk-secret-lock-test/, 'the API key is never written');

    for (const extra of [['--resume'], []]) {
      const second = await runScript('run_eval.ts', [...args, ...extra, '--no-check_model_url']);
      assert.equal(second.code, 2, second.stderr);
      assert.match(second.stderr, new RegExp(`run folder .*run is in use by pid ${first.pid} on host ${hostname()} since \\d{4}-`));
      assert.doesNotMatch(second.stderr, /at .*\.ts:\d+/, 'no stack trace');
    }
    const rescore = await runScript('rescore.ts', ['--run', out]);
    assert.equal(rescore.code, 2, rescore.stderr);
    assert.match(rescore.stderr, /is in use by pid/);
    assert.ok(first.exitCode === null, 'the first run was still going while the others were refused');

    const firstResult = await firstDone;
    assert.equal(firstResult.code, 0, firstResult.stderr);
    assert.deepEqual(readJsonl(path.join(out, 'details', 'game24.jsonl')).map((r) => r.id), [...Array(24).keys()]);
    assert.equal((await mock.stats()).completions, 24, 'each item asked exactly once');
    assert.equal(existsSync(path.join(out, 'run.lock')), false, 'the lock is dropped at the end');
    } finally {
      first.kill('SIGKILL');
    }
  } finally {
    await mock.stop();
  }
});

test('kill -9, then --resume: the stale lock is taken over with one notice and the run finishes', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '50']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', game24, '--output_dir', out, '--max_concurrent_requests', '2'];
    const child = spawnScript('run_eval.ts', args);
    const done = collect(child);
    await waitFor(() => existsSync(path.join(out, 'details', 'game24.jsonl')), 30_000, 'rows written');
    child.kill('SIGKILL');
    await done;
    assert.equal(existsSync(path.join(out, 'run.lock')), true, 'SIGKILL leaves the lock behind');
    const resumed = await runScript('run_eval.ts', [...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(resumed.stderr.match(/Taking over the stale lock/g)?.length, 1, resumed.stderr);
    assert.deepEqual(readJsonl(path.join(out, 'details', 'game24.jsonl')).map((r) => r.id), [...Array(24).keys()]);
    assert.equal(existsSync(path.join(out, 'run.lock')), false);
  } finally {
    await mock.stop();
  }
});

test('Ctrl-C drops the lock', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '200']);
  try {
    const out = path.join(tempDir(), 'run');
    const child = spawnScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', game24, '--output_dir', out, '--max_concurrent_requests', '1']);
    const done = collect(child);
    await waitFor(() => existsSync(path.join(out, 'details', 'game24.jsonl')), 30_000, 'rows written');
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.code, 130, result.stderr);
    assert.equal(existsSync(path.join(out, 'run.lock')), false);
  } finally {
    await mock.stop();
  }
});

test('a lock from another host is honoured unless --force; a live pid on this host is never taken', () => {
  const folder = tempDir();
  const foreign = { pid: 4242, host: 'some-other-host', started_at: '2026-11-30T22:00:00.000Z', command: 'run_eval …' };
  writeFileSync(path.join(folder, 'run.lock'), JSON.stringify(foreign));
  const logs: string[] = [];
  const log = (l: string) => logs.push(l);
  assert.throws(() => RunLock.acquire(folder, { command: 'x', force: false, log }), /in use by pid 4242 on host some-other-host since 2026-11-30T22:00:00.000Z.*--force/);
  const taken = RunLock.acquire(folder, { command: 'x', force: true, log });
  assert.match(logs.join('\n'), /--force: taking over the lock .* some-other-host/);
  assert.equal(JSON.parse(readFileSync(path.join(folder, 'run.lock'), 'utf8')).pid, process.pid);
  taken.release();
  assert.equal(existsSync(path.join(folder, 'run.lock')), false);

  // The test runner's parent process is alive on this host: its lock holds even with --force.
  writeFileSync(path.join(folder, 'run.lock'), JSON.stringify({ ...foreign, pid: process.ppid, host: hostname() }));
  assert.throws(() => RunLock.acquire(folder, { command: 'x', force: true, log }), new RegExp(`in use by pid ${process.ppid}`));
  // A pid that lives but started at another time is a reused pid: stale.
  writeFileSync(path.join(folder, 'run.lock'), JSON.stringify({ ...foreign, pid: process.ppid, host: hostname(), proc_start: '1' }));
  RunLock.acquire(folder, { command: 'x', force: false, log }).release();
  assert.match(logs.at(-1)!, /stale lock .* no longer running/);
});

test('the recorded command line hides keys, tokens and Authorization headers', () => {
  const line = redactCommandLine(
    ['run_eval', '--api_key', 'sk-abc123', '--sandbox_token=tok-999', '--header', 'Authorization: Bearer xyz', '-o', 'api_key=sk-zz', '--model_name', 'm'],
    ['sk-abc123'],
  );
  assert.doesNotMatch(line, /sk-abc123|tok-999|xyz|sk-zz/);
  assert.match(line, /--model_name m/);
  assert.match(line, /--api_key \*\*\*/);
});
