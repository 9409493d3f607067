// --stream end to end against the mock as a real process: a streamed answer gives the same details row as the
// same answer unstreamed (plus ttft_ms), in both api modes; a stream that stalls is cut by --stream_idle_timeout
// and retried; an error event in a stream, and HTTP 200 bodies that are not answers, go to the retry policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readJsonl, runScript, SAMPLE_DIR, tempDir, withMock } from '../support/cli.ts';

function runArgs(baseUrl: string, out: string, extra: string[]): string[] {
  return ['--url', baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--max_concurrent_requests', '8', ...extra];
}

/** A row without the fields that differ between two runs of the same answers (time) or only exist when streaming. */
function stable(row: Record<string, unknown>): Record<string, unknown> {
  const { latency_ms: _l, ttft_ms: _t, ...rest } = row;
  return rest;
}

for (const mode of ['chat_completion', 'completion'] as const) {
  test(`${mode}: a streamed answer gives the same details row as unstreamed, plus ttft_ms`, async () => {
    await withMock(['--reasoning-parser', '--ttft-ms', '30', '--itl-ms', '1', '--correct-rate', '0.7'], async (url, stats) => {
      const plain = path.join(tempDir(), 'plain');
      const streamed = path.join(tempDir(), 'streamed');
      const extra = ['--api_mode', mode, '--limit', '6'];
      const a = await runScript('run_eval.ts', runArgs(url, plain, extra));
      assert.equal(a.code, 0, a.stderr);
      const b = await runScript('run_eval.ts', runArgs(url, streamed, [...extra, '--stream']));
      assert.equal(b.code, 0, b.stderr);
      for (const file of ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']) {
        const plainRows = readJsonl(path.join(plain, 'details', file));
        const streamRows = readJsonl(path.join(streamed, 'details', file));
        assert.equal(streamRows.length, 6);
        assert.deepEqual(streamRows.map(stable), plainRows.map(stable), `${file}: same rows`);
        for (const row of plainRows) assert.equal('ttft_ms' in row, false, 'no ttft_ms when unstreamed');
        for (const row of streamRows) {
          assert.equal(typeof row.ttft_ms, 'number');
          assert.ok((row.ttft_ms as number) >= 25 && (row.ttft_ms as number) <= (row.latency_ms as number), `ttft ${row.ttft_ms} within latency ${row.latency_ms}`);
          assert.notEqual(row.usage, null, 'usage arrives through stream_options.include_usage');
        }
      }
      assert.ok(plainRows(plain).some((r) => (r.score as number) === 1) && plainRows(plain).some((r) => (r.score as number) === 0), 'both right and wrong answers compared');
      assert.equal((await stats()).completions as number + ((await stats()).chat as number), 36);
    });
  });
}

function plainRows(folder: string): Record<string, unknown>[] {
  return readJsonl(path.join(folder, 'details', 'game24.jsonl'));
}

test('a stream that stalls after some chunks is cut by --stream_idle_timeout, retried and scored', async () => {
  await withMock(['--fail-first', '2', '--fail-mode', 'stall', '--stall-after', '3', '--itl-ms', '5'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const started = Date.now();
    const result = await runScript('run_eval.ts', [...runArgs(url, out, ['--api_mode', 'chat_completion', '--stream', '--stream_idle_timeout', '1', '--limit', '2', '--max_retrying_delay', '0']), '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl')]);
    assert.equal(result.code, 0, result.stderr);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual(rows.map((r) => [r.score, r.attempts]), [[1, 2], [1, 2]]);
    assert.match(result.stderr, /no bytes for 1 s \(--stream_idle_timeout\)/);
    assert.ok(Date.now() - started < 60_000, 'the stall cost seconds, not the 100-minute --timeout');
  });
});

test('--stream_idle_timeout also covers the wait for the first byte: a server that never answers is cut and retried', async () => {
  await withMock(['--fail-first', '1', '--fail-mode', 'hang'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const started = Date.now();
    const result = await runScript('run_eval.ts', [...runArgs(url, out, ['--api_mode', 'chat_completion', '--stream', '--stream_idle_timeout', '1', '--limit', '1', '--max_retrying_delay', '0', '--max_concurrent_requests', '1']), '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl')]);
    assert.equal(result.code, 0, result.stderr);
    const [row] = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual([row.score, row.attempts], [1, 2]);
    assert.match(result.stderr, /no bytes for 1 s \(--stream_idle_timeout\)/);
    assert.ok(Date.now() - started < 30_000);
  });
});

test('an error event inside a stream is retried by its code; after the last attempt it is the item error', async () => {
  await withMock(['--fail-first', '3', '--fail-mode', 'stream-error'], async (url) => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', [
      ...runArgs(url, out, ['--api_mode', 'chat_completion', '--stream', '--limit', '2', '--max_retries', '2', '--max_retrying_delay', '0', '--max_concurrent_requests', '1']),
      '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'),
    ]);
    assert.equal(result.code, 3, result.stderr);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual(rows[0].error, { kind: 'ApiError', status: 500, message: 'HTTP 200 carried an error (500 internalservererror): mock: the engine failed while generating', attempts: 2 });
    assert.equal(rows[0].output, '');
    assert.equal(rows[1].score, 1, 'the third failure is the second item\'s first attempt; its retry succeeds');
    assert.equal(rows[1].attempts, 2);
  });
});

for (const [mode, message] of [
  ['error-body', /^HTTP 200 carried an error \(503 internalservererror\): mock: upstream engine error$/],
  ['empty-choices', /^HTTP 200 with an empty choices list$/],
] as const) {
  test(`HTTP 200 with ${mode} is retried as a server fault; after the attempts it is the item error`, async () => {
    await withMock(['--fail-first', '3', '--fail-mode', mode], async (url) => {
      const out = path.join(tempDir(), 'run');
      const result = await runScript('run_eval.ts', [
        ...runArgs(url, out, ['--limit', '2', '--max_retries', '2', '--max_retrying_delay', '0', '--max_concurrent_requests', '1']),
        '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'),
      ]);
      assert.equal(result.code, 3, result.stderr);
      const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
      const error = rows[0].error as { kind: string; message: string; attempts: number; status?: number };
      assert.equal(error.attempts, 2);
      assert.equal(error.kind, mode === 'error-body' ? 'ApiError' : 'MalformedAnswerError');
      if (mode === 'error-body') assert.equal(error.status, 503);
      assert.match(error.message, message);
      assert.deepEqual([rows[1].score, rows[1].attempts], [1, 2]);
    });
  });
}
