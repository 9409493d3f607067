// Ten KorOperation bootcamps against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared
// line, for right answers (computed from the ground truth, or by a small solver), wrong ones and format variants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { korOperationBootcamps } from '../../bootcamps/kor-operation/index.ts';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { korOperationRightAnswer, korOperationVariants } from '../support/kor-operation-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import { assertParity, loadRecordedScores } from '../support/parity.ts';
import { pyComplex, pyFraction, pyRound } from '../../bootcamps/shared/py-number.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('kor-operation');
const available = existsSync(SHARED_EVAL_DIR);
const VARIANTS = 15;

/** Lines whose right answer the reference itself can never score (kept on purpose; see the bootcamp files). */
function referenceCannotScore(source: string, gt: Record<string, any>): boolean {
  if (source === 'KorOperationUnicode2605') return !Array.isArray(gt.expected); // sorted(int) raises
  if (source === 'KorOperationUnicode25cb') return gt.type === 'solve_xy'; // a tuple compared with a list
  if (source === 'KorOperationUnicode25ce') return korOperationRightAnswer(source, gt) === 'unsolved'; // x_pos right_scalar with "-": the check subtracts the other way round
  return false;
}

test('all thirteen KorOperation data sources are registered natively (the three sympy ones: kor-sympy-parity.test.ts)', () => {
  assert.equal(korOperationBootcamps.length, 13);
  assert.equal(Object.keys(reference).length, 10);
});

for (const file of Object.keys(reference).sort()) {
  test(`${file}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    const compared = await assertParity({ file, reference, variants: korOperationVariants, referenceCannotScore: referenceCannotScore });
    assert.equal(compared, reference[file].length * VARIANTS);
  });
}

// Values printed by CPython 3.11 for the same inputs.
test("Python's round() is half-even on the float's exact value", () => {
  const cases: [number, number, number][] = [[0.125, 2, 0.12], [2.675, 2, 2.67], [0.5, 0, 0], [1.5, 0, 2], [2.5, 0, 2], [-0.125, 2, -0.12], [1.005, 2, 1.0], [123.456, -1, 120], [5.55, 1, 5.5], [0.285, 2, 0.28], [1234.5678, 3, 1234.568]];
  for (const [x, n, want] of cases) assert.equal(pyRound(x, n), want, `round(${x}, ${n})`);
});

test("Python's complex() and Fraction() read what they read, and refuse the rest", () => {
  assert.deepEqual(pyComplex('(1-2j)'), [1, -2]);
  assert.deepEqual(pyComplex('j'), [0, 1]);
  assert.deepEqual(pyComplex('1e3+2.5e-1j'), [1000, 0.25]);
  assert.deepEqual(pyComplex('٣+٤j'), [3, 4]);
  assert.equal(pyComplex('1 + 2j'), undefined, 'no spaces inside');
  assert.equal(pyComplex('1+2'), undefined);
  assert.equal(String(pyFraction('1_000/3')), '1000/3');
  assert.equal(String(pyFraction('+2/6')), '1/3');
  assert.equal(String(pyFraction('1.5e-2')), '3/200');
  assert.equal(pyFraction('3 / 4'), undefined, 'Python 3.11 allows no spaces around "/"');
  assert.equal(pyFraction('1/0'), undefined);
});

test('KorOperationUnicode20ac takes only a tuple of row tuples; a list of lists extracts to None', async () => {
  const bootcamp = getBootcamp('KorOperationUnicode20ac')!;
  const gt = deepFreeze({ A: [[1, 2]], B: [[0, 1]] });
  assert.equal((await scoreOutput(bootcamp, '[[((2, 7),)]]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[((2.0000000001, 7),)]]', gt)).score, 1, 'within 1e-9');
  assert.equal(bootcamp.extract('[[[[2, 7]]]]'), null);
});
