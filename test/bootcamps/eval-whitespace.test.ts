// Game24 and KorPuzzle24Points read white space, comments and line breaks around an expression exactly as
// CPython's eval does (their references call eval). The fixture holds python3's verdict on 802 texts; where
// python3 is installed the fixture is checked against it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/version.ts';
import { evalArithmetic } from '../../bootcamps/shared/arithmetic.ts';
import { pythonEvalSource } from '../../bootcamps/shared/python-eval-source.ts';
import { checkGame24 } from '../../bootcamps/game24.ts';
import { korPuzzle24Points } from '../../bootcamps/kor-puzzle/points-24.ts';

interface Case {
  expr: string;
  ok: boolean;
  value?: number;
}
const fixture = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'core', 'eval-whitespace.json'), 'utf8')) as { cases: Case[] };

function ours(expr: string): { ok: boolean; value?: number } {
  try {
    const f = evalArithmetic(pythonEvalSource(expr));
    return { ok: true, value: Number(f.num) / Number(f.den) };
  } catch {
    return { ok: false };
  }
}

test('every whitespace case: accepted or refused as python3 eval does, with its value', () => {
  assert.ok(fixture.cases.length >= 800);
  for (const c of fixture.cases) {
    const got = ours(c.expr);
    assert.equal(got.ok, c.ok, JSON.stringify(c.expr));
    if (c.ok) assert.ok(Math.abs(got.value! - c.value!) < 1e-9, JSON.stringify(c.expr));
  }
});

const python = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' });
test('the fixture still says what python3 says', { skip: python.status === 0 ? false : 'python3 not installed' }, () => {
  const program = 'import json,sys\nout=[]\nfor e in json.load(sys.stdin):\n    try:\n        eval(e); out.append(True)\n    except Exception:\n        out.append(False)\nprint(json.dumps(out))';
  const run = spawnSync('python3', ['-c', program], { input: JSON.stringify(fixture.cases.map((c) => c.expr)), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), fixture.cases.map((c) => c.ok));
});

test('Game24 scores what eval accepts around the boxed expression, and refuses what it refuses', () => {
  for (const [solution, expected] of [
    ['\n(1+2)*8\n', true],
    ['\t(1+2)*8\r\n', true],
    ['(1+\n2)*8', true],
    ['(1+2)*8 # done', true],
    ['\f(1+2)*8', true],
    ['(1+2)\n*8', false],
    ['(1+2)*8\n  ', false],
    ['\n  (1+2)*8', false],
  ] as const) {
    assert.equal(checkGame24(solution, '1 2 8', 24), expected, JSON.stringify(solution));
  }
});

test('KorPuzzle24Points: tabs, form feeds and carriage returns inside [[...]] as eval reads them', async () => {
  // The reference's [[(.*?)]] does not cross \n, so only white space that "." matches reaches eval.
  const gt = { numbers: [1, 2, 8, 1] };
  assert.equal(await korPuzzle24Points.verify('[[\t(1+2)*8*1]]', gt), 1);
  assert.equal(await korPuzzle24Points.verify('[[(1+2)*\f8*1\t]]', gt), 1);
  assert.equal(await korPuzzle24Points.verify('[[(1+\r2)*8*1]]', gt), 1);
  assert.equal(await korPuzzle24Points.verify('[[(1+2)\r*8*1]]', gt), 0);
});
