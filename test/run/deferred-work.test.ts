// Scoring runs a slice at a time after the I/O of its turn: a backlog never holds the event loop for long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeferredWork } from '../../src/run/item-steps.ts';

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

test('a backlog of deferred tasks is worked off in slices, letting other callbacks in between', async () => {
  const work = new DeferredWork();
  const order: string[] = [];
  for (let i = 0; i < 40; i++) {
    work.run(async () => {
      spin(0.25);
      order.push(`task${i}`);
    });
  }
  assert.equal(work.pending, 40);
  // Queued after the backlog: with one turn for all 40 tasks (10 ms) it would come last.
  setImmediate(() => setImmediate(() => order.push('io')));
  await work.drained();
  assert.equal(work.pending, 0);
  assert.equal(order.filter((x) => x.startsWith('task')).length, 40);
  const io = order.indexOf('io');
  assert.ok(io > 0 && io < 39, `the other callback ran at position ${io} of ${order.length}`);
  assert.deepEqual(order.filter((x) => x !== 'io'), Array.from({ length: 40 }, (_, i) => `task${i}`), 'tasks start in the order they were queued');
});

test('pendingBelow wakes when the backlog shrinks, and drained rethrows the first failure', async () => {
  const work = new DeferredWork();
  for (let i = 0; i < 5; i++) work.run(async () => undefined);
  work.run(async () => {
    throw new Error('writer broke');
  });
  let woke = false;
  const below = work.pendingBelow(3).then(() => (woke = true));
  await below;
  assert.equal(woke, true);
  await assert.rejects(work.drained(), /writer broke/);
});

