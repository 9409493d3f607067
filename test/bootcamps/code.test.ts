// The code bootcamps: program extraction, the reference's unittest parsing, and real runs in the local bwrap
// sandbox (HumanEval's canonical solutions, our unittest fixtures in KodCode's format, stdin/stdout cases).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { humanEval, humanEvalProgram } from '../../bootcamps/code/humaneval.ts';
import { kodCode, bigCodeBench, unittestPassRate } from '../../bootcamps/code/unittest-code.ts';
import { stdioCode, normalizeStdout } from '../../bootcamps/code/stdio-code.ts';
import { firstPythonFence, lastPythonBlock, SandboxRequired } from '../../bootcamps/code/program-text.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { createRunSandbox, type RunSandbox } from '../../src/sandbox/create-sandbox.ts';
import type { VerifyContext } from '../../bootcamps/types.ts';
import { PROJECT_ROOT } from '../../src/version.ts';
import { bwrapSkipReason } from '../support/sandbox.ts';

const skip = bwrapSkipReason();
const HUMANEVAL = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'humaneval', 'HumanEval.jsonl');
let sandbox: RunSandbox;
let context: VerifyContext;

before(async () => {
  if (skip) return;
  sandbox = createRunSandbox({ sandbox_type: 'bwrap', sandbox_image: 'x', sandbox_python: 'python3', sandbox_memory_mb: 1024, sandbox_timeout: 30, judge_worker_num: 2, max_retries: 1, max_retrying_delay: 1 });
  await sandbox.check();
  context = { sandbox: sandbox.executor, sandboxLimits: { timeoutMs: 3_000, memoryMb: 1024 } };
});
after(() => sandbox?.close());

test('the program is the last ```python block, or the whole output; an unclosed last fence runs to the end', () => {
  assert.equal(lastPythonBlock('a\n```python\nx = 1\n```\nthen\n```py\ny = 2\n```'), 'y = 2\n');
  assert.equal(lastPythonBlock('```python\nx = 1\n```\n```text\nnot code\n```'), 'x = 1\n');
  assert.equal(lastPythonBlock('def f():\n    return 1\n'), 'def f():\n    return 1\n');
  assert.equal(lastPythonBlock('```python\nx = 1\n```\n```python\ncut off'), 'cut off');
  assert.equal(lastPythonBlock('```'.repeat(100_000)), '```'.repeat(100_000), 'linear on a pathological string');
});

test("KodCode's extraction is the reference's: the first ```python group, stripped; None without a closing fence", () => {
  assert.equal(firstPythonFence('x ```python\n  a = 1  \n``` ```python\nb\n```'), 'a = 1');
  assert.equal(firstPythonFence('```python3\nprint(1)\n```'), '3\nprint(1)', 'kept on purpose: the reference takes what follows "```python"');
  assert.equal(firstPythonFence('```python\nopen'), null);
  assert.equal(kodCode.extract('no code'), null);
});

test("unittest's summary is parsed as the reference does (first Ran/failures/errors, skips count as passed)", () => {
  assert.equal(unittestPassRate('...\nRan 4 tests in 0.01s\n\nOK\n'), 1);
  assert.equal(unittestPassRate('Ran 4 tests in 0.01s\n\nFAILED (failures=1, errors=1)\n'), 0.5);
  assert.equal(unittestPassRate('Ran 1 test in 0.0s\n\nFAILED (errors=1)'), 0);
  assert.equal(unittestPassRate('Ran 3 tests in 0.0s\n\nOK (skipped=1)'), 1);
  assert.equal(unittestPassRate('Ran 0 tests in 0.000s\n\nNO TESTS RAN'), 0);
  assert.equal(unittestPassRate('SyntaxError: invalid syntax'), 0);
});

