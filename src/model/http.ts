// One keep-alive HTTP client per run, on node:http directly: the openai SDK's per-request overhead (fetch,
// retries, stream wrappers) held throughput to about half the target on 2 cores, and we need none of it.
import http from 'node:http';
import https from 'node:https';

/** The server answered with a status ≥ 400. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly headers: http.IncomingHttpHeaders,
    readonly body: string,
    message: string,
  ) {
    super(message);
  }
}

/** No usable answer arrived: refused, reset, DNS, a body that is not JSON. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The attempt took longer than its timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** The run was interrupted while the request was in flight. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Sent as a bearer token unless "EMPTY" (vLLM's convention for "no key"). */
  apiKey?: string;
  headers?: Readonly<Record<string, string>>;
  maxSockets: number;
}

export interface JsonResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: unknown;
}

/** A short, safe description of an error body: vLLM's {"message": ...} or {"error": {"message": ...}}, else text. */
function errorMessageFromBody(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } | string };
    const msg =
      typeof parsed.message === 'string'
        ? parsed.message
        : typeof parsed.error === 'string'
          ? parsed.error
          : typeof parsed.error?.message === 'string'
            ? parsed.error.message
            : undefined;
    if (msg) return `HTTP ${status}: ${msg.slice(0, 500)}`;
  } catch {
    /* not JSON */
  }
  return `HTTP ${status}: ${body.slice(0, 200) || http.STATUS_CODES[status] || 'error'}`;
}

export class HttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  private readonly transport: typeof http | typeof https;
  private readonly baseHeaders: Record<string, string>;
  private readonly endpointUrls = new Map<string, URL>();
  /**
   * Requests in flight per cancellation signal. One listener per signal cancels them all: adding and removing
   * a listener on the run's signal for every request showed in the profile (EventTarget is not cheap).
   */
  private readonly cancellers = new WeakMap<AbortSignal, Set<() => void>>();

  private track(signal: AbortSignal | undefined, cancel: () => void): () => void {
    if (!signal) return () => undefined;
    let set = this.cancellers.get(signal);
    if (!set) {
      const created = new Set<() => void>();
      set = created;
      this.cancellers.set(signal, created);
      signal.addEventListener('abort', () => {
        for (const c of [...created]) c();
      }, { once: true });
    }
    set.add(cancel);
    return () => set.delete(cancel);
  }

  constructor(options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/');
    const isHttps = this.base.protocol === 'https:';
    this.transport = isHttps ? https : http;
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
    this.agent = isHttps ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.baseHeaders = { accept: 'application/json', ...options.headers };
    if (options.apiKey && options.apiKey !== 'EMPTY') this.baseHeaders.authorization = `Bearer ${options.apiKey}`;
  }

  /** URL of an endpoint relative to the base, e.g. "chat/completions". */
  url(endpoint: string): URL {
    let url = this.endpointUrls.get(endpoint);
    if (!url) {
      url = new URL(endpoint.replace(/^\//, ''), this.base);
      this.endpointUrls.set(endpoint, url);
    }
    return url;
  }

  request(method: 'GET' | 'POST', endpoint: string, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<JsonResponse> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError('cancelled before sending'));
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
      const headers: Record<string, string | number> = { ...this.baseHeaders };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        untrack();
        fn();
      };
      const req = this.transport.request(this.url(endpoint), { method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => finish(() => reject(new ConnectionError(`response interrupted: ${err.message}`, (err as NodeJS.ErrnoException).code))));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 400) return finish(() => reject(new ApiError(status, res.headers, text, errorMessageFromBody(status, text))));
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            return finish(() => reject(new ConnectionError(`HTTP ${status} with a body that is not JSON: ${text.slice(0, 120)}`)));
          }
          finish(() => resolve({ status, headers: res.headers, json }));
        });
      });
      // The timeout counts from the moment the request is sent, never while an item waits in the queue.
      const timer = setTimeout(() => {
        finish(() => reject(new TimeoutError(`no answer within ${timeoutMs} ms`)));
        req.destroy();
      }, timeoutMs);
      const untrack = this.track(signal, () => {
        finish(() => reject(new CancelledError('cancelled')));
        req.destroy();
      });
      req.on('error', (err: NodeJS.ErrnoException) => finish(() => reject(new ConnectionError(err.message, err.code))));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
