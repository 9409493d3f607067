// The 11 BBEH bootcamps against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared
// line, for right answers, wrong ones and format variants (test/support/bbeh-variants.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bbehBootcamps } from '../../bootcamps/bbeh/index.ts';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { bbehVariants } from '../support/bbeh-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import { assertParity, loadRecordedScores } from '../support/parity.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('bbeh');
const available = existsSync(SHARED_EVAL_DIR);
const VARIANTS = 15;

test('all 11 BBEH data sources are registered', () => {
  assert.equal(bbehBootcamps.length, 11);
  assert.equal(Object.keys(reference).length, 11);
});

for (const file of Object.keys(reference).sort()) {
  test(`${file}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    const compared = await assertParity({ file, reference, variants: bbehVariants });
    assert.equal(compared, reference[file].length * VARIANTS);
  });
}

test('BbehWordSorting takes the first [answer] tag where the others take the last', async () => {
  const bootcamp = getBootcamp('BbehWordSorting')!;
  const gt = deepFreeze({ subtask: 'sorting', sorted_words: ['a', 'b'] });
  assert.equal((await scoreOutput(bootcamp, '[answer]a, b[/answer] [answer]b, a[/answer]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[answer]b, a[/answer] [answer]a, b[/answer]', gt)).score, 0);
  assert.deepEqual(bootcamp.extract('[answer]["a", 2.0][/answer]'), ['a', 2], 'JSON answers are read as JSON');
  assert.equal((await scoreOutput(bootcamp, '[answer]3.0[/answer]', { subtask: 'error_detection', first_error_step: 3 })).score, 0, 'str(3.0) is "3.0", not "3"');
});

test('BbehTemporalSequences extracts (-1, -1), not None, when there is no \\boxed{X,Y}', async () => {
  const bootcamp = getBootcamp('BbehTemporalSequences')!;
  assert.deepEqual(bootcamp.extract('no box here'), [-1, -1]);
  assert.equal((await scoreOutput(bootcamp, 'no box', { solution: { max_duration: -1, count: 0 } })).score, 0);
});

test('Bbehboardgameqa matches the bare word loosely (any case, Unicode word boundaries) when there is no tag', async () => {
  const bootcamp = getBootcamp('Bbehboardgameqa')!;
  assert.equal(bootcamp.extract('so it is PROVED.'), 'proved');
  assert.equal(bootcamp.extract('unproved or disproved_x'), null, 'no standalone word');
  assert.equal(bootcamp.extract('[answer]maybe[/answer] disproved'), null, 'a tag, even a bad one, wins over the words');
  assert.equal(bootcamp.extract('unknown, then dısproved'), null, "Python's IGNORECASE reads dısproved as the last match, and its lower() is not a verdict");
});
