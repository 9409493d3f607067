// progress.log keeps the original's format, which users tail and scripts parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProgressBar, formatTimedelta, renderProgressLog } from '../../src/output/progress-log.ts';
import { ProgressState } from '../../src/run/progress.ts';

test('timedelta as Python prints it', () => {
  assert.equal(formatTimedelta(0), '0:00:00');
  assert.equal(formatTimedelta(3725.9), '1:02:05');
  assert.equal(formatTimedelta(90000), '1 day, 1:00:00');
  assert.equal(formatTimedelta(2 * 86400 + 5), '2 days, 0:00:05');
});

test('a bar line: count, 50-character bar, percent with one decimal, elapsed and remaining, trailing space', () => {
  assert.equal(formatProgressBar(0, 64, 0), `0/64 [${'-'.repeat(50)}] 0.0% Elapsed: 0:00:00 Remaining: N/A `);
  assert.equal(formatProgressBar(16, 64, 30), `16/64 [${'█'.repeat(12)}${'-'.repeat(38)}] 25.0% Elapsed: 0:00:30 Remaining: 0:01:30 `);
  assert.equal(formatProgressBar(64, 64, 100), `64/64 [${'█'.repeat(50)}] 100.0% Elapsed: 0:01:40 Remaining: 0:00:00 Completed✔️`);
});

test('Main Progress counts finished files and reaches 100%; a finished file keeps its own elapsed time', () => {
  const state = new ProgressState([{ name: 'game24', total: 1, alreadyDone: 0 }, { name: 'maze', total: 0, alreadyDone: 0 }], 0);
  state.itemDone(0, false, 0);
  const log = renderProgressLog(state, state.startedAtMs + 3_600_000).split('\n');
  assert.match(log[0], /^Main Progress: 2\/2 \[█{50}\] 100\.0% .*Completed✔️$/);
  assert.match(log[1], /^game24: 1\/1 .*Elapsed: 0:00:00 Remaining: 0:00:00 Completed✔️$/);
  assert.match(log[2], /^maze: 0\/0 .*Completed✔️$/);
});
