// Measuring a CLI run from outside: wall time and peak resident memory of the child process (its own
// maxRSS, reported at exit by a preloaded module), for the benchmark scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../version.ts';
import { TSX_IMPORT } from '../mock/mock-process.ts';

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

export function runScriptMeasured(script: string, args: readonly string[], cwd: string): Promise<MeasuredRun> {
  const started = performance.now();
  const preload = pathToFileURL(path.join(PROJECT_ROOT, 'src', 'bench', 'report-rss.ts')).href;
  const child = spawn(process.execPath, [...TSX_IMPORT, '--import', preload, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
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
