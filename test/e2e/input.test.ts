// Bad input end to end: each bad line is named by file and line and skipped; --strict refuses before any request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';

const good = readFileSync(path.join(SAMPLE_DIR, 'game24.jsonl'), 'utf8').split('\n').filter(Boolean);

function badFile(dir: string): string {
  const file = path.join(dir, 'mixed.jsonl');
  const lines = [
    '\ufeff' + good[0], // BOM on the first line is accepted
    good[1] + '\r', // CRLF ending is accepted
    '',
    'not json at all',
    '[1, 2]',
    JSON.stringify({ data_source: 'Game24', ground_truth: { puzzle: '1 2', target: 3 } }),
    JSON.stringify({ data_source: 'Game24', prompt: 'p', ground_truth: { puzzle: 5, target: 3 } }),
    JSON.stringify({ data_source: 'NoSuchBootcamp', prompt: 'p', ground_truth: {} }),
    JSON.stringify({ data_source: 'NoSuchBootcamp', prompt: 'p', ground_truth: {} }),
    good[2],
  ];
  writeFileSync(file, lines.join('\n') + '\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
  writeFileSync(path.join(dir, 'empty.jsonl'), '');
  return file;
}

test('bad lines are reported as file:line with what was expected, recorded, and skipped', async () => {
  const dir = tempDir();
  badFile(dir);
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS]);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out]);
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, /Skipping non-JSONL file: notes\.txt/);
    assert.match(result.stderr, /mixed\.jsonl:4: not valid JSON/);
    assert.match(result.stderr, /mixed\.jsonl:5: expected a JSON object, got an array/);
    assert.match(result.stderr, /mixed\.jsonl:6: expected "prompt" to be a string, got a undefined/);
    assert.match(result.stderr, /mixed\.jsonl:7: ground_truth\.puzzle does not fit Game24/);
    assert.match(result.stderr, /mixed\.jsonl: 2 line\(s\) name data_source "NoSuchBootcamp", which no bootcamp handles/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    const rows = readJsonl(path.join(out, 'details', 'mixed.jsonl'));
    assert.deepEqual(rows.map((r) => [r.id, r.score]), [[0, 1], [1, 1], [9, 1]], 'ids are physical line indexes; blank lines count');
    const errors = readJsonl(path.join(out, 'input_errors.jsonl'));
    assert.deepEqual(errors.map((e) => e.line), [4, 5, 6, 7, 8, 9]);
    const meta = readJsonl(path.join(out, 'meta.jsonl'));
    assert.deepEqual(meta.map((m) => [m.file, m.n, m.n_input_errors]), [['empty.jsonl', 0, 0], ['mixed.jsonl', 3, 6]]);
  } finally {
    await mock.stop();
  }
});

test('--strict refuses a file with bad lines before sending anything', async () => {
  const dir = tempDir();
  badFile(dir);
  const mock = await startMockProcess(['--model', 'm', '--reply', 'fixed', '--text', 'x']);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out, '--strict']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--strict: 6 bad input line\(s\):\n  mixed\.jsonl:4: not valid JSON/);
    const stats = await mock.stats();
    assert.equal(stats.completions, 0);
    assert.equal(stats.models, 0);
  } finally {
    await mock.stop();
  }
});

test('usage errors name the flag and what was expected, with exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--model_name', 'm'], /--test_dir \(JSONL files\), --datasets or --eval_type .* is required/],
    [['--test_dir', SAMPLE_DIR], /--model_name is required/],
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, '--max_concurent_requests', '3'], /unknown flag --max_concurent_requests \(did you mean --max_concurrent_requests\?\)/],
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, '--max_tokens', 'lots'], /--max_tokens: expected an integer, got "lots"/],
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, '--api_mode', 'chat'], /(?!)/], // "chat" is accepted as an alias value
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, '--api_mode', 'text'], /--api_mode: expected one of "completion"\|"chat_completion"|--api_mode: expected/],
    [['--model_name', 'm', '--test_dir', '/no/such/dir'], /--test_dir: \/no\/such\/dir does not exist/],
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, '--template', 'llama9'], /--template: expected one of r1, qwen, internthinker, chatml/],
    [['--model_name', 'm', '--test_dir', SAMPLE_DIR, 'extra'], /unexpected argument "extra"/],
  ];
  for (const [args, expected] of cases) {
    const result = await runScript('run_eval.ts', [...args, '--url', 'http://127.0.0.1:9/v1', '--check_model_url', 'false', '--dry_run']);
    if (expected.source === '(?!)') {
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      continue;
    }
    assert.equal(result.code, 2, `${args.join(' ')} should fail: ${result.stderr}`);
    assert.match(result.stderr, expected);
  }
});

test('--help lists every flag with its default; --version prints the version', async () => {
  const help = await runScript('run_eval.ts', ['--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--url', '--model_name', '--test_dir', '--max_concurrent_requests', '--template', '--timeout', '--resume', '--check_model_url', '--output_dir', '--limit', '--strict']) {
    assert.ok(help.stdout.includes(flag), `help mentions ${flag}`);
  }
  assert.match(help.stdout, /--max_concurrent_requests N\s+Requests in flight at once, across all files\. \(default: 128\)/);
  const version = await runScript('run_eval.ts', ['--version']);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});
