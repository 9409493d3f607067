#!/usr/bin/env -S npx tsx
// What can be evaluated: the same as `run_eval.ts ls` (every bootcamp; with --test_dir, each file's data sources).
import { runEvalMain } from '../src/cli/run-eval-main.ts';

process.exitCode = await runEvalMain(['ls', ...process.argv.slice(2)], process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: false,
  cwd: process.cwd(),
});
