// A client of ms-enclave's sandbox server (`ms-enclave server`, or ours, which speaks it too): what EvalScope
// users point `sandbox_manager_config={'base_url': ...}` at. It makes docker sandboxes with no network and the
// run's memory (through the server's pool when it has one and the pool really holds sandboxes: a pool that
// failed still answers 200, with pool_size 0), runs each execution as one python_executor call (see
// enclave-protocol.ts for why one), sends X-API-Key when a key is given, and deletes every sandbox it made
// when the run ends, interrupted or not. A sandbox the server lost (404) is made again, once per execution.
import { ApiError, HttpClient } from '../model/http.ts';
import { AttemptsFailed, withRetries } from '../model/retry-policy.ts';
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';
import { refuseMounts } from './remote.ts';
import { executionProgram, resultFromTool, toolTimeoutSec, type EnclaveToolResult } from './enclave-protocol.ts';

export interface EnclaveSandboxOptions {
  baseUrl: string;
  apiKey?: string;
  /** Sandboxes to make (the pool's size): as many as executions run at once. */
  sandboxes: number;
  /** Each sandbox's memory_limit. */
  memoryMb: number;
  image: string;
  maxAttempts: number;
  maxRetryingDelaySec: number;
  log?: (line: string) => void;
}

/** The HTTP status of a failed call (the retry policy wraps the server's answer). */
function statusOf(err: unknown): number | undefined {
  const last = err instanceof AttemptsFailed ? err.lastError : err;
  return last instanceof ApiError ? last.status : undefined;
}

/** Time allowed beyond the program's own limit: the tool's slack, queueing in the server, transfer. */
const TRANSPORT_SLACK_MS = 60_000;

export class EnclaveSandbox implements SandboxExecutor {
  private readonly http: HttpClient;
  /** Every sandbox this client made (deleted at close). */
  private readonly made = new Set<string>();
  private readonly free: string[] = [];
  private readonly waiting: ((id: string) => void)[] = [];
  private creating = 0;
  private pooled = false;
  private closed = false;

  constructor(private readonly options: EnclaveSandboxOptions) {
    this.http = new HttpClient({ baseUrl: options.baseUrl.replace(/\/+$/, '') + '/', maxSockets: Math.max(4, options.sandboxes + 2), headers: options.apiKey ? { 'x-api-key': options.apiKey } : {} });
  }

  get description(): string {
    return `ms-enclave sandbox server ${this.options.baseUrl}${this.pooled ? ` (its pool of ${this.made.size})` : ''}`;
  }

  /** The docker sandbox config sent: only the fields ms-enclave's DockerSandboxConfig knows. */
  private sandboxConfig(): Record<string, unknown> {
    return {
      image: this.options.image,
      tools_config: { python_executor: {}, shell_executor: {} },
      network_enabled: false,
      memory_limit: `${this.options.memoryMb}m`,
      cpu_limit: 1.0,
    };
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', endpoint: string, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
    const { value } = await withRetries(async () => (await this.http.request(method, endpoint, body, timeoutMs, signal)).json, {
      maxAttempts: this.options.maxAttempts,
      maxDelaySec: this.options.maxRetryingDelaySec,
      signal,
      onRetry: ({ attempt, error, delayMs }) => this.options.log?.(`ms-enclave ${endpoint}: attempt ${attempt} failed (${(error as Error).message}); retrying in ${(delayMs / 1000).toFixed(1)} s`),
    });
    return value;
  }

  /** Makes the pool, or (a server without one, or one that made none) prepares to make sandboxes one by one. */
  async start(): Promise<void> {
    try {
      const answer = (await this.call('POST', `pool/initialize?pool_size=${this.options.sandboxes}&sandbox_type=docker`, this.sandboxConfig(), 300_000)) as { pool_size?: unknown; sandbox_ids?: unknown };
      const ids = Array.isArray(answer.sandbox_ids) ? answer.sandbox_ids.filter((id): id is string => typeof id === 'string') : [];
      for (const id of ids) this.made.add(id);
      if (typeof answer.pool_size === 'number' && answer.pool_size > 0 && ids.length > 0) {
        this.pooled = true;
        return;
      }
      this.options.log?.(`ms-enclave ${this.options.baseUrl}: its pool holds no sandbox (pool_size ${String(answer.pool_size)}); making sandboxes one by one`);
    } catch (err) {
      const status = statusOf(err);
      if (status !== 404 && status !== 405 && status !== 422) throw err;
    }
    // Made now, so that a server that cannot make one says so before any model request.
    this.free.push(await this.create());
  }

  private async create(signal?: AbortSignal): Promise<string> {
    const answer = (await this.call('POST', 'sandbox/create?sandbox_type=docker', this.sandboxConfig(), 300_000, signal)) as { sandbox_id?: unknown };
    if (typeof answer.sandbox_id !== 'string') throw new Error(`ms-enclave /sandbox/create answered without a sandbox_id: ${JSON.stringify(answer).slice(0, 200)}`);
    this.made.add(answer.sandbox_id);
    return answer.sandbox_id;
  }

  /** A sandbox for one execution: a free one, a new one while fewer than `sandboxes` exist, else the next freed. */
  private async acquire(signal?: AbortSignal): Promise<string> {
    const free = this.free.pop();
    if (free !== undefined) return free;
    if (this.made.size + this.creating < this.options.sandboxes) {
      this.creating++;
      try {
        return await this.create(signal);
      } finally {
        this.creating--;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(id: string): void {
    if (!this.made.has(id)) return;
    const next = this.waiting.shift();
    if (next) next(id);
    else this.free.push(id);
  }

  async execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult> {
    refuseMounts(request);
    if (this.closed) throw new Error('the ms-enclave sandbox was closed');
    const parameters = { code: executionProgram(request), timeout: toolTimeoutSec(request) };
    const timeoutMs = request.timeoutMs + TRANSPORT_SLACK_MS;
    const started = performance.now();
    if (this.pooled) {
      const waitSec = Math.ceil(timeoutMs / 1000);
      const result = (await this.call('POST', `pool/execute?tool_name=python_executor&timeout=${waitSec}`, parameters, timeoutMs, signal)) as EnclaveToolResult;
      return resultFromTool(result, performance.now() - started);
    }
    for (let tries = 0; ; tries++) {
      const id = await this.acquire(signal);
      try {
        const result = (await this.call('POST', 'sandbox/tool/execute', { sandbox_id: id, tool_name: 'python_executor', parameters }, timeoutMs, signal)) as EnclaveToolResult;
        this.release(id);
        return resultFromTool(result, performance.now() - started);
      } catch (err) {
        const lost = statusOf(err) === 404;
        if (lost) this.made.delete(id);
        else this.release(id);
        if (!lost || tries > 0) throw err;
        this.options.log?.(`ms-enclave: sandbox ${id} is gone (404); making another`);
      }
    }
  }

  /** GET /health: what the server says about itself. */
  async health(timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return (await this.http.request('GET', 'health', undefined, timeoutMs)).json as Record<string, unknown>;
  }

  /** Deletes every sandbox this client made (pool ones too); the run's end and Ctrl-C both come here. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const ids = [...this.made];
    this.made.clear();
    await Promise.all(
      ids.map((id) =>
        this.http.request('DELETE', `sandbox/${encodeURIComponent(id)}`, undefined, 30_000).catch((err: Error) => {
          this.options.log?.(`ms-enclave: could not delete sandbox ${id} (${err.message}); delete it on the server`);
        }),
      ),
    );
    this.http.close();
  }
}
