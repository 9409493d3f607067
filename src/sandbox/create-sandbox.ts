// Builds the run's sandbox from its settings: local bwrap or docker, or a remote sandbox server; bounded to
// --judge_worker_num executions at once; checked once before any model request.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';
import { UsageError } from '../errors.ts';
import { BwrapSandbox } from './bwrap.ts';
import { DockerSandbox, dockerEngineAvailable } from './docker.ts';
import { RemoteSandbox } from './remote.ts';
import { limitConcurrency } from './limit.ts';
import { resolvePythonRuntime, type PythonRuntime } from './python-runtime.ts';

export interface SandboxSettings {
  sandbox_type: 'bwrap' | 'docker';
  sandbox_url?: string;
  sandbox_token?: string;
  sandbox_manager_config?: unknown;
  sandbox_image: string;
  sandbox_python: string;
  sandbox_memory_mb: number;
  sandbox_timeout: number;
  judge_worker_num: number;
  max_retries: number;
  max_retrying_delay: number;
  /** The bwrap binary (tests point it elsewhere); default bwrap on PATH. */
  bwrap?: string;
}

export interface RunSandbox {
  executor: SandboxExecutor;
  /** One line for logs: which sandbox, where. */
  description: string;
  /** Runs a trivial program; throws a UsageError that says what to do when the sandbox cannot start. */
  check(): Promise<void>;
  close(): void;
}

/** EvalScope's --sandbox_manager_config '{"base_url": "..."}' and our --sandbox_url are the same thing. */
export function remoteTarget(settings: Pick<SandboxSettings, 'sandbox_url' | 'sandbox_token' | 'sandbox_manager_config'>): { url: string; token?: string } | undefined {
  const manager = settings.sandbox_manager_config as { base_url?: unknown; token?: unknown; api_key?: unknown } | undefined;
  const url = settings.sandbox_url ?? (typeof manager?.base_url === 'string' ? manager.base_url : undefined);
  if (!url) return undefined;
  const token = settings.sandbox_token ?? (typeof manager?.token === 'string' ? manager.token : typeof manager?.api_key === 'string' ? manager.api_key : undefined);
  return { url, token };
}

/** Every folder on the way is searchable by others and the file readable: what bwrap started as nobody needs. */
function othersCanRead(target: string): boolean {
  try {
    let dir = path.resolve(target);
    if ((statSync(dir).mode & 0o004) === 0) return false;
    while (dir !== path.dirname(dir)) {
      dir = path.dirname(dir);
      if ((statSync(dir).mode & 0o001) === 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** As root the sandbox runs as nobody (see bwrap.ts), who cannot read a runtime under /root (pyenv): say so. */
export function runtimeForBwrap(python: string, log: (line: string) => void): PythonRuntime {
  const runtime = resolvePythonRuntime(python);
  if (process.getuid?.() !== 0) return runtime;
  const unreadable = runtime.readOnlyBinds.filter((dir) => !othersCanRead(dir));
  if (unreadable.length === 0) return runtime;
  if (python === 'python3' && othersCanRead('/usr/bin/python3')) {
    log(`sandbox: ${runtime.executable} is not readable by the sandbox's user (nobody): ${unreadable.join(', ')}; using /usr/bin/python3 instead (choose with --sandbox_python)`);
    return resolvePythonRuntime('/usr/bin/python3');
  }
  throw new UsageError(`--sandbox_python ${python}: the sandbox runs as user nobody when the evaluator runs as root, and nobody cannot read ${unreadable.join(', ')}; use a Python outside /root (e.g. /usr/bin/python3) or make it readable`);
}

const SANDBOX_HINTS =
  'Install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces ' +
  '(sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04+ also kernel.apparmor_restrict_unprivileged_userns=0), ' +
  'or use --sandbox_type docker, or a remote sandbox server with --sandbox_url.';

function describeFailure(result: ExecuteResult): string {
  const text = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ');
  return result.timedOut ? 'timed out' : `exit ${result.exitCode}${text ? `: ${text}` : ''}`;
}

export function createRunSandbox(settings: SandboxSettings, log: (line: string) => void = () => undefined): RunSandbox {
  const remote = remoteTarget(settings);
  let inner: SandboxExecutor;
  let description: string;
  let close = () => undefined as void;
  if (remote) {
    const client = new RemoteSandbox({ baseUrl: remote.url, token: remote.token, maxAttempts: settings.max_retries, maxRetryingDelaySec: settings.max_retrying_delay, maxSockets: settings.judge_worker_num, log });
    inner = client;
    description = `remote sandbox ${remote.url}`;
    close = () => client.close();
  } else if (settings.sandbox_type === 'docker') {
    inner = new DockerSandbox({ image: settings.sandbox_image });
    description = `docker sandbox (image ${settings.sandbox_image})`;
  } else {
    const runtime = runtimeForBwrap(settings.sandbox_python, log);
    inner = new BwrapSandbox({ runtime, bwrap: settings.bwrap });
    description = `bwrap sandbox (${runtime.executable})`;
  }
  const executor = limitConcurrency(inner, settings.judge_worker_num);
  return {
    executor,
    description,
    close,
    async check() {
      if (!remote && settings.sandbox_type === 'docker') {
        const engine = await dockerEngineAvailable();
        if (!engine.ok) throw new UsageError(`--sandbox_type docker: no Docker engine answers (${engine.reason}). Start Docker, or use --sandbox_type bwrap or --sandbox_url.`);
      }
      if (remote) {
        try {
          await (inner as RemoteSandbox).health();
        } catch (err) {
          throw new UsageError(`sandbox server ${remote.url} is not usable: ${(err as Error).message}. Start it with: tsx scripts/sandbox_server.ts --port 1234`);
        }
      }
      let result: ExecuteResult;
      try {
        result = await executor.execute({ files: { 'check.py': 'print("sandbox ok")\n' }, command: ['python3', 'check.py'], timeoutMs: 60_000, memoryMb: settings.sandbox_memory_mb });
      } catch (err) {
        throw new UsageError(`${description} cannot run programs: ${(err as Error).message}. ${remote ? '' : SANDBOX_HINTS}`);
      }
      if (result.exitCode !== 0 || result.stdout.trim() !== 'sandbox ok') {
        throw new UsageError(`${description} cannot run programs (${describeFailure(result)}). ${remote ? 'Check the sandbox server.' : SANDBOX_HINTS}`);
      }
    },
  };
}
