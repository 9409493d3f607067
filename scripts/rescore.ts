#!/usr/bin/env -S npx tsx
// Score model outputs again without asking the model (a JSONL of outputs, or a whole run folder).
import { rescoreMain } from '../src/cli/rescore-main.ts';

process.exitCode = await rescoreMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
