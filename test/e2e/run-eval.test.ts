// End to end: the real run_eval CLI against the real mock server process, on the project's sample data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { listFiles, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';
import type { MockProcess } from '../../src/mock/mock-process.ts';

const SECRET = 'sk-test-SECRET-0123456789';
let mock: MockProcess;

before(async () => {
  mock = await startMockProcess(['--model', 'm1', '--solutions', SAMPLE_SOLUTIONS, '--api-key', SECRET]);
});
after(async () => {
  await mock.stop();
});

function runArgs(out: string, extra: string[] = []): string[] {
  return ['--url', mock.baseUrl, '--model_name', 'm1', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--api_key', SECRET, ...extra];
}

const DETAIL_KEYS = ['id', 'data_source', 'prompt', 'output', 'output_len', 'ground_truth', 'score', 'extracted_output', 'finish_reason', 'usage', 'latency_ms', 'attempts'];

for (const mode of ['completion', 'chat_completion'] as const) {
  test(`${mode} mode: every right answer scores 1 and the run folder has the original's layout`, async () => {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', runArgs(out, ['--api_mode', mode, '--template', 'qwen']));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(path.join(out, 'details')).sort(), ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']);
    for (const name of ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']) {
      const rows = readJsonl(path.join(out, 'details', name));
      assert.equal(rows.length, 24);
      assert.deepEqual(rows.map((r) => r.id), [...Array(24).keys()], 'one row per id, in id order');
      for (const row of rows) {
        assert.deepEqual(Object.keys(row), DETAIL_KEYS);
        assert.equal(row.score, 1, `${name} id ${row.id} should score 1: ${String(row.output).slice(0, 80)}`);
        assert.equal(row.output_len, (row.usage as { completion_tokens: number }).completion_tokens, 'output_len comes from usage');
        assert.equal(row.finish_reason, 'stop');
      }
    }
    const meta = readJsonl(path.join(out, 'meta.jsonl'));
    assert.deepEqual(meta.map((m) => [m.bootcamp, m.file, m.avg_score, m.n, m.n_errors]), [
      ['Game24bootcamp', 'game24.jsonl', 1, 24, 0],
      ['Mazebootcamp', 'maze.jsonl', 1, 24, 0],
      ['Sudokubootcamp', 'sudoku.jsonl', 1, 24, 0],
    ]);
    const sheet = XLSX.read(readFileSync(path.join(out, 'm1_scores.xlsx'))).Sheets.Sheet1;
    const table = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1 });
    assert.deepEqual(table[0], ['bootcamp', 'Average Score', 'Average Output Length', 'n', 'errors', 'verify errors']);
    assert.deepEqual(table.map((r) => r[0]), ['bootcamp', 'Game24bootcamp', 'Mazebootcamp', 'Sudokubootcamp', 'Total Average']);
    assert.equal(table[4][1], 1);
    const progress = readFileSync(path.join(out, 'progress.log'), 'utf8').split('\n');
    assert.match(progress[0], /^Main Progress: 3\/3 \[█{50}\] 100\.0% Elapsed: \d+:\d\d:\d\d Remaining: 0:00:00 Completed✔️$/);
    assert.match(progress[1], /^game24: 24\/24 \[█{50}\] 100\.0% Elapsed: /);
    assert.match(result.stdout, /Total Average\s+72\s+1\.0000/);
  });
}

test('the API key is never written to the run folder, and eval_args.json records every setting', async () => {
  const out = path.join(tempDir(), 'run');
  const result = await runScript('run_eval.ts', runArgs(out, ['--limit', '2']));
  assert.equal(result.code, 0, result.stderr);
  for (const file of listFiles(out)) {
    assert.equal(readFileSync(file).includes(SECRET), false, `${file} contains the API key`);
  }
  assert.equal(result.stdout.includes(SECRET) || result.stderr.includes(SECRET), false);
  const args = JSON.parse(readFileSync(path.join(out, 'eval_args.json'), 'utf8'));
  assert.equal(args.api_key, '***');
  assert.equal(args.model_name, 'm1');
  assert.equal(args.timeout, 6_000_000);
  assert.equal(args.settings_sources.limit, 'cli');
  assert.equal(args.settings_sources.max_tokens, 'default');
  assert.deepEqual(args.test_files, ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']);
  assert.match(args.config_hash, /^[0-9a-f]{16}$/);
});

test('a wrong API key stops the run at the health check with exit 2 and no stack trace', async () => {
  const out = path.join(tempDir(), 'run');
  const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm1', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--api_key', 'wrong-key-123']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /refused the API key \(HTTP 401\)/);
  assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/);
  assert.equal(result.stderr.includes('wrong-key-123'), false);
});

test('a model the server does not list fails the health check, naming the models it has', async () => {
  const out = path.join(tempDir(), 'run');
  const result = await runScript('run_eval.ts', runArgs(out, ['--model_name', 'nope', '--check_max_attempts', '2', '--check_interval', '0']));
  assert.equal(result.code, 2);
  assert.match(result.stderr, /model 'nope' is not listed; the server has: m1/);
  assert.equal(existsSync(out), false, 'no run folder for a run that never started');
});

test('a model name with a slash makes one safe folder, and the xlsx is named after it', async () => {
  const cwd = tempDir();
  const slashMock = await startMockProcess(['--model', '../Qwen/Qwen2.5-7B', '--reply', 'fixed', '--text', 'no idea']);
  try {
    const result = await runScript('run_eval.ts', ['--url', slashMock.baseUrl, '--model_name', '../Qwen/Qwen2.5-7B', '--test_dir', SAMPLE_DIR, '--limit', '1'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const runs = readdirSync(path.join(cwd, 'output'));
    assert.equal(runs.length, 1);
    assert.match(runs[0], /^__?_Qwen_Qwen2\.5-7B_sample_\d{8}_\d{6}$/);
    assert.ok(existsSync(path.join(cwd, 'output', runs[0], `${runs[0].replace(/_sample_\d{8}_\d{6}$/, '')}_scores.xlsx`)));
    assert.deepEqual(readdirSync(cwd), ['output'], 'nothing escaped the output folder');
  } finally {
    await slashMock.stop();
  }
});
