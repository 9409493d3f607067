// The 14 KorPuzzle bootcamps against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared
// line, for right answers (computed from the ground truth, or by a small solver), wrong ones and format variants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { korPuzzleBootcamps } from '../../bootcamps/kor-puzzle/index.ts';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { korPuzzleVariants } from '../support/kor-puzzle-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import { assertParity, loadRecordedScores } from '../support/parity.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('kor-puzzle');
const available = existsSync(SHARED_EVAL_DIR);
const VARIANTS = 15;

const POOL = new Set(['BE', 'NO', 'IN', 'TO', 'UP', 'CAT', 'DOG', 'BED', 'PEN', 'CAR', 'BAT', 'RAT', 'MAT', 'PAN', 'DESK', 'BALL', 'FISH', 'CAKE', 'ROAD', 'BEAN', 'UNIT', 'APPLE', 'TABLE', 'CHAIR']);

/** Lines whose right answer the reference itself can never score (kept on purpose; see the bootcamp files). */
function referenceCannotScore(source: string, gt: Record<string, any>): boolean {
  // The generator drew some words (and repeated letters) outside the reference's own pool and rules.
  if (source === 'KorPuzzleConnectWords') return !gt.solution.every((w: string) => POOL.has(w) && new Set(w).size === w.length);
  return false;
}

test('all 14 KorPuzzle data sources are registered natively', () => {
  assert.equal(korPuzzleBootcamps.length, 14);
  assert.equal(Object.keys(reference).length, 14);
});

for (const file of Object.keys(reference).sort()) {
  test(`${file}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    const compared = await assertParity({ file, reference, variants: korPuzzleVariants, referenceCannotScore: referenceCannotScore });
    assert.equal(compared, reference[file].length * VARIANTS);
  });
}

test('KorPuzzle24Points checks the numbers used, then evaluates exactly (no eval)', async () => {
  const bootcamp = getBootcamp('KorPuzzle24Points')!;
  const gt = deepFreeze({ numbers: [3, 3, 8, 8] });
  assert.equal((await scoreOutput(bootcamp, '[[8÷(3-8÷3)]]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[8/(3-8/3)+0]]', gt)).score, 0, 'an extra number');
  assert.equal((await scoreOutput(bootcamp, '[[__import__("os")]]', gt)).score, 0);
});

test('KorPuzzleLogicPuzzle keeps only three-word entries, so an answer with none of them scores 1 (kept on purpose)', async () => {
  const bootcamp = getBootcamp('KorPuzzleLogicPuzzle')!;
  const gt = deepFreeze({ assignments: [{ year: 1700, windmill: 'Molen E', family: 'Family 3' }] });
  assert.deepEqual(bootcamp.extract('[[1700 Molen E Family 3]]'), []);
  assert.equal((await scoreOutput(bootcamp, '[[one two three]]', gt)).score, 0, 'three words whose year is not a number: int() fails');
  assert.equal((await scoreOutput(bootcamp, '[[nothing]]', gt)).score, 1);
});
