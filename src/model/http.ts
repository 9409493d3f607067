// One keep-alive HTTP client per run. It sits on our own small HTTP/1.1 pool (http1-pool.ts): the openai SDK's
// per-request overhead (fetch, retries, stream wrappers) held throughput to about half the target on 2 cores,
// and node:http's request/response objects were most of what was left (see http1-pool.ts for the figures).
import http from 'node:http';
import { Http1Pool, ConnectionFailure, type BodyPieces, type PendingResponse, type RawResponse } from './http1-pool.ts';
import { SseDecoder } from './sse.ts';

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

/**
 * HTTP 200 whose body is not an answer: no choices[0], no message. A server or gateway fault, retried under the
 * retry policy; after the last attempt it is the item's error.
 */
export class MalformedAnswerError extends Error {
  override name = 'MalformedAnswerError';
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

type ErrorBody = { message?: unknown; object?: unknown; code?: unknown; type?: unknown; status?: unknown; error?: { message?: unknown; code?: unknown; type?: unknown; status?: unknown } | string };

/** The message of an error object: vLLM's {"message": ...} or OpenAI's {"error": {"message": ...}} or {"error": "..."}. */
function errorBodyMessage(parsed: ErrorBody): string | undefined {
  if (typeof parsed.message === 'string') return parsed.message;
  if (typeof parsed.error === 'string') return parsed.error;
  if (typeof parsed.error?.message === 'string') return parsed.error.message;
  return undefined;
}

/** A short, safe description of an error body, else of the text. */
function errorMessageFromBody(status: number, body: string): string {
  try {
    const msg = errorBodyMessage(JSON.parse(body) as ErrorBody);
    if (msg) return `HTTP ${status}: ${msg.slice(0, 500)}`;
  } catch {
    /* not JSON */
  }
  return `HTTP ${status}: ${body.slice(0, 200) || http.STATUS_CODES[status] || 'error'}`;
}

/** Error types some servers send without a numeric code, and the status each stands for. */
const STATUS_OF_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  badrequesterror: 400,
  authentication_error: 401,
  unauthorized: 401,
  permission_error: 403,
  not_found_error: 404,
  notfounderror: 404,
  rate_limit_error: 429,
  ratelimiterror: 429,
  overloaded_error: 503,
};

function statusOf(code: unknown): number | undefined {
  const n = typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code.trim()) ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : undefined;
}

/**
 * An error object in a body that came with HTTP 200 ({"object": "error", ...} as vLLM streams it, or
 * {"error": {...}} as gateways send it), as the ApiError its own code or type stands for; a fault without
 * either counts as a 500 (retried). Undefined when the body is not an error object.
 */
export function errorInBody(json: unknown, headers: http.IncomingHttpHeaders = {}): ApiError | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const body = json as ErrorBody;
  const isError = body.object === 'error' || (body.error !== undefined && body.error !== null && !('choices' in body));
  if (!isError) return undefined;
  const inner = typeof body.error === 'object' && body.error !== null ? body.error : undefined;
  const type = String(inner?.type ?? body.type ?? '').toLowerCase();
  const status = statusOf(body.code) ?? statusOf(inner?.code) ?? statusOf(inner?.status) ?? statusOf(body.status) ?? STATUS_OF_TYPE[type] ?? 500;
  const message = (errorBodyMessage(body) ?? 'an error object without a message').slice(0, 500);
  return new ApiError(status, headers, JSON.stringify(json).slice(0, 2000), `HTTP 200 carried an error (${status}${type ? ` ${type}` : ''}): ${message}`);
}

export interface StreamOptions {
  /** The whole attempt, as request()'s timeout. */
  timeoutMs: number;
  /** No bytes for this long, the wait for the first one included, fails the attempt as a TimeoutError. */
  idleTimeoutMs: number;
  signal?: AbortSignal;
  /** Each server-sent event's data, in order; a throw ends the attempt with that error. */
  onEvent: (data: string) => void;
}

/** A streamed request's end: `streamed` false when the server ignored `stream` and sent one JSON body. */
export type StreamedResponse = { streamed: true; status: number; headers: http.IncomingHttpHeaders } | ({ streamed: false } & JsonResponse);

