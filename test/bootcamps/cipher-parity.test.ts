// Cipher against scores recorded from InternBootcamp's Python verifier (which recomputes the expected text with
// its cipher implementations) on all 432 shared lines: right answers, near misses with partial credit, and
// format variants (test/support/cipher-variants.ts). Partial scores agree to 1e-9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { levenshtein } from '../../bootcamps/cipher/cipher.ts';
import { cipherVariants } from '../support/cipher-variants.ts';
import { loadRecordedScores } from '../support/parity.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('cipher');
const FILE = 'cipher_merged.jsonl';

test('Cipher: score (to 1e-9) and extracted output equal the Python reference on all 432 shared lines and 15 variants', { skip: existsSync(SHARED_EVAL_DIR) ? false : 'needs ../shared/data' }, async () => {
  const bootcamp = getBootcamp('Cipher')!;
  const lines = readFileSync(path.join(SHARED_EVAL_DIR, FILE), 'utf8').trim().split('\n');
  assert.equal(lines.length, 432);
  let partial = 0;
  for (const [i, text] of lines.entries()) {
    const gtRaw = JSON.parse(text).ground_truth;
    const gt = deepFreeze(bootcamp.groundTruth.parse(gtRaw));
    for (const [j, v] of cipherVariants('Cipher', gtRaw).entries()) {
      const [score, extracted] = reference[FILE][i][j];
      const ours = await scoreOutput(bootcamp, v.output, gt);
      assert.ok(Math.abs(ours.score - score) < 1e-9, `${FILE}:${i + 1} variant "${v.name}": ${ours.score} vs ${score}`);
      assert.deepEqual(ours.extracted_output, extracted, `${FILE}:${i + 1} variant "${v.name}": extracted_output`);
      if (v.name === 'right') assert.equal(ours.score, 1);
      if (score > 0 && score < 1) partial++;
    }
  }
  assert.ok(partial > 1000, `partial credit is exercised (${partial} cases)`);
});

test('Cipher gives (1 - min(d/len, 1))^2 and never mutates its ground truth (the reference pops its keys)', async () => {
  const bootcamp = getBootcamp('Cipher')!;
  const gt = deepFreeze({ source_filename: 'x_encode_y.jsonl', cipher_name: 'TapCode', input: 'AB', ground_truth: 'ABCD', extra_args: {} });
  assert.equal((await scoreOutput(bootcamp, '```text\nABCX\n```', gt)).score, 0.5625);
  assert.equal((await scoreOutput(bootcamp, '```text\nABCD\n```', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '```text\nABCD\n```', { ...gt, cipher_name: 'Unknown' })).score, 0, 'an unknown cipher raises in the reference');
  assert.equal(levenshtein([...'kitten'], [...'sitting']), 3);
});
