// The Python bridge with real worker processes on our fixture bootcamps (test/fixtures/py_bootcamps).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { PythonBridge } from '../../bootcamps/python-bridge.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'py_bootcamps');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const skip = hasPython ? false : 'python3 is not installed (CI installs it with apt-get install python3)';

function bridge(overrides: Partial<ConstructorParameters<typeof PythonBridge>[0]> = {}) {
  return new PythonBridge({ python: 'python3', pythonPath: [FIXTURES], workers: 2, verifyTimeoutMs: 2000, env: { PATH: process.env.PATH }, ...overrides });
}

function workerPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes('python/worker.py') && !l.includes(' ps '))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

test('scores, extracted outputs (tuples as lists, sets as lists) and booleans come back as the Python side gives them', { skip }, async () => {
  const b = bridge();
  try {
    const gt = { words: ['cat', 'dog', 'eel'] };
    assert.deepEqual(await b.score('Echo', 'a cat and a dog', gt), { score: 2 / 3, extracted_output: ['a', 'cat', 'and', 'a', 'dog'] });
    assert.deepEqual(gt, { words: ['cat', 'dog', 'eel'] }, 'the worker scores a deep copy; our ground truth is untouched');
    assert.deepEqual(await b.score('Echo', 'cat', gt), { score: 1 / 3, extracted_output: ['cat'] }, 'the mutation of one call does not leak into the next');
    assert.equal((await b.score('Bool', ' yes ', { answer: 'yes' })).score, 1);
    assert.equal((await b.score('Bool', 'no', { answer: 'yes' })).score, 0);
    assert.deepEqual(await b.score('Noisy', 'hello world', {}), { score: 0.5, extracted_output: { seen: 'hello', tags: [1, 2] } }, 'prints do not corrupt the protocol');
  } finally {
    await b.close();
  }
});

test('an exception in the verifier scores 0 with its message; extract failing gives null', { skip }, async () => {
  const b = bridge();
  try {
    const r = await b.score('Raising', 'anything', {});
    assert.equal(r.score, 0);
    assert.equal(r.extracted_output, null);
    assert.match(r.error ?? '', /RuntimeError: verifier exploded on 'anything'/);
  } finally {
    await b.close();
  }
});

test('a hang is cut by the verify timeout and a crash is recovered; the other items are still scored', { skip }, async () => {
  const b = bridge({ workers: 1, verifyTimeoutMs: 500 });
  try {
    const results = await Promise.all([
      b.score('Sleepy', 'please sleep', {}),
      b.score('Sleepy', 'awake', {}),
      b.score('Crash', 'crash now', {}),
      b.score('Crash', 'fine', {}),
      b.score('Bool', 'yes', { answer: 'yes' }),
    ]);
    assert.equal(results[0].score, 0);
    assert.match(results[0].error ?? '', /verify timed out after 500 ms/);
    assert.equal(results[1].score, 1, 'the item behind the hang was re-sent to a fresh worker');
    assert.equal(results[2].score, 0);
    assert.match(results[2].error ?? '', /Python worker exited with code 7/);
    assert.equal(results[3].score, 1);
    assert.equal(results[4].score, 1);
  } finally {
    await b.close();
  }
});

test('check names what cannot be imported; a missing interpreter is one clear reason', { skip }, async () => {
  const b = bridge();
  try {
    const { ok, failed } = await b.check(['Echo', 'Typo']);
    assert.deepEqual(ok, ['Echo']);
    assert.match(failed.get('Typo') ?? '', /no class Typobootcamp in internbootcamp\.bootcamp/);
  } finally {
    await b.close();
  }
  const none = bridge({ pythonPath: [] });
  try {
    const { failed } = await none.check(['Echo']);
    assert.match(failed.get('Echo') ?? '', /cannot import internbootcamp\.bootcamp: ModuleNotFoundError/);
  } finally {
    await none.close();
  }
  const missing = bridge({ python: '/nonexistent/python9' });
  try {
    const { failed } = await missing.check(['Echo']);
    assert.match(failed.get('Echo') ?? '', /could not start \/nonexistent\/python9/);
  } finally {
    await missing.close();
  }
});

test('close leaves no worker process behind', { skip }, async () => {
  const b = bridge({ workers: 2 });
  await Promise.all([b.score('Bool', 'yes', { answer: 'yes' }), b.score('Bool', 'yes', { answer: 'yes' })]);
  const pids = b.pids();
  assert.equal(pids.length, 2);
  assert.deepEqual(pids.filter((pid) => workerPids().includes(pid)), pids, 'both workers show in the process table');
  await b.close();
  const alive = pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  assert.deepEqual(alive, []);
  assert.deepEqual(pids.filter((pid) => workerPids().includes(pid)), []);
});
