// Retries and failures end to end: what is retried, what waits, what is recorded at once, what stops the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readJsonl, runScript, SAMPLE_DIR, tempDir, withMock } from '../support/cli.ts';

function args(baseUrl: string, out: string, extra: string[]): string[] {
  return ['--url', baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', out, '--max_concurrent_requests', '1', ...extra];
}

test('a 429 with Retry-After is retried after the time the server asked for', async () => {
  await withMock(['--fail-first', '2', '--fail-mode', '429', '--retry-after', '1'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const started = Date.now();
    const result = await runScript('run_eval.ts', args(url, out, ['--limit', '1']));
    assert.equal(result.code, 0, result.stderr);
    const [row] = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.equal(row.attempts, 3);
    assert.equal(row.score, 1);
    assert.ok(Date.now() - started >= 2000, 'two waits of Retry-After: 1 s each');
    assert.match(result.stderr, /Retrying in 1\.0 s: HTTP 429/);
  });
});

test('a 400 (prompt too long) is recorded at once as the item error, not retried, exit 3', async () => {
  await withMock(['--max-model-len', '50'], async (url, stats) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', args(url, out, ['--limit', '2', '--max_tokens', '40']));
    assert.equal(result.code, 3, result.stderr);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row.score, 0);
      assert.equal(row.output, '');
      assert.deepEqual(Object.keys(row.error as object), ['kind', 'status', 'message', 'attempts']);
      assert.equal((row.error as { status: number }).status, 400);
      assert.equal((row.error as { attempts: number }).attempts, 1);
      assert.match((row.error as { message: string }).message, /maximum context length is 50 tokens/);
    }
    assert.equal((await stats()).completions, 2, 'one request per item');
  });
});

test('an item whose attempts run out is written with its error and the run goes on', async () => {
  await withMock(['--fail-first', '3', '--fail-mode', '500'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', args(url, out, ['--limit', '3', '--max_retries', '3', '--max_retrying_delay', '0']));
    assert.equal(result.code, 3);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual(rows.map((r) => r.id), [0, 1, 2]);
    assert.deepEqual(rows[0].error, { kind: 'ApiError', status: 500, message: 'HTTP 500: Internal server error', attempts: 3 });
    assert.equal(rows[1].score, 1);
    assert.equal(rows[2].score, 1);
    const meta = readJsonl(path.join(out, 'meta.jsonl'));
    assert.equal(meta[0].n_errors, 1);
    assert.match(result.stdout, /1 item error\(s\)/);
  });
});

test('a request that hangs is cut by --timeout and retried', async () => {
  await withMock(['--fail-first', '1', '--fail-mode', 'hang'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', args(url, out, ['--limit', '1', '--timeout', '500', '--max_retrying_delay', '0']));
    assert.equal(result.code, 0, result.stderr);
    const [row] = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.equal(row.attempts, 2);
    assert.equal(row.score, 1);
    assert.match(result.stderr, /--timeout is in milliseconds here \(500 ms/);
  });
});

test('connection resets are retried like the network errors they are', async () => {
  await withMock(['--fail-first', '2', '--fail-mode', 'reset'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', args(url, out, ['--limit', '1', '--max_retrying_delay', '0']));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readJsonl(path.join(out, 'details', 'game24.jsonl'))[0].attempts, 3);
  });
});

test('a 401 mid-run stops at the first occurrence with exit 2, keeping the xlsx and meta', async () => {
  // The health check is skipped, so the first generation request meets the key check.
  await withMock(['--api-key', 'right-key'], async (url, stats) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', args(url, out, ['--api_key', 'bad-key-000', '--check_model_url', 'false', '--max_concurrent_requests', '1']));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /refused the request \(HTTP 401/);
    assert.ok(((await stats()).requests as number) <= 2, 'no request after the refusal');
    assert.equal(readJsonl(path.join(out, 'meta.jsonl')).length, 1);
  });
});