/** A request body already encoded (an image request's pieces, its JSON text once for every attempt). */
export class EncodedBody {
  constructor(readonly payload: string | BodyPieces) {}
}

function encode(body: unknown): string | BodyPieces {
  return body instanceof EncodedBody ? body.payload : JSON.stringify(body);
}

export class HttpClient {
  private readonly pool: Http1Pool;
  private readonly base: URL;
  private readonly baseHeaders: Record<string, string>;
  /** baseHeaders plus the JSON content type: one object for every request with a body (the pool caches its text). */
  private readonly jsonHeaders: Record<string, string>;
  /** jsonHeaders asking for server-sent events (--stream). */
  private readonly streamHeaders: Record<string, string>;
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
    this.streamHeaders = { ...this.jsonHeaders, accept: 'text/event-stream' };
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

  request(method: 'GET' | 'POST' | 'DELETE', endpoint: string, body: unknown, timeoutMs: number, signal?: AbortSignal): Promise<JsonResponse> {
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled before sending'));
    const payload = body === undefined ? undefined : encode(body);
    const headers = payload === undefined ? this.baseHeaders : this.jsonHeaders;
    return this.supervise(this.pool.send({ method, path: this.path(endpoint), headers, body: payload }), timeoutMs, signal, toJsonResponse);
  }

  /**
   * Settles a request: its timeout, its cancellation by the run's signal, and the pool's connection failures as
   * ConnectionError. The timeout counts from the moment the request is handed to a connection, never while an
   * item waits in the run's queue (the pool has as many connections as the run has slots, so it does not queue).
   */
  private supervise<T>(pending: PendingResponse, timeoutMs: number, signal: AbortSignal | undefined, done: (raw: RawResponse) => T, cleanup?: () => void): Promise<T> {
    const timer = setTimeout(() => pending.abort(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const untrack = this.track(signal, () => pending.abort(new CancelledError('cancelled')));
    return pending.response.then(
      (raw) => {
        clearTimeout(timer);
        untrack();
        cleanup?.();
        return done(raw);
      },
      (err: Error) => {
        clearTimeout(timer);
        untrack();
        cleanup?.();
        if (err instanceof ConnectionFailure) throw new ConnectionError(err.message, err.code);
        throw err;
      },
    );
  }

  /**
   * POSTs a JSON body that asks for a stream and hands each server-sent event to `onEvent` as it arrives. Fails
   * with a TimeoutError when the whole attempt takes longer than timeoutMs, or when no byte arrives for
   * idleTimeoutMs (a stalled server or a proxy that holds the connection open).
   */
  stream(endpoint: string, body: unknown, options: StreamOptions): Promise<StreamedResponse> {
    const { signal, onEvent, idleTimeoutMs } = options;
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled before sending'));
    const decoder = new SseDecoder();
    let lastBytesAt = performance.now();
    const pending = this.pool.send({
      method: 'POST',
      path: this.path(endpoint),
      headers: this.streamHeaders,
      body: encode(body),
      onBody: (piece) => decoder.push(piece, onEvent),
      onBytes: () => {
        lastBytesAt = performance.now();
      },
    });
    // One timer per attempt, re-armed for the quiet time left, instead of a clearTimeout/setTimeout per chunk.
    let idleTimer: NodeJS.Timeout;
    const checkIdle = () => {
      const quietMs = performance.now() - lastBytesAt;
      if (quietMs >= idleTimeoutMs) pending.abort(new TimeoutError(`no bytes for ${Math.round(idleTimeoutMs / 1000)} s (--stream_idle_timeout)`));
      else idleTimer = setTimeout(checkIdle, idleTimeoutMs - quietMs);
    };
    idleTimer = setTimeout(checkIdle, idleTimeoutMs);
    return this.supervise(
      pending,
      options.timeoutMs,
      signal,
      (raw): StreamedResponse => {
        const { status, headers } = raw;
        if (status < 300 && /text\/event-stream/i.test(headers['content-type'] ?? '')) {
          decoder.end(onEvent);
          return { streamed: true, status, headers };
        }
        return { streamed: false, ...toJsonResponse(raw) };
      },
      () => clearTimeout(idleTimer),
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
