// The viewer as a real child process for tests: started on a free port, its address read from its first line.
import { createInterface } from 'node:readline';
import { spawnScript } from './cli.ts';

export interface ViewerProcess {
  url: string;
  stderr(): string;
  stop(): Promise<void>;
}

export function startViewer(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ViewerProcess> {
  const child = spawnScript('view.ts', ['--port', '0', ...args], { env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`viewer did not start: ${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`viewer exited with ${code}: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (!m) return reject(new Error(`unexpected first line from the viewer: ${line}`));
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        stderr: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
