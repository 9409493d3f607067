// Measuring a CLI run from outside: wall time and peak resident memory of the child process (its own
// maxRSS, reported at exit by a preloaded module), for the benchmark scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../version.ts';
import { scriptCommand, type ScriptRuntime } from '../mock/mock-process.ts';

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** Preloaded into the measured process: on exit it prints its own peak resident memory, which no outside poll can catch exactly. */
export const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAX_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs scripts/<script> (e.g. "run_eval.ts") through tsx, or its bundle in dist/ when runtime is "bundle". */
export function runScriptMeasured(script: string, args: readonly string[], cwd: string, runtime: ScriptRuntime = 'tsx'): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_RSS, ...scriptCommand(script, runtime), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const m = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      resolve({ code, wallMs: performance.now() - started, peakRssMb: m ? Number(m[1]) / 1024 : NaN, stdout, stderr });
    });
  });
}
