// Builds the run's sandbox from its settings: local bwrap or docker, or a remote sandbox server; bounded to
// --judge_worker_num executions at once; checked once before any model request.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';
import { UsageError } from '../errors.ts';
import { BwrapSandbox } from './bwrap.ts';
import { DockerSandbox, dockerEngineAvailable } from './docker.ts';
import { RemoteSandbox } from './remote.ts';
import { EnclaveSandbox } from './enclave-client.ts';
import { HttpClient } from '../model/http.ts';
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
  /** Releases what the sandbox holds (an ms-enclave server's sandboxes are deleted). */
  close(): Promise<void>;
}

/**
 * EvalScope's --sandbox_manager_config '{"base_url": "...", "api_key": "...", "pool_size": N}' and our --sandbox_url
 * name the same thing: a sandbox server, ours or ms-enclave's (which one is asked of its /health).
 */
export function remoteTarget(settings: Pick<SandboxSettings, 'sandbox_url' | 'sandbox_token' | 'sandbox_manager_config'>): { url: string; token?: string; poolSize?: number } | undefined {
  const manager = settings.sandbox_manager_config as { base_url?: unknown; token?: unknown; api_key?: unknown; pool_size?: unknown } | undefined;
  const url = settings.sandbox_url ?? (typeof manager?.base_url === 'string' ? manager.base_url : undefined);
  if (!url) return undefined;
  const token = settings.sandbox_token ?? (typeof manager?.token === 'string' ? manager.token : typeof manager?.api_key === 'string' ? manager.api_key : undefined);
  const poolSize = typeof manager?.pool_size === 'number' && Number.isInteger(manager.pool_size) && manager.pool_size > 0 ? manager.pool_size : undefined;
  return { url, ...(token !== undefined ? { token } : {}), ...(poolSize !== undefined ? { poolSize } : {}) };
}

/** Which protocol a sandbox server speaks, from its /health answer: ours (preferred), else ms-enclave's. */
export function serverProtocol(health: Record<string, unknown>): 'ours' | 'ms-enclave' | undefined {
  if (health.protocol === 'bootcamp-eval' || (health.status === 'ok' && typeof health.sandbox_type === 'string')) return 'ours';
  if (typeof health.healthy === 'boolean') return 'ms-enclave';
  return undefined;
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

/** Asks a sandbox server's /health which protocol it speaks, then talks to it in that one. */
class RemoteServer implements SandboxExecutor {
  private target: RemoteSandbox | EnclaveSandbox | undefined;

  constructor(
    private readonly remote: { url: string; token?: string; poolSize?: number },
    private readonly settings: SandboxSettings,
    private readonly log: (line: string) => void,
  ) {}

  get description(): string {
    return this.target instanceof EnclaveSandbox ? this.target.description : `remote sandbox ${this.remote.url}`;
  }

  async connect(): Promise<void> {
    if (this.target) return;
    const { url, token } = this.remote;
    const probe = new HttpClient({ baseUrl: url.replace(/\/+$/, '') + '/', apiKey: token, headers: token ? { 'x-api-key': token } : {}, maxSockets: 1 });
    let health: Record<string, unknown>;
    try {
      health = (await probe.request('GET', 'health', undefined, 10_000)).json as Record<string, unknown>;
    } finally {
      probe.close();
    }
    const protocol = serverProtocol(health ?? {});
    if (protocol === 'ours') {
      this.target = new RemoteSandbox({ baseUrl: url, token, maxAttempts: this.settings.max_retries, maxRetryingDelaySec: this.settings.max_retrying_delay, maxSockets: this.settings.judge_worker_num, log: this.log });
      return;
    }
    if (protocol !== 'ms-enclave') throw new Error(`its /health answer is neither this project's sandbox server nor ms-enclave's: ${JSON.stringify(health).slice(0, 200)}`);
    const enclave = new EnclaveSandbox({
      baseUrl: url, apiKey: token, sandboxes: this.remote.poolSize ?? this.settings.judge_worker_num, memoryMb: this.settings.sandbox_memory_mb,
      image: this.settings.sandbox_image, maxAttempts: this.settings.max_retries, maxRetryingDelaySec: this.settings.max_retrying_delay, log: this.log,
    });
    this.target = enclave;
    await enclave.start();
    this.log(`Sandbox: ${enclave.description} (ms-enclave's protocol)`);
  }

  execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult> {
    if (!this.target) return Promise.reject(new Error('the remote sandbox was not checked before use'));
    return this.target.execute(request, signal);
  }

  async close(): Promise<void> {
    const target = this.target;
    this.target = undefined;
    if (target) await target.close();
  }
}

export function createRunSandbox(settings: SandboxSettings, log: (line: string) => void = () => undefined): RunSandbox {
  const remote = remoteTarget(settings);
  let inner: SandboxExecutor;
  let description: string;
  let close = async () => undefined as void;
  let server: RemoteServer | undefined;
  if (remote) {
    server = new RemoteServer(remote, settings, log);
    inner = server;
    description = `remote sandbox ${remote.url}`;
    close = () => server!.close();
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
      if (server) {
        try {
          await server.connect();
        } catch (err) {
          throw new UsageError(`sandbox server ${remote!.url} is not usable: ${(err as Error).message}. Start one with: tsx scripts/sandbox_server.ts --port 1234 (or ms-enclave server)`);
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
