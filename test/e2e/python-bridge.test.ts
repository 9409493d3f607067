// run_eval with bootcamps that only exist in Python, through the bridge, end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'py_bootcamps');
const skip = spawnSync('python3', ['--version']).status === 0 ? false : 'python3 is not installed';

function inputs(dir: string): void {
  writeFileSync(
    path.join(dir, 'py.jsonl'),
    [
      { data_source: 'Echo', prompt: 'say cat dog', ground_truth: { words: ['say', 'cat', 'dog'] } },
      { data_source: 'Bool', prompt: 'say cat dog', ground_truth: { answer: 'nope' } },
      { data_source: 'Raising', prompt: 'say cat dog', ground_truth: {} },
      { data_source: 'Game24', prompt: 'say cat dog', ground_truth: { puzzle: '1 2 3 4', target: 10 } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );
}

test('--verifier auto: native where registered, Python for the rest, with verify errors recorded', { skip }, async () => {
  const dir = tempDir();
  inputs(dir);
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out, '--bootcamp_pythonpath', FIXTURES, '--api_mode', 'chat_completion'], { env: { OPENAI_API_KEY: 'sk-bridge-secret' } });
    assert.equal(result.code, 0, result.stderr);
    const rows = readJsonl(path.join(out, 'details', 'py.jsonl'));
    assert.deepEqual(rows.map((r) => [r.data_source, r.score]), [['Echo', 1], ['Bool', 0], ['Raising', 0], ['Game24', 0]]);
    assert.deepEqual(rows[0].extracted_output, ['say', 'cat', 'dog']);
    assert.match(String(rows[2].verify_error), /RuntimeError: verifier exploded/);
    assert.equal(readJsonl(path.join(out, 'meta.jsonl'))[0].bootcamp, 'Boolbootcamp,Echobootcamp,Game24bootcamp,Raisingbootcamp');
  } finally {
    await mock.stop();
  }
});

test('--verifier python refuses, before any request, data sources Python cannot import', { skip }, async () => {
  const dir = tempDir();
  inputs(dir);
  writeFileSync(path.join(dir, 'typo.jsonl'), JSON.stringify({ data_source: 'Ecco', prompt: 'p', ground_truth: {} }) + '\n');
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', path.join(tempDir(), 'run'), '--bootcamp_pythonpath', FIXTURES, '--verifier', 'python']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--verifier python: 2 data source\(s\) cannot be scored in Python:\n {2}Ecco: no class Eccobootcamp.*\n {2}Game24: no class Game24bootcamp/);
    assert.equal((await mock.stats()).requests, 0);
  } finally {
    await mock.stop();
  }
});

test('without the Python package, auto reports those data sources as unknown and scores the rest', { skip }, async () => {
  const dir = tempDir();
  inputs(dir);
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const out = path.join(tempDir(), 'run');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', dir, '--output_dir', out], { env: { PYTHONPATH: '' } });
    assert.equal(result.code, 3);
    assert.match(result.stderr, /Python cannot score: .*Echo: cannot import internbootcamp\.bootcamp: ModuleNotFoundError/);
    assert.match(result.stderr, /1 line\(s\) name data_source "Echo", which no bootcamp handles/);
    assert.deepEqual(readJsonl(path.join(out, 'details', 'py.jsonl')).map((r) => r.data_source), ['Game24']);
  } finally {
    await mock.stop();
  }
});
