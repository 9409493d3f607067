// The comparison every family's parity test makes: for each shared line of a file and each output variant, the
// native score and extracted output equal the ones recorded from InternBootcamp's Python, and the right answer
// scores 1 unless the reference itself cannot score that line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import type { Variant } from './core-variants.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

export type RecordedScores = Record<string, [number, unknown][][]>;

export function loadRecordedScores(family: string): RecordedScores {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', family, 'reference-scores.json'), 'utf8')) as RecordedScores;
}

export interface ParityCheck {
  file: string;
  reference: RecordedScores;
  variants: (source: string, gt: any) => Variant[];
  /** Lines whose right answer the reference itself never scores (each bootcamp file says why). */
  referenceCannotScore?: (source: string, gt: any, right: Variant) => boolean;
}

/** Compares every line and variant of one shared file; returns how many cases were compared. */
export async function assertParity({ file, reference, variants, referenceCannotScore = () => false }: ParityCheck): Promise<number> {
  const lines = readFileSync(path.join(SHARED_EVAL_DIR, file), 'utf8').trim().split('\n');
  const source = JSON.parse(lines[0]).data_source as string;
  const bootcamp = getBootcamp(source);
  assert.ok(bootcamp, `${source} is registered`);
  assert.equal(lines.length, reference[file].length, `${file}: one recorded row per line`);
  let compared = 0;
  for (const [i, text] of lines.entries()) {
    const gtRaw = JSON.parse(text).ground_truth;
    const gt = deepFreeze(bootcamp.groundTruth.parse(gtRaw));
    const outputs = variants(source, gtRaw);
    assert.equal(outputs.length, reference[file][i].length, `${file}:${i + 1}: one recorded score per variant`);
    for (const [j, v] of outputs.entries()) {
      const [score, extracted] = reference[file][i][j];
      const ours = await scoreOutput(bootcamp, v.output, gt);
      assert.equal(ours.score, score, `${file}:${i + 1} variant "${v.name}": score`);
      assert.deepEqual(ours.extracted_output, extracted, `${file}:${i + 1} variant "${v.name}": extracted_output`);
      if (v.name === 'right' && !referenceCannotScore(source, gtRaw, v)) assert.equal(ours.score, 1, `${file}:${i + 1}: the right answer scores 1`);
      compared++;
    }
  }
  return compared;
}
