// rescore.ts: scoring outputs again with no model, from a JSONL of outputs or a whole run folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';

test('IN -o OUT: same rows in the same order with score and extracted_output added; bad rows copied', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'in.jsonl');
  const rows = [
    { data_source: 'Game24', ground_truth: { puzzle: '4 6 1 1', target: 24 }, output: 'so \\boxed{4*6*1*1}', note: 'kept' },
    { data_source: 'Game24', ground_truth: { puzzle: '4 6 1 1', target: 24 }, output: '\\boxed{4+6+1+1}' },
    { data_source: 'Nope', ground_truth: {}, output: 'x' },
  ];
  writeFileSync(input, rows.map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n');
  const out = path.join(dir, 'out.jsonl');
  const result = await runScript('rescore.ts', [input, '-o', out]);
  assert.equal(result.code, 3, result.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 4);
  assert.deepEqual(JSON.parse(lines[0]), { ...rows[0], score: 1, extracted_output: '4*6*1*1' });
  assert.deepEqual(JSON.parse(lines[1]), { ...rows[1], score: 0, extracted_output: '4+6+1+1' });
  assert.deepEqual(JSON.parse(lines[2]), rows[2]);
  assert.equal(lines[3], 'not json');
  assert.match(result.stderr, /1 row\(s\) name data_source "Nope"/);
  assert.match(result.stderr, /in\.jsonl:4: expected a JSON object/);
});

test('--run DIR rescores details in place and rebuilds meta.jsonl and the xlsx, asking no model', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--correct-rate', '0.5']);
  const out = path.join(tempDir(), 'run');
  try {
    const run = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'sudoku.jsonl'), '--output_dir', out]);
    assert.equal(run.code, 0, run.stderr);
  } finally {
    await mock.stop();
  }
  const detailsFile = path.join(out, 'details', 'sudoku.jsonl');
  const before = readJsonl(detailsFile);
  assert.ok(before.some((r) => r.score === 0) && before.some((r) => r.score === 1), 'the mock answered some right, some wrong');
  // Put the right answer in every row, as a fixed verifier or a hand-corrected output would.
  const solutions = new Map(readJsonl<{ prompt: string; output: string }>(SAMPLE_SOLUTIONS).map((s) => [s.prompt, s.output]));
  writeFileSync(detailsFile, before.map((r) => JSON.stringify({ ...r, output: solutions.get(r.prompt as string) })).join('\n') + '\n');
  const result = await runScript('rescore.ts', ['--run', out]);
  assert.equal(result.code, 0, result.stderr);
  const after = readJsonl(detailsFile);
  assert.deepEqual(after.map((r) => r.score), before.map(() => 1));
  assert.deepEqual(Object.keys(after[0]).slice(0, 8), ['id', 'data_source', 'prompt', 'output', 'output_len', 'ground_truth', 'score', 'extracted_output']);
  assert.equal(readJsonl(path.join(out, 'meta.jsonl'))[0].avg_score, 1);
  const sheet = XLSX.read(readFileSync(path.join(out, 'm_scores.xlsx'))).Sheets.Sheet1;
  assert.equal(XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1 })[1][1], 1);
});
