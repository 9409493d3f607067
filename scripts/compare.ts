#!/usr/bin/env -S npx tsx
// Compare runs (templates, models) item by item, with paired statistics: compare.md, compare.xlsx, compare.html.
import { compareMain } from '../src/cli/compare-main.ts';

process.exitCode = await compareMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
