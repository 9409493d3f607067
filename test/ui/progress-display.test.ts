// The progress line never shows a broken ETA: no garbage, no countdown while nothing finishes, no "0 items/s"
// for a slow run that moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatEta, formatRate, ProgressDisplay } from '../../src/ui/progress-display.ts';
import { ProgressState } from '../../src/run/progress.ts';

test('rates below one item a second keep their digits', () => {
  assert.equal(formatRate(0.13), '0.13');
  assert.equal(formatRate(4.26), '4.3');
  assert.equal(formatRate(812.4), '812');
  assert.equal(formatRate(0), '0');
  assert.equal(formatRate(Number.NaN), '0');
});

test('ETA: unknown without a rate, unknown (with how long) once nothing has finished for longer than the estimate', () => {
  assert.equal(formatEta(10, 0, 0), 'unknown');
  assert.equal(formatEta(10, Number.POSITIVE_INFINITY, 0), 'unknown');
  assert.equal(formatEta(1, 1e-12, 0), 'unknown');
  assert.equal(formatEta(0, 0, 500), '0:00:00');
  assert.equal(formatEta(100, 2, 3), '0:00:50');
  assert.equal(formatEta(1, 0.13, 61), 'unknown (nothing finished for 0:01:01)');
  assert.equal(formatEta(1, 0.13, 5), '0:00:07');
});

test('the pipe line shows a real rate and no digits-free ETA', () => {
  const state = new ProgressState([{ name: 'a', total: 10, alreadyDone: 0 }], Date.now());
  const display = new ProgressDisplay(state, { isTTY: false, quiet: true, log: () => undefined });
  const line = display.line();
  assert.match(line, /0\/10 items \(0\.0%\), 0 items\/s, 0 errors, ETA unknown$/);
});
