// The README stays true: every flag is documented, and the two commands it promises exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FLAGS } from '../src/config/flags.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

test('every flag appears in the README with its default', () => {
  for (const [name, spec] of Object.entries(FLAGS)) {
    assert.ok(readme.includes(`\`--${name}`), `README documents --${name}`);
    if (typeof spec.default === 'number' || (typeof spec.default === 'string' && spec.default !== '')) {
      assert.ok(readme.includes(`\`${String(spec.default)}\``), `README shows the default of --${name}: ${String(spec.default)}`);
    }
  }
});

test('the README commands exist as npm scripts', () => {
  for (const script of ['demo', 'test', 'bench', 'bench:verifiers']) {
    assert.ok(readme.includes(`npm run ${script}`) || (script === 'test' && readme.includes('npm test')), `README mentions ${script}`);
    assert.ok(pkg.scripts[script], `package.json has a ${script} script`);
  }
});
