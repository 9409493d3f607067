// Through the Python bridge, end to end: integers beyond 2^53 in a ground truth reach the verifier and the
// details row exactly; a lone surrogate in an output does not kill the worker; verify errors are counted in
// the summary, meta.jsonl and the xlsx; rescore takes the bridge's flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'py_bootcamps');
const skip = spawnSync('python3', ['--version']).status === 0 ? false : 'python3 is not installed';
const HUGE = '3' + '1415926535'.repeat(395); // 3,951 digits
const MID = '22452257707354557240087211123792674816'; // 38 digits

test('big integers stay exact from the line to the verifier and into details; a lone surrogate is scored; verify errors are counted', { skip }, async () => {
  const dir = tempDir();
  // Written by hand: JSON.stringify cannot write these integers, which is the point.
  const lines = [
    `{"data_source": "BigInt", "prompt": "p-huge", "ground_truth": {"n": ${HUGE}}}`,
    `{"data_source": "BigInt", "prompt": "p-mid", "ground_truth": {"n": ${MID}, "note": "digits 12345678901234567890 in a string"}}`,
    `{"data_source": "BigInt", "prompt": "p-wrong", "ground_truth": {"n": ${MID}}}`,
    `{"data_source": "Surrogate", "prompt": "p-sur", "ground_truth": {}}`,
    `{"data_source": "Raising", "prompt": "p-raise", "ground_truth": {}}`,
  ];
  writeFileSync(path.join(dir, 'py.jsonl'), lines.join('\n') + '\n');
  const solutions = [
    { prompt: 'p-huge', output: `The answer is ${HUGE}` },
    { prompt: 'p-mid', output: `n = ${MID}` },
    { prompt: 'p-wrong', output: `n = ${MID.slice(0, -1)}9` },
    { prompt: 'p-sur', output: 'a cut emoji \ud83d' },
  ];
  const solutionsFile = path.join(tempDir(), 'solutions.jsonl');
  writeFileSync(solutionsFile, solutions.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm', '--solutions', solutionsFile, '--wrong-text', 'no idea']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out, '--bootcamp_pythonpath', FIXTURES, '--api_mode', 'chat_completion', '--max_concurrent_requests', '1'];
    const result = await runScript('run_eval.ts', args);
    assert.equal(result.code, 0, result.stderr);
    const text = readFileSync(path.join(out, 'details', 'py.jsonl'), 'utf8');
    assert.ok(text.includes(`"ground_truth":{"n":${HUGE}}`), 'the 3,951-digit integer is written digit for digit');
    assert.ok(text.includes(`"ground_truth":{"n":${MID},"note":"digits 12345678901234567890 in a string"}`));
    assert.ok(text.includes(`"extracted_output":${HUGE}`), 'the extraction comes back exact too');
    const rows = readJsonl(path.join(out, 'details', 'py.jsonl'));
    assert.deepEqual(rows.map((r) => r.score), [1, 1, 0, 1, 0]);
    assert.equal(rows[3].verify_error, undefined, 'the surrogate row was scored by a live worker');
    assert.equal(rows[3].extracted_output, 'i \ud83d'.slice(-3));
    assert.match(String(rows[4].verify_error), /RuntimeError: verifier exploded/);
    assert.doesNotMatch(result.stderr, /exited with code/);
    assert.match(result.stdout, /5 items scored .*; 0 item error\(s\), 1 verify error\(s\), 0 bad input line\(s\)\./);
    assert.equal(readJsonl(path.join(out, 'meta.jsonl'))[0].n_verify_errors, 1);
    const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.readFile(path.join(out, 'm_scores.xlsx')).Sheets.Sheet1);
    assert.equal(sheet.find((r) => r.bootcamp === 'Raisingbootcamp')?.['verify errors'], 1);
    assert.equal(sheet.find((r) => r.bootcamp === 'Total Average')?.['verify errors'], 1);

    // rescore --run through the bridge, with its flags: the same scores, the integers still exact.
    const rescored = await runScript('rescore.ts', ['--run', out, '--verifier', 'python', '--bootcamp_pythonpath', FIXTURES, '--judge_worker_num', '1', '--verify_timeout', '20000']);
    assert.equal(rescored.code, 0, rescored.stderr);
    assert.match(rescored.stderr, /Rescored 5 rows in 1 files \(0 scores changed/);
    assert.ok(readFileSync(path.join(out, 'details', 'py.jsonl'), 'utf8').includes(`"ground_truth":{"n":${HUGE}}`));
    const refused = await runScript('rescore.ts', ['--run', out, '--verifier', 'native']);
    assert.notEqual(refused.code, 0);
  } finally {
    await mock.stop();
  }
});
