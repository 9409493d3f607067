// Generated instances for every grid puzzle (besides the shared lines): the generator's solution scores 1 with
// the native verifier and a broken answer scores 0. Kakurasu, Futoshiki and Nonograms are also solved back from
// their clues by our solvers (puzzles-parity.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { GENERATORS, Rng } from '../support/puzzle-generators.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const INSTANCES = 12;

for (const [name, generate] of Object.entries(GENERATORS)) {
  test(`${name}: generated instances score 1 with their solution and 0 when it is broken`, async () => {
    const bootcamp = getBootcamp(name);
    assert.ok(bootcamp, `${name} is registered`);
    const rng = new Rng(name.length * 7919);
    let checked = 0;
    for (let k = 0; k < INSTANCES * 3 && checked < INSTANCES; k++) {
      const made = generate(rng);
      if (!made) continue;
      const gt: unknown = deepFreeze(bootcamp!.groundTruth.parse(made.gt));
      const right = await scoreOutput(bootcamp!, made.right, gt);
      assert.equal(right.score, 1, `${name} instance ${k}: ${JSON.stringify(made.gt).slice(0, 300)} / ${made.right.slice(0, 200)} ${right.verify_error ?? ''}`);
      assert.equal((await scoreOutput(bootcamp!, made.broken, gt)).score, 0, `${name} instance ${k}: the broken answer`);
      checked++;
    }
    assert.equal(checked, INSTANCES, 'enough instances were generated');
  });
}
