// The sandbox server over real HTTP: health, bearer token, bad requests, body limit, a full queue answering
// 429 with Retry-After, and the evaluator's client riding out that 429 with the core retry policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRunSandbox } from '../../src/sandbox/create-sandbox.ts';
import { UsageError } from '../../src/errors.ts';
import { bwrapSkipReason, startSandboxServerProcess, type SandboxServerProcess } from '../support/sandbox.ts';
import { runScript } from '../support/cli.ts';

const skip = bwrapSkipReason();
const SETTINGS = { sandbox_type: 'bwrap' as const, sandbox_image: 'x', sandbox_python: 'python3', sandbox_memory_mb: 512, sandbox_timeout: 30, judge_worker_num: 2, max_retries: 20, max_retrying_delay: 0.5 };
const TOKEN = 'tok-sandbox-5e2b';
let server: SandboxServerProcess;

before(async () => {
  if (skip) return;
  server = await startSandboxServerProcess(['--max_concurrency', '1', '--max_queue', '0', '--max_body_mb', '1', '--token', TOKEN]);
});
after(async () => server?.stop());

const post = (body: string, token: string | null = TOKEN) =>
  fetch(`${server.url}/v1/execute`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
const sleeper = (seconds: number) => JSON.stringify({ files: { 'main.py': `import time\ntime.sleep(${seconds})\nprint("slept")\n` }, command: ['python3', 'main.py'], timeoutMs: 10_000, memoryMb: 512 });

test('sandbox server: /health reports its type and load; the first line printed is "listening URL"', { skip }, async () => {
  const res = await fetch(`${server.url}/health`);
  assert.equal(res.status, 200);
  const health = (await res.json()) as Record<string, unknown>;
  assert.deepEqual([health.status, health.sandbox_type, health.max_concurrency, health.running, health.queued, health.protocol], ['ok', 'bwrap', 1, 0, 0, 'bootcamp-eval']);
  assert.equal(health.healthy, true, "ms-enclave's health beside ours");
});

test('sandbox server: a missing or wrong token is 401, with a JSON error', { skip }, async () => {
  for (const token of [null, 'wrong']) {
    const res = await post(sleeper(0), token);
    assert.equal(res.status, 401);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /bearer token/);
  }
});

test('sandbox server: bad JSON and bad fields are 400 naming the field; an oversized body is 413', { skip }, async () => {
  const notJson = await post('{nope');
  assert.equal(notJson.status, 400);
  assert.match(((await notJson.json()) as { error: { message: string } }).error.message, /not JSON/);
  const badField = await post(JSON.stringify({ files: {}, command: [], timeoutMs: 1, memoryMb: 1 }));
  assert.equal(badField.status, 400);
  assert.match(((await badField.json()) as { error: { message: string } }).error.message, /^command:/);
  const big = await post(JSON.stringify({ files: { 'a.py': 'x'.repeat(2 << 20) }, command: ['python3', 'a.py'], timeoutMs: 1000, memoryMb: 64 }));
  assert.equal(big.status, 413);
});

test('sandbox server: when its workers and queue are full it answers 429 with Retry-After', { skip }, async () => {
  const first = post(sleeper(1.5));
  await new Promise((r) => setTimeout(r, 400)); // let the first one take the only worker
  const second = await post(sleeper(0));
  assert.equal(second.status, 429);
  assert.equal(second.headers.get('retry-after'), '1');
  const done = await first;
  assert.equal(done.status, 200);
  assert.equal(((await done.json()) as { stdout: string }).stdout, 'slept\n');
});

test("the evaluator's remote sandbox retries 429s until every execution ran", { skip }, async () => {
  const sandbox = createRunSandbox({ ...SETTINGS, sandbox_url: server.url, sandbox_token: TOKEN });
  try {
    await sandbox.check();
    const request = JSON.parse(sleeper(0.3));
    const results = await Promise.all([1, 2, 3].map(() => sandbox.executor.execute(request)));
    assert.deepEqual(results.map((r) => r.stdout), ['slept\n', 'slept\n', 'slept\n']);
  } finally {
    sandbox.close();
  }
});

test('an unreachable sandbox server or a missing bwrap is one clear error before any request', { skip }, async () => {
  const remote = createRunSandbox({ ...SETTINGS, sandbox_url: 'http://127.0.0.1:9', max_retries: 1 });
  await assert.rejects(remote.check(), (err: Error) => err instanceof UsageError && /sandbox server http:\/\/127\.0\.0\.1:9 is not usable.*sandbox_server\.ts/s.test(err.message));
  remote.close();
  const local = createRunSandbox({ ...SETTINGS, bwrap: '/nonexistent/bwrap' });
  await assert.rejects(local.check(), (err: Error) => err instanceof UsageError && /bwrap sandbox .* cannot run programs.*apt-get install bubblewrap/s.test(err.message));
});

test('sandbox_server.ts rejects unknown flags and bad values with exit 2', async () => {
  const unknown = await runScript('sandbox_server.ts', ['--prot', '1']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown flag --prot/);
  const bad = await runScript('sandbox_server.ts', ['--sandbox_type', 'chroot']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--sandbox_type: expected bwrap or docker/);
});
