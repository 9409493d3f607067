#!/usr/bin/env -S npx tsx
// Load-test an OpenAI-compatible endpoint (EvalScope's `evalscope perf`): TTFT, ITL, TPOT, latency and
// throughput per --parallel/--number point, in EvalScope's files, with a table and an HTML report.
import { perfMain } from '../src/perf/perf-main.ts';
import { onProcessInterrupt } from '../src/cli/interrupts.ts';

process.exitCode = await perfMain(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  now: () => new Date(),
  onInterrupt: onProcessInterrupt,
});
if (process.connected) process.disconnect();