test('stdout is compared without trailing whitespace at line ends or at the end', () => {
  assert.equal(normalizeStdout('1 2 \r\n3\n\n\n'), normalizeStdout('1 2\n3'));
  assert.notEqual(normalizeStdout(' 1'), normalizeStdout('1'));
});

test('code bootcamps refuse to run without a sandbox (the error says how to enable it)', async () => {
  const gt = { task_id: 'x', prompt: 'def f():\n', entry_point: 'f', test: 'def check(c):\n    pass\n' };
  await assert.rejects(async () => humanEval.verify('```python\ndef f(): return 1\n```', gt, {}), (err: Error) => err instanceof SandboxRequired && /--use_sandbox/.test(err.message));
  const scored = await scoreOutput(stdioCode, 'print(1)', deepFreeze({ inputs: [''], outputs: ['1'] }));
  assert.equal(scored.score, 0);
  assert.match(scored.verify_error ?? '', /--use_sandbox/);
});

test('HumanEval: a body without the def completes the prompt; a whole function replaces it', () => {
  const gt = { task_id: 't', prompt: 'def inc(x):\n    """add one"""\n', entry_point: 'inc', test: 'def check(c):\n    assert c(1) == 2\n' };
  assert.equal(humanEvalProgram('```python\n    return x + 1\n```', gt), gt.prompt + '    return x + 1\n\n\n' + gt.test + '\n\ncheck(inc)\n');
  assert.ok(humanEvalProgram('```python\ndef inc(x):\n    return x + 1\n```', gt).startsWith('def inc(x):\n    return x + 1\n\n\ndef check'));
});

test('HumanEval: canonical solutions score 1 and broken ones 0, in the sandbox (first 20 problems)', { skip: skip || (!existsSync(HUMANEVAL) && 'needs ../shared/data/humaneval') }, async () => {
  const problems = readFileSync(HUMANEVAL, 'utf8').trim().split('\n').slice(0, 20).map((l) => JSON.parse(l));
  const scores = await Promise.all(
    problems.flatMap((p) => {
      const gt = deepFreeze(humanEval.groundTruth.parse(p));
      return [
        scoreOutput(humanEval, '```python\n' + p.prompt + p.canonical_solution + '```', gt, context),
        scoreOutput(humanEval, 'Only the body:\n```python\n' + p.canonical_solution + '```', gt, context),
        scoreOutput(humanEval, '```python\n' + p.prompt + '    return None\n```', gt, context),
      ];
    }),
  );
  const byKind = [0, 1, 2].map((k) => scores.filter((_, i) => i % 3 === k).map((s) => s.score));
  assert.deepEqual(byKind[0], problems.map(() => 1), 'whole function');
  assert.deepEqual(byKind[1], problems.map(() => 1), 'completion of the prompt');
  assert.deepEqual(byKind[2], problems.map(() => 0), 'returns None');
});

test('KodCode and BigCodeBench: share of unittest tests passed, 0 on a timeout or when nothing imports', { skip }, async () => {
  const cases = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'code', 'unittest-tasks.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  for (const bootcamp of [kodCode, bigCodeBench]) {
    const scores = await Promise.all(cases.map((c) => scoreOutput(bootcamp, c.output, deepFreeze(c.ground_truth), context)));
    cases.forEach((c, i) => assert.equal(scores[i].score, c.expected, `${bootcamp.name}: ${c.name}`));
  }
});

test('StdioCode: each case runs with its stdin; the score is the share of matching outputs', { skip }, async () => {
  const gt = deepFreeze({ inputs: ['1 2\n', '10 20\n', '-1 1\n', '3 4\n'], outputs: ['3\n', '30', '0 \n', '8\n'] });
  const right = await scoreOutput(stdioCode, '```python\na, b = map(int, input().split())\nprint(a + b)\n```', gt, context);
  assert.equal(right.score, 0.75);
  const crash = await scoreOutput(stdioCode, '```python\nraise SystemExit(3)\n```', gt, context);
  assert.equal(crash.score, 0);
});
