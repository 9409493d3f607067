// The sandbox server behind `scripts/sandbox_server.ts`: runs programs for evaluators on other machines.
// GET /health, POST /v1/execute ({files, command, stdin, timeoutMs, memoryMb} → ExecuteResult), a bearer token
// when set, a body size limit, and a bounded queue that answers 429 with Retry-After when full. It also speaks
// ms-enclave's protocol (enclave-server.ts) on the same port, through the same queue and executor.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { SandboxExecutor } from '../../bootcamps/types.ts';
import { executeRequestSchema } from './request-schema.ts';
import { EnclaveRoutes } from './enclave-server.ts';

export interface SandboxServerOptions {
  executor: SandboxExecutor;
  sandboxType: string;
  token?: string;
  /** Executions at once. */
  maxConcurrency: number;
  /** Requests waiting beyond those; more get 429. */
  maxQueue: number;
  maxBodyBytes: number;
  /** ms-enclave's sandboxes: the most memory one execution may have (default 2048 MB), and how many may exist. */
  maxMemoryMb?: number;
  maxSandboxes?: number;
  log?: (line: string) => void;
}

export interface SandboxServerStats {
  running: number;
  queued: number;
  executed: number;
  rejected: number;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

const errorBody = (message: string, type: string) => ({ error: { message, type } });

function keyMatches(given: string | string[] | undefined, token: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  return keyMatches(header?.replace(/^Bearer\s+/i, '') ?? '', token);
}

export function createSandboxServer(options: SandboxServerOptions): { server: http.Server; stats: SandboxServerStats } {
  const stats: SandboxServerStats = { running: 0, queued: 0, executed: 0, rejected: 0 };
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> | undefined => {
    if (stats.running < options.maxConcurrency) {
      stats.running++;
      return Promise.resolve();
    }
    if (waiting.length >= options.maxQueue) return undefined;
    stats.queued++;
    return new Promise((resolve) => waiting.push(() => { stats.queued--; stats.running++; resolve(); }));
  };
  const release = () => {
    stats.running--;
    waiting.shift()?.();
  };

  const enclave = new EnclaveRoutes({
    run: (request, signal) => {
      const slot = acquire();
      if (!slot) {
        stats.rejected++;
        return undefined;
      }
      return slot.then(async () => {
        try {
          const result = await options.executor.execute(request, signal);
          stats.executed++;
          return result;
        } finally {
          release();
        }
      });
    },
    maxMemoryMb: options.maxMemoryMb ?? 2048,
    defaultMemoryMb: Math.min(1024, options.maxMemoryMb ?? 2048),
    maxSandboxes: options.maxSandboxes ?? 1024,
    log: options.log,
  });

  /** The body as JSON (undefined when empty), or an answer already sent (too large, not JSON). */
  const readJson = (req: http.IncomingMessage, res: http.ServerResponse, onBody: (body: unknown) => void, bad: (message: string) => unknown): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, bad(`request body over ${options.maxBodyBytes} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > options.maxBodyBytes && !refused) {
        refused = true;
        res.setHeader('connection', 'close');
        sendJson(res, 413, bad(`request body over ${options.maxBodyBytes} bytes`));
        req.destroy();
      } else if (!refused) chunks.push(c);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return onBody(undefined);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return sendJson(res, 400, bad('body is not JSON'));
      }
      onBody(body);
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/health') {
      // Both protocols' health in one answer: ours (status, sandbox_type) and ms-enclave's (healthy, version, ...).
      return sendJson(res, 200, { status: 'ok', protocol: 'bootcamp-eval', sandbox_type: options.sandboxType, max_concurrency: options.maxConcurrency, running: stats.running, queued: stats.queued, ...enclave.health() });
    }
    if (url.pathname === '/v1/execute') return ourExecute(req, res);
    // ms-enclave's routes, with its X-API-Key (or ?api_key=) when a token is set.
    if (options.token && !tokenMatches(req.headers.authorization, options.token) && !keyMatches(req.headers['x-api-key'] ?? url.searchParams.get('api_key') ?? undefined, options.token)) {
      return sendJson(res, 401, { detail: 'Unauthorized' });
    }
    const abort = new AbortController();
    res.on('close', () => { if (!res.writableFinished) abort.abort(); });
    const answer = (body: unknown) => {
      enclave.handle(req.method ?? 'GET', url.pathname, url.searchParams, body, abort.signal).then(
        (found) => (found ? sendJson(res, found.status, found.body) : sendJson(res, 404, { detail: 'Not Found' })),
        (err: Error) => {
          options.log?.(`ms-enclave route failed: ${err.message}`);
          if (!res.headersSent) sendJson(res, 500, { detail: err.message });
        },
      );
    };
    if (req.method === 'POST' || req.method === 'PUT') readJson(req, res, answer, (message) => ({ detail: message }));
    else answer(undefined);
  });

  /** Our own protocol: POST /v1/execute with a bearer token. */
  const ourExecute = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('use POST', 'method_not_allowed'), { allow: 'POST' });
    if (options.token && !tokenMatches(req.headers.authorization, options.token)) {
      return sendJson(res, 401, errorBody('missing or wrong bearer token', 'unauthorized'));
    }
    readJson(req, res, async (body) => {
      const parsed = executeRequestSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendJson(res, 400, errorBody(`${issue.path.join('.') || 'body'}: ${issue.message}`, 'invalid_request'));
      }
      const slot = acquire();
      if (!slot) {
        stats.rejected++;
        return sendJson(res, 429, errorBody('sandbox queue is full', 'overloaded'), { 'retry-after': '1' });
      }
      await slot;
      // A client that gave up (timeout, Ctrl-C) should not keep a worker busy.
      const abort = new AbortController();
      res.on('close', () => { if (!res.writableFinished) abort.abort(); });
      try {
        const result = await options.executor.execute(parsed.data, abort.signal);
        stats.executed++;
        sendJson(res, 200, result);
      } catch (err) {
        options.log?.(`execute failed: ${(err as Error).message}`);
        if (!res.headersSent) sendJson(res, 500, errorBody(`sandbox failed: ${(err as Error).message}`, 'sandbox_error'));
      } finally {
        release();
      }
    }, (message) => errorBody(message, message.startsWith('request body over') ? 'too_large' : 'invalid_request'));
  };
  return { server, stats };
}
