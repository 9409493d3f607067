// Background work (Arc's programs) runs freely while the event loop is idle and only now and then while the
// rest of the process keeps it busy, but is never starved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackgroundSlices } from '../../../bootcamps/shared/background-slices.ts';

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** Runs `units` units of 0.2 ms of work through BackgroundSlices; resolves with the slice count and time taken. */
function runUnits(units: number): Promise<{ slices: number; ms: number }> {
  const started = performance.now();
  let left = units;
  let slices = 0;
  return new Promise((resolve) => {
    const slicer = new BackgroundSlices(
      (sliceEnd) => {
        slices++;
        while (left > 0 && performance.now() < sliceEnd) {
          spin(0.2);
          left--;
        }
        if (left === 0) resolve({ slices, ms: performance.now() - started });
        return left > 0;
      },
      { sliceMs: 1, busyShare: 0.5, retryMs: 2, maxWaitMs: 20 },
    );
    slicer.wake();
  });
}

test('on an idle event loop the work runs slice after slice', async () => {
  const { ms } = await runUnits(100); // 20 ms of work
  assert.ok(ms < 200, `took ${ms.toFixed(0)} ms`);
});

test('while the loop is kept busy the work yields, but a slice still runs at least every maxWaitMs', async () => {
  // Something else holds the loop 8 ms of every ~8 ms: the share of others is near 1.
  let busy = true;
  let hogTurns = 0;
  const hog = () => {
    if (!busy) return;
    hogTurns++;
    spin(8);
    setImmediate(hog);
  };
  hog();
  const started = performance.now();
  const { slices, ms } = await runUnits(40); // 8 ms of work: a few slices when idle
  busy = false;
  assert.ok(slices >= 4, `${slices} slices`);
  // Run at equal priority, a slice would follow every turn of the hog; yielding, it runs every ~20 ms (maxWaitMs).
  assert.ok(slices <= 0.6 * hogTurns, `${slices} slices in ${hogTurns} busy turns`);
  assert.ok(ms > 40, `took ${ms.toFixed(0)} ms while the loop was busy`);
  assert.ok(performance.now() - started < 5000, 'not starved');
});
