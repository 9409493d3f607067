#!/usr/bin/env -S npx tsx
// Turns re-arc's verifier programs (InternBootcamp's internbootcamp/libs/re_arc/verifiers.py, MIT-licensed
// re-arc by Michael Hodel) into bootcamps/arc/programs.json: each verify_<key> is a straight line of
// `xN = f(a, b, ...)` steps (and a few tuple displays `xN = (a, b)`) over DSL names, which the Arc bootcamp interprets (bootcamps/arc/interpreter.ts).
// Usage: tsx scripts/arc_programs.ts path/to/verifiers.py [-o bootcamps/arc/programs.json]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DSL } from '../bootcamps/arc/interpreter.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const args = process.argv.slice(2);
const source = args.find((a) => !a.startsWith('-'));
const outIndex = args.indexOf('-o');
const out = outIndex >= 0 ? args[outIndex + 1] : path.join(PROJECT_ROOT, 'bootcamps', 'arc', 'programs.json');
if (!source) {
  process.stderr.write('usage: tsx scripts/arc_programs.ts path/to/verifiers.py [-o programs.json]\n');
  process.exit(2);
}

const text = readFileSync(source, 'utf8');
const programs: Record<string, (string | string[])[]> = {};
const skipped: string[] = [];
for (const m of text.matchAll(/^def verify_(\w+)\(I: Grid\) -> Grid:\n((?:[ \t]+.*\n|\n)+)/gm)) {
  const key = m[1];
  const steps: (string | string[])[] = [];
  let ok = true;
  for (const raw of m[2].split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const assign = /^(\w+) = (\w+)\(([\w, ]*)\)$/.exec(line);
    const ret = /^return (\w+)$/.exec(line);
    // A tuple display `x = (a, b)` becomes the step [x, "()", a, b].
    const tuple = /^(\w+) = \(([\w, ]*)\)$/.exec(line);
    if (tuple) {
      steps.push([tuple[1], '()', ...tuple[2].split(',').map((a) => a.trim()).filter(Boolean)]);
    } else if (assign) {
      const names = [assign[2], ...assign[3].split(',').map((a) => a.trim()).filter(Boolean)];
      if (names.some((n) => !/^x\d+$|^I$/.test(n) && !(n in DSL))) ok = false;
      steps.push([assign[1], ...names]);
    } else if (ret) {
      steps.push(ret[1]);
    } else ok = false;
  }
  if (ok) programs[key] = steps;
  else skipped.push(key);
}
// One program per line: diffs stay readable when the source changes.
writeFileSync(out, '{\n' + Object.entries(programs).map(([key, steps]) => `${JSON.stringify(key)}: ${JSON.stringify(steps)}`).join(',\n') + '\n}\n');
process.stdout.write(`${Object.keys(programs).length} programs written to ${out}; ${skipped.length} use DSL names not ported: ${skipped.join(' ')}\n`);
