#!/usr/bin/env -S npx tsx
// A local web viewer of run folders (scores, items, comparisons), or one static page of a run.
import { viewMain } from '../src/cli/view-main.ts';

process.exitCode = await viewMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
