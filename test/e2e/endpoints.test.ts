// Several model endpoints in one run, with real mock processes: balance by outstanding requests, a replica
// killed mid-run (its items finish on the other, none lost, none answered twice), a replica that comes back,
// every replica down for a while, and endpoints down at the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { collect, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';
import type { MockProcess } from '../../src/mock/mock-process.ts';
import type { EndpointStats } from '../../src/model/endpoints.ts';

const GAME24 = path.join(SAMPLE_DIR, 'game24.jsonl');

function mock(extra: string[]): Promise<MockProcess> {
  return startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, ...extra]);
}

function kill(m: MockProcess): Promise<void> {
  return new Promise((resolve) => {
    if (m.child.exitCode !== null || m.child.signalCode !== null) return resolve();
    m.child.removeAllListeners('exit');
    m.child.once('exit', () => resolve());
    m.child.kill('SIGKILL');
  });
}

const portOf = (m: MockProcess) => new URL(m.origin).port;


function endpointStats(out: string): EndpointStats[] {
  return (JSON.parse(readFileSync(path.join(out, 'eval_args.json'), 'utf8')) as { endpoints: EndpointStats[] }).endpoints;
}

function runArgs(urls: string[], out: string, extra: string[]): string[] {
  return [...urls.flatMap((u) => ['--url', u]), '--model_name', 'm', '--test_dir', GAME24, '--output_dir', out, '--max_retrying_delay', '1', ...extra];
}

/** Every (id, repeat) of game24 × repeats exactly once, each answered without error and scored as the mock's solutions say. */
function assertComplete(out: string, repeats: number): Record<string, unknown>[] {
  const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
  const keys = rows.map((r) => `${r.id}/${r.repeat}`);
  assert.equal(new Set(keys).size, rows.length, 'no (id, repeat) twice');
  assert.equal(rows.length, 24 * repeats, 'every item is in details');
  assert.deepEqual(rows.filter((r) => r.error !== undefined).map((r) => r.id), [], 'no item failed');
  assert.ok(rows.every((r) => r.score === 1), 'every answer is the solution');
  return rows;
}

test('the endpoint with the fewest requests in flight gets the next one: at 100 ms and 300 ms latency the faster gets about three times as many', async () => {
  const fast = await mock(['--latency-ms', '100']);
  const slow = await mock(['--latency-ms', '300']);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', runArgs([fast.baseUrl, slow.baseUrl], out, ['--repeats', '4', '--max_concurrent_requests', '8']));
    assert.equal(result.code, 0, result.stderr);
    assertComplete(out, 4);
    const [f, s] = [(await fast.stats()).completions as number, (await slow.stats()).completions as number];
    assert.equal(f + s, 96);
    assert.ok(f > 2 * s, `fast ${f} vs slow ${s}`);
    const stats = endpointStats(out);
    assert.deepEqual(stats.map((e) => [e.url, e.requests, e.errors]), [[fast.baseUrl, f, 0], [slow.baseUrl, s, 0]]);
    assert.ok(stats[0].mean_latency_ms! >= 100 && stats[0].mean_latency_ms! < stats[1].mean_latency_ms!, JSON.stringify(stats));
    assert.match(result.stdout, /Endpoints:\n {2}http:\/\/127\.0\.0\.1:\d+\/v1 {2}requests \d+/);
  } finally {
    await Promise.all([fast.stop(), slow.stop()]);
  }
});

test('a replica killed mid-run: its items finish on the other, none lost, none answered twice, no attempt spent on the dead one', async () => {
  const a = await mock(['--latency-ms', '100']);
  const b = await mock(['--latency-ms', '100']);
  try {
    const out = path.join(tempDir(), 'run');
    const child = spawnScript('run_eval.ts', runArgs([a.baseUrl, b.baseUrl], out, ['--repeats', '12', '--max_concurrent_requests', '8']));
    const done = collect(child);
    await waitFor(async () => ((await b.stats()).completions as number) >= 40, 30_000, 'the run to be under way');
    await kill(a);
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    const rows = assertComplete(out, 12);
    const [sa, sb] = endpointStats(out);
    const answeredByA = sa.requests - sa.errors;
    // Each item was answered once: by A before the kill, or by B.
    assert.equal(answeredByA + ((await b.stats()).completions as number), 24 * 12);
    assert.equal(sa.ejections, 1);
    assert.equal(sa.state, 'ejected');
    assert.ok(sa.errors >= 1 && sa.errors <= 8, `A failed ${sa.errors} requests: at most those in flight at the kill and the sends before it was ejected`);
    // A failure on the dying replica was sent on to the live one within the same attempt.
    assert.deepEqual(rows.filter((r) => (r.attempts as number) > 1).map((r) => r.id), [], 'no item spent an attempt on the dead replica');
    assert.match(result.stderr, /Endpoint http:\/\/127\.0\.0\.1:\d+\/v1 (failed 3 requests in a row|refused a connection); out of the rotation/);
  } finally {
    await Promise.all([kill(a), b.stop()]);
  }
});

