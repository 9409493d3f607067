// The sandbox server behind `scripts/sandbox_server.ts`: runs programs for evaluators on other machines.
// GET /health, POST /v1/execute ({files, command, stdin, timeoutMs, memoryMb} → ExecuteResult), a bearer token
// when set, a body size limit, and a bounded queue that answers 429 with Retry-After when full.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { SandboxExecutor } from '../../bootcamps/types.ts';
import { executeRequestSchema } from './request-schema.ts';

export interface SandboxServerOptions {
  executor: SandboxExecutor;
  sandboxType: string;
  token?: string;
  /** Executions at once. */
  maxConcurrency: number;
  /** Requests waiting beyond those; more get 429. */
  maxQueue: number;
  maxBodyBytes: number;
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

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
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

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/health') {
      return sendJson(res, 200, { status: 'ok', sandbox_type: options.sandboxType, max_concurrency: options.maxConcurrency, running: stats.running, queued: stats.queued });
    }
    if (url.pathname !== '/v1/execute') return sendJson(res, 404, errorBody(`no route ${req.method} ${url.pathname}`, 'not_found'));
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('use POST', 'method_not_allowed'), { allow: 'POST' });
    if (options.token && !tokenMatches(req.headers.authorization, options.token)) {
      return sendJson(res, 401, errorBody('missing or wrong bearer token', 'unauthorized'));
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBodyBytes) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, errorBody(`request body over ${options.maxBodyBytes} bytes`, 'too_large'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > options.maxBodyBytes && !refused) {
        refused = true;
        res.setHeader('connection', 'close');
        sendJson(res, 413, errorBody(`request body over ${options.maxBodyBytes} bytes`, 'too_large'));
        req.destroy();
      } else if (!refused) chunks.push(c);
    });
    req.on('end', async () => {
      if (refused) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, errorBody('body is not JSON', 'invalid_request'));
      }
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
    });
  });
  return { server, stats };
}
