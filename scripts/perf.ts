#!/usr/bin/env -S npx tsx
// Load-test an OpenAI-compatible endpoint (EvalScope's `evalscope perf`): TTFT, ITL, TPOT, latency and
// throughput per --parallel/--number point, in EvalScope's files, with a table and an HTML report.
import { perfMain } from '../src/perf/perf-main.ts';

process.exitCode = await perfMain(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  now: () => new Date(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    // Run by the HTTP service (an IPC channel): losing the service stops the test as Ctrl-C does.
    process.on('disconnect', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      process.off('disconnect', handler);
    };
  },
});
if (process.connected) process.disconnect();
