// Helpers for the sandbox tests: is bwrap usable here, a real sandbox server process, and a scan of /proc for
// processes a program left behind.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnScript, waitFor } from './cli.ts';

/** Why the bwrap tests cannot run here, or false when they can. */
export function bwrapSkipReason(): string | false {
  try {
    execFileSync('bwrap', ['--unshare-all', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--', '/usr/bin/true'], { stdio: 'ignore', timeout: 10_000 });
    return false;
  } catch (err) {
    return `bubblewrap is not usable here (${(err as Error).message.split('\n')[0]}); .ci/run installs it`;
  }
}

/** Command lines (NUL-separated argv) of every process whose command line contains `marker`. */
export function processesWithMarker(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

export interface SandboxServerProcess {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** scripts/sandbox_server.ts as a real child process on a free port. */
export async function startSandboxServerProcess(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<SandboxServerProcess> {
  const child = spawnScript('sandbox_server.ts', ['--port', '0', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitFor(() => /^listening http:\/\/\S+\n/.test(stdout) || child.exitCode !== null, 30_000, 'the sandbox server to listen');
  const url = /^listening (http:\/\/\S+)\n/.exec(stdout)?.[1];
  if (!url) throw new Error(`sandbox server did not start: ${stderr}`);
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
