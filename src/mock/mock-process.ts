// Starts the mock server as a real child process and waits for its "listening" line: used by the demo, the
// benchmarks and the tests, so all of them talk HTTP over loopback to a separate process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../version.ts';

export interface MockProcess {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/v1, what --url wants. */
  baseUrl: string;
  child: ChildProcess;
  stats(): Promise<Record<string, unknown>>;
  /** Zeroes the counts (DELETE /stats). */
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

/** Node flags that load tsx by absolute URL, so child processes work from any working directory. */
export const TSX_IMPORT = ['--import', import.meta.resolve('tsx')];

/** How a script runs: from source through tsx, or the bundle `npm run build` wrote to dist/ (plain node). */
export type ScriptRuntime = 'tsx' | 'bundle';

/** Node arguments that run scripts/<script> ("run_eval.ts") in the given runtime. */
export function scriptCommand(script: string, runtime: ScriptRuntime): string[] {
  if (runtime === 'bundle') return [path.join(PROJECT_ROOT, 'dist', script.replace(/\.ts$/, '.js'))];
  return [...TSX_IMPORT, path.join(PROJECT_ROOT, 'scripts', script)];
}

export function startMockProcess(args: readonly string[], timeoutMs = 20_000, runtime: ScriptRuntime = 'tsx'): Promise<MockProcess> {
  const child = spawn(process.execPath, [...scriptCommand('mock_server.ts', runtime), '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mock server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mock server exited with ${code}: ${stderr}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (!m) return reject(new Error(`unexpected first line from mock server: ${line}`));
      const origin = m[1];
      resolve({
        origin,
        baseUrl: `${origin}/v1`,
        child,
        stats: async () => (await fetch(`${origin}/stats`)).json() as Promise<Record<string, unknown>>,
        resetStats: async () => {
          await (await fetch(`${origin}/stats`, { method: 'DELETE' })).arrayBuffer();
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
