// The lazy registry: each family's list of names in bootcamps/index.ts is exactly what its module registers,
// and naming one data source loads its family and no other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { FAMILIES, BOOTCAMP_NAMES } from '../../bootcamps/index.ts';
import { TSX_IMPORT } from '../../src/mock/mock-process.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

test("each family's listed names are exactly the bootcamps its module registers", async () => {
  let total = 0;
  for (const [family, { names, load }] of Object.entries(FAMILIES)) {
    const bootcamps = await load();
    assert.deepEqual(bootcamps.map((b) => b.name).sort(), [...names].sort(), family);
    total += names.length;
  }
  assert.equal(BOOTCAMP_NAMES.size, total, 'no name listed twice');
  assert.ok(total >= 83);
});

test('loading Game24 loads the core family only; an unknown name loads nothing', () => {
  // A fresh process, so that no other test has loaded anything. (What that saves in memory and start-up time is
  // measured by npm run bench -- --case startup, not asserted here.)
  const program = `
    const { loadBootcamp, getBootcamp } = await import(${JSON.stringify(PROJECT_ROOT + '/bootcamps/index.ts')});
    const before = getBootcamp('Game24');
    const game24 = await loadBootcamp('Game24');
    console.log(JSON.stringify({ before: before === undefined, name: game24?.name, arc: getBootcamp('Arc') === undefined, unknown: (await loadBootcamp('NoSuchBootcamp')) === undefined }));`;
  const run = spawnSync(process.execPath, [...TSX_IMPORT, '--input-type=module', '-e', program, '--trace-warnings'], { encoding: 'utf8', cwd: PROJECT_ROOT, env: { ...process.env, NODE_DEBUG: '' } });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), { before: true, name: 'Game24', arc: true, unknown: true });
});
