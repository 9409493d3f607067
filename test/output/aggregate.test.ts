// Roll-ups of details rows: pass@k (unbiased estimator), per-file meta and the original's Total Average.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, bootcampRows, passAtK, totalAverage } from '../../src/output/aggregate.ts';
import type { RowSummary } from '../../src/output/details-file.ts';

test('pass@k = 1 - C(n-c, k) / C(n, k), hand-computed', () => {
  assert.ok(Math.abs(passAtK(5, 2, 1) - 0.4) < 1e-12, 'n=5 c=2 k=1: c/n');
  assert.ok(Math.abs(passAtK(5, 2, 2) - 0.7) < 1e-12, 'n=5 c=2 k=2: 1 - 3/10');
  assert.ok(Math.abs(passAtK(4, 1, 2) - 0.5) < 1e-12, 'n=4 c=1 k=2: 1 - 3/6');
  assert.equal(passAtK(5, 2, 5), 1, 'k = n with any correct sample');
  assert.equal(passAtK(4, 1, 4), 1, 'k = n');
  assert.equal(passAtK(5, 0, 3), 0, 'no correct sample');
  assert.equal(passAtK(3, 3, 2), 1);
  assert.ok(Math.abs(passAtK(10, 1, 3) - 0.3) < 1e-12, 'n=10 c=1 k=3: 1 - C(9,3)/C(10,3) = 0.3');
  assert.throws(() => passAtK(2, 1, 3), /needs at least 3 samples/);
});

function row(id: number, repeat: number, score: number, extra: Partial<RowSummary> = {}): RowSummary {
  return { id, repeat, data_source: 'Game24', score, output_len: 10, hasError: false, finishReason: 'stop', ...extra };
}

test('aggregate averages over items and repeats, and gives pass@k per item averaged', () => {
  // Item 0: 1 of 2 correct; item 1: 2 of 2 correct.
  const agg = aggregate([row(0, 0, 1), row(0, 1, 0), row(1, 0, 1), row(1, 1, 1, { finishReason: 'length', hasError: false })], [1, 2]);
  assert.equal(agg.n, 4);
  assert.equal(agg.avgScore, 0.75);
  assert.equal(agg.lengthCutShare, 0.25);
  assert.deepEqual(agg.passAtK, { 1: 0.75, 2: 1 });
});

test('Total Average is the mean of bootcamp averages, as the original computes it', () => {
  const rows = bootcampRows([[row(0, 0, 1), row(1, 0, 1), row(2, 0, 1), row(3, 0, 0)], [row(0, 0, 0, { data_source: 'Maze' })]], [1]);
  assert.deepEqual(rows.map((r) => [r.bootcamp, r.avgScore, r.n]), [['Game24bootcamp', 0.75, 4], ['Mazebootcamp', 0, 1]]);
  assert.equal(totalAverage(rows).avgScore, 0.375);
});
