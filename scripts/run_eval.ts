#!/usr/bin/env -S npx tsx
// Evaluate a model on bootcamp JSONL files: the drop-in successor of InternBootcamp's run_eval.py.
import { runEvalMain } from '../src/cli/run-eval-main.ts';
import { tuneHeapForLongRuns } from '../src/cli/heap-tuning.ts';

tuneHeapForLongRuns();

const code = await runEvalMain(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
});
process.exitCode = code;
