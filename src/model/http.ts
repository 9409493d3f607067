// One keep-alive HTTP client per run. It sits on our own small HTTP/1.1 pool (http1-pool.ts): the openai SDK's
// per-request overhead (fetch, retries, stream wrappers) held throughput to about half the target on 2 cores,
// and node:http's request/response objects were most of what was left (see http1-pool.ts for the figures).
import http from 'node:http';
import { Http1Pool, ConnectionFailure, type RawResponse } from './http1-pool.ts';

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
  private readonly pool: Http1Pool;
  private readonly base: URL;
  private readonly baseHeaders: Record<string, string>;
  /** baseHeaders plus the JSON content type: one object for every request with a body (the pool caches its text). */
  private readonly jsonHeaders: Record<string, string>;
  private readonly endpointPaths = new Map<string, string>();
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
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new Error(`unsupported URL scheme: ${this.base.protocol}`);
    this.pool = new Http1Pool({ origin: this.base, maxSockets: options.maxSockets });
    this.baseHeaders = { accept: 'application/json', 'user-agent': 'bootcamp-eval', ...lowerCaseKeys(options.headers ?? {}) };
    if (options.apiKey && options.apiKey !== 'EMPTY') this.baseHeaders.authorization = `Bearer ${options.apiKey}`;
    this.jsonHeaders = { ...this.baseHeaders, 'content-type': 'application/json' };
  }

  /** URL of an endpoint relative to the base, e.g. "chat/completions". */
  url(endpoint: string): URL {
    return new URL(endpoint.replace(/^\//, ''), this.base);
  }

  private path(endpoint: string): string {
    let found = this.endpointPaths.get(endpoint);
    if (found === undefined) {
      const url = this.url(endpoint);
      found = url.pathname + url.search;
      this.endpointPaths.set(endpoint, found);
    }
    return found;
  }

  request(method: 'GET' | 'POST', endpoint: string, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<JsonResponse> {
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled before sending'));
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = payload === undefined ? this.baseHeaders : this.jsonHeaders;
    const pending = this.pool.send({ method, path: this.path(endpoint), headers, body: payload });
    // The timeout counts from the moment the request is handed to a connection, never while an item waits in
    // the run's queue (the pool has as many connections as the run has slots, so it does not queue).
    const timer = setTimeout(() => pending.abort(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const untrack = this.track(signal, () => pending.abort(new CancelledError('cancelled')));
    return pending.response.then(
      (raw) => {
        clearTimeout(timer);
        untrack();
        return toJsonResponse(raw);
      },
      (err: Error) => {
        clearTimeout(timer);
        untrack();
        if (err instanceof ConnectionFailure) throw new ConnectionError(err.message, err.code);
        throw err;
      },
    );
  }

  /** Opens up to `count` keep-alive connections ahead of the first requests (see Http1Pool.warm). */
  warm(count: number): Promise<void> {
    return this.pool.warm(count);
  }

  close(): void {
    this.pool.close();
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // A header value with a line break would let a config file inject headers or a second request.
    if (/[\r\n]/.test(value) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new Error(`invalid HTTP header: ${JSON.stringify(name)}`);
    out[name.toLowerCase()] = value;
  }
  return out;
}

function toJsonResponse(raw: RawResponse): JsonResponse {
  const text = raw.body.toString('utf8');
  const { status, headers } = raw;
  if (status >= 400) throw new ApiError(status, headers, text, errorMessageFromBody(status, text));
  try {
    return { status, headers, json: JSON.parse(text) };
  } catch {
    throw new ConnectionError(`HTTP ${status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
}
