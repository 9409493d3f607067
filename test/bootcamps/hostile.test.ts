// Every registered bootcamp against the hostile set: no throw out of extract, no hang, no crash. (How fast is
// for `npm run bench:verifiers`; the bound here only tells a hang from slowness.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { hostileOutputs, sharedLinesBySource } from '../../src/bench/verifier-cases.ts';
const registry = await loadAllBootcamps();

const HANG_MS = 5_000;
const lines = sharedLinesBySource();
const hostile = hostileOutputs();

for (const bootcamp of registry.values()) {
  if (bootcamp.kind === 'sandbox') continue; // code runs only in a sandbox; covered by the sandbox tests
  const sample = lines.get(bootcamp.name)?.[0];
  test(`${bootcamp.name} survives hostile outputs`, { skip: sample ? false : 'no shared line to take a ground truth from' }, async () => {
    const parsed = bootcamp.groundTruth.safeParse(sample!.ground_truth);
    assert.ok(parsed.success, `the first shared line's ground truth fits ${bootcamp.name}'s schema`);
    const gt = deepFreeze(parsed.data);
    for (const [name, output] of hostile) {
      assert.doesNotThrow(() => bootcamp.extract(output), `${name}: extract must not throw`);
      const started = performance.now();
      const result = await scoreOutput(bootcamp, output, gt);
      const ms = performance.now() - started;
      assert.ok(ms < HANG_MS, `${name}: took ${ms.toFixed(0)} ms`);
      assert.ok(result.score >= 0 && result.score <= 1, `${name}: score ${result.score} is within [0, 1]`);
      assert.doesNotThrow(() => JSON.stringify(result.extracted_output), `${name}: extracted output is JSON`);
    }
  });
}