test('an ejected replica that comes back answers its probe and is used again', async () => {
  let a = await mock(['--latency-ms', '50']);
  const b = await mock(['--latency-ms', '50']);
  const port = portOf(a);
  try {
    const out = path.join(tempDir(), 'run');
    const child = spawnScript('run_eval.ts', runArgs([a.baseUrl, b.baseUrl], out, ['--repeats', '24', '--max_concurrent_requests', '4']));
    const done = collect(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor(async () => ((await b.stats()).completions as number) >= 20, 30_000, 'the run to be under way');
    await kill(a);
    await waitFor(() => /out of the rotation/.test(stderr), 30_000, 'the dead replica to be ejected');
    a = await mock(['--latency-ms', '50', '--port', port]);
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assertComplete(out, 24);
    assert.match(result.stderr, /answered its probe; back in the rotation/);
    assert.ok(((await a.stats()).completions as number) > 0, 'the restarted replica got requests');
    const [sa] = endpointStats(out);
    assert.equal(sa.state, 'up');
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test('every replica down for a while: requests wait for the first probe that succeeds instead of failing', async () => {
  let a = await mock(['--latency-ms', '20']);
  const b = await mock(['--latency-ms', '20']);
  const ports = [portOf(a), portOf(b)];
  try {
    const out = path.join(tempDir(), 'run');
    const child = spawnScript('run_eval.ts', runArgs([a.baseUrl, b.baseUrl], out, ['--repeats', '20', '--max_concurrent_requests', '4', '--max_retries', '2', '--max_retrying_delay', '0']));
    const done = collect(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor(async () => ((await a.stats()).completions as number) + ((await b.stats()).completions as number) >= 30, 30_000, 'the run to be under way');
    await Promise.all([kill(a), kill(b)]);
    await waitFor(() => (stderr.match(/out of the rotation/g) ?? []).length >= 2, 30_000, 'both replicas to be ejected');
    await new Promise((r) => setTimeout(r, 1500));
    a = await mock(['--latency-ms', '20', '--port', ports[0]]);
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assertComplete(out, 20);
    assert.ok(((await a.stats()).completions as number) > 0, 'the replica that came back answered the rest');
  } finally {
    await Promise.all([a.stop(), kill(b)]);
  }
});

test('endpoints down at the start are named and left out; every endpoint down is exit 2 naming each', async () => {
  const up = await mock([]);
  const gone = await mock([]);
  const goneUrl = gone.baseUrl;
  await kill(gone);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', runArgs([up.baseUrl, goneUrl], out, ['--limit', '4']));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`Endpoint ${goneUrl.replace(/[./]/g, '\\$&')}: .*not reachable.*; left out of the rotation until it answers a probe`));
    assert.match(result.stderr, /1 of 2 endpoints list model 'm'/);
    const [, sg] = endpointStats(out);
    assert.deepEqual([sg.requests, sg.state], [0, 'left out']);

    const none = await runScript('run_eval.ts', runArgs([goneUrl, 'http://127.0.0.1:9/v1'], path.join(tempDir(), 'run'), ['--limit', '4', '--check_max_attempts', '1']));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /health check failed after 1 attempt\(s\) on every endpoint:\n {2}http:\/\/127\.0\.0\.1:\d+\/v1: .*not reachable/);
    assert.match(none.stderr, /127\.0\.0\.1:9\/v1: /);
    assert.doesNotMatch(none.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    await up.stop();
  }
});
