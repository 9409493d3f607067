// The comparison statistics against hand-computed and published values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holm, mcnemarExact, pairedBootstrap, seededUniform } from '../../src/compare/stats.ts';

test('exact McNemar: b=1, c=9 gives p = 22/1024 (two-sided binomial)', () => {
  // P(X <= 1 | n=10, 1/2) = 11/1024; doubled.
  assert.ok(Math.abs(mcnemarExact(1, 9) - 22 / 1024) < 1e-12);
  assert.ok(Math.abs(mcnemarExact(9, 1) - 22 / 1024) < 1e-12);
  assert.equal(mcnemarExact(5, 5), 1);
  assert.equal(mcnemarExact(0, 0), 1);
  // A published example (Agresti): 794/150/86/570 table, off-diagonals 150 and 86: exact p ≈ 3.7e-5.
  assert.ok(mcnemarExact(150, 86) < 5e-5 && mcnemarExact(150, 86) > 2e-5);
});

test('Holm: the worked example 0.01, 0.04, 0.03, 0.005 → 0.03, 0.06, 0.06, 0.02', () => {
  const adj = holm([0.01, 0.04, 0.03, 0.005]);
  for (const [got, want] of adj.map((v, i) => [v, [0.03, 0.06, 0.06, 0.02][i]])) assert.ok(Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
  assert.deepEqual(holm([0.9, 0.8]), [1, 1], 'capped at 1');
  assert.deepEqual(holm([0.2, 0.3]), [0.4, 0.4], 'monotone: never below an earlier adjusted value');
});

test('paired bootstrap: seeded, and its interval contains the true difference on synthetic data', () => {
  const rand = seededUniform(7);
  const n = 2000;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rand() < 0.6 ? 1 : 0; // true mean 0.6
    b[i] = rand() < 0.7 ? 1 : 0; // true mean 0.7, so the true difference is 0.1
  }
  const result = pairedBootstrap([a, b], 0, 10_000, 1);
  const [lo, hi] = result.diffCi[1];
  assert.ok(lo < 0.1 && 0.1 < hi, `[${lo}, ${hi}] contains 0.1`);
  assert.ok(hi - lo < 0.1, 'and is reasonably narrow');
  assert.deepEqual(result.diffCi[0], [0, 0], 'the baseline against itself is exactly 0');
  assert.deepEqual(pairedBootstrap([a, b], 0, 10_000, 1), result, 'the same seed gives the same interval');
  const partial = pairedBootstrap([Float64Array.from([0.2, 0.4, 0.9]), Float64Array.from([0.3, 0.4, 1])], 0, 2000, 3);
  assert.ok(partial.diffCi[1][0] >= 0 && partial.diffCi[1][1] <= 0.1 + 1e-12, 'partial scores: every item differs by 0 to 0.1');
});
