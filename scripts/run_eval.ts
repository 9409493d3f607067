#!/usr/bin/env -S npx tsx
// Evaluate a model on bootcamp JSONL files: the drop-in successor of InternBootcamp's run_eval.py.
import { tuneHeapForLongRuns } from '../src/cli/heap-tuning.ts';

// Before the rest of the evaluator is imported: through tsx, loading (and transforming) its modules is the first
// burst of allocation, and the young generation it grows stays grown.
tuneHeapForLongRuns();
const { runEvalMain } = await import('../src/cli/run-eval-main.ts');
const { onProcessInterrupt } = await import('../src/cli/interrupts.ts');

const code = await runEvalMain(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  onInterrupt: onProcessInterrupt,
});
process.exitCode = code;
