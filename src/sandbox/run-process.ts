// Runs one child process to completion under a wall-clock limit, with capped output capture: the common
// ground of the bwrap and docker sandboxes and of the bare-subprocess baseline the benchmark compares with.
import { spawn } from 'node:child_process';
import { OutputCapture, DEFAULT_OUTPUT_CAP_BYTES } from './output-capture.ts';
import type { ExecuteResult } from '../../bootcamps/types.ts';

export interface RunProcessOptions {
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  stdin?: string;
  /** Contents written to the child's fds 3, 4, … (bwrap's --file FD reads them before the program starts). */
  extraFds?: readonly Buffer[];
  timeoutMs: number;
  outputCapBytes?: number;
  /** Run the child as this user (the evaluator runs as root: see bwrap.ts for why the sandbox must not). */
  uid?: number;
  gid?: number;
  signal?: AbortSignal;
  /** Called once when the wall-clock limit or the signal fires, after the process group was sent SIGKILL. */
  onKill?: () => void;
}

export class SpawnFailed extends Error {
  override name = 'SpawnFailed';
}

/**
 * The child leads a new process group, and a timeout kills the whole group with SIGKILL: nothing it started in
 * that group survives. (Processes that leave the group are the sandbox's job: a PID namespace, or docker kill.)
 */
export function runProcess(options: RunProcessOptions): Promise<ExecuteResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const extra = options.extraFds ?? [];
    const child = spawn(options.file, options.args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe', ...extra.map(() => 'pipe' as const)],
      detached: true,
      uid: options.uid,
      gid: options.gid,
    });
    const stdout = new OutputCapture(options.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES);
    const stderr = new OutputCapture(options.outputCapBytes ?? DEFAULT_OUTPUT_CAP_BYTES);
    let timedOut = false;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      options.onKill?.();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (c: Buffer) => stdout.push(c));
    child.stderr!.on('data', (c: Buffer) => stderr.push(c));
    // A program that never reads its stdin (or exits first) closes the pipe under us: not an error of the run.
    const quiet = () => undefined;
    child.stdin!.on('error', quiet);
    child.stdin!.end(options.stdin ?? '');
    extra.forEach((content, i) => {
      const stream = child.stdio[3 + i] as NodeJS.WritableStream & { on(e: 'error', f: () => void): void };
      stream.on('error', quiet);
      stream.end(content);
    });

    child.on('error', (err) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new SpawnFailed(`cannot start ${options.file}: ${err.message}`));
    });
    child.on('exit', () => {
      // A killed child whose pipes are still held by an escaped descendant would never 'close': stop listening.
      if (killed) setTimeout(() => [child.stdout, child.stderr].forEach((s) => s?.destroy()), 500).unref();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: code,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        durationMs: performance.now() - started,
        ...(stdout.truncated || stderr.truncated ? { truncated: true } : {}),
      });
    });
  });
}
