// The remote sandbox: a client of scripts/sandbox_server.ts (POST /v1/execute). Transport failures, 429 and
// 5xx are retried with the project's one retry policy; the program's own failure is a result, not an error.
import { HttpClient } from '../model/http.ts';
import { withRetries } from '../model/retry-policy.ts';
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';

export interface RemoteSandboxOptions {
  baseUrl: string;
  token?: string;
  maxAttempts: number;
  maxRetryingDelaySec: number;
  /** Concurrent connections; the server queues beyond its own limit. */
  maxSockets?: number;
  log?: (line: string) => void;
}

/** Time allowed for the server's answer beyond the program's own limit (queueing, start-up, transfer). */
const TRANSPORT_SLACK_MS = 60_000;

/** A program that needs this machine's files (SciCode's test_data.h5) cannot run on another machine. */
export function refuseMounts(request: ExecuteRequest): void {
  if (request.mounts?.length) throw new Error(`a remote sandbox cannot see this machine's files (${request.mounts.map((m) => m.host).join(', ')}); run this with a local sandbox (--sandbox_type bwrap or docker)`);
}

export class RemoteSandbox implements SandboxExecutor {
  private readonly http: HttpClient;
  constructor(private readonly options: RemoteSandboxOptions) {
    this.http = new HttpClient({ baseUrl: options.baseUrl, apiKey: options.token, maxSockets: options.maxSockets ?? 16 });
  }

  get url(): string {
    return this.http.url('v1/execute').toString();
  }

  async execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult> {
    refuseMounts(request);
    const { value } = await withRetries(
      async () => (await this.http.request('POST', 'v1/execute', request, request.timeoutMs + TRANSPORT_SLACK_MS, signal)).json as ExecuteResult,
      {
        maxAttempts: this.options.maxAttempts,
        maxDelaySec: this.options.maxRetryingDelaySec,
        signal,
        onRetry: ({ attempt, error, delayMs }) => this.options.log?.(`sandbox ${this.url}: attempt ${attempt} failed (${(error as Error).message}); retrying in ${(delayMs / 1000).toFixed(1)} s`),
      },
    );
    return value;
  }

  /** GET /health: what the server says about itself. */
  async health(timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return (await this.http.request('GET', 'health', undefined, timeoutMs)).json as Record<string, unknown>;
  }

  close(): void {
    this.http.close();
  }
}
