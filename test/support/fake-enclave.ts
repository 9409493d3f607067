// A stand-in for `ms-enclave server`, built from the shapes of its routes (sandbox/server/server.py and its
// models): /health as HealthCheckResult, sandboxes created from a query's sandbox_type and a JSON config, tools
// executed by ToolExecutionRequest, the pool routes, {"detail": ...} errors, X-API-Key auth, and its quirks (an
// unknown tool parameter is a 500; a pool that failed answers 200 with pool_size 0); --forget-after N loses
// every sandbox once, as a restarted server would. python_executor runs the
// code with the host's python3 (a test fixture, not a sandbox). Every request is logged as a JSON line to
// --log, so tests see what our client sent. Run as a process: node --import tsx test/support/fake-enclave.ts.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import minimist from 'minimist';
import type { AddressInfo } from 'node:net';

const args = minimist(process.argv.slice(2), { string: ['port', 'api-key', 'log', 'pool', 'slow-ms', 'forget-after'] });
const apiKey = args['api-key'] as string | undefined;
const logFile = args.log as string | undefined;
/** ok: the pool works; fails: 200 with pool_size 0; absent: the routes do not exist (an older server). */
const poolMode = (args.pool as string | undefined) ?? 'ok';
const slowMs = Number(args['slow-ms'] ?? 0);
/** After this many tool executions every sandbox is forgotten once (a restarted server): later calls get 404. */
let forgetAfter = args['forget-after'] === undefined ? Infinity : Number(args['forget-after']);
let executions = 0;
const sandboxes = new Map<string, { config: unknown; created: string }>();
let pool: string[] = [];

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function runPython(code: string, timeoutSec: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-enclave-'));
  const script = path.join(dir, `exec_script_${randomUUID()}.py`);
  writeFileSync(script, code);
  return new Promise((resolve) => {
    const child = spawn('python3', [script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSec * 1000);
    child.on('close', (exit) => {
      clearTimeout(timer);
      const status = timedOut ? 'timeout' : exit === 0 ? 'success' : 'error';
      resolve({ tool_name: 'python_executor', status, output: out, error: err || null, metadata: {}, timestamp: new Date().toISOString() });
    });
  });
}

async function tool(name: string, parameters: Record<string, unknown>): Promise<[number, unknown]> {
  if (name !== 'python_executor') return [404, { detail: `Tool ${name} is not available` }];
  const extra = Object.keys(parameters).find((k) => k !== 'code' && k !== 'timeout');
  if (extra) return [500, { detail: `PythonExecutor.execute() got an unexpected keyword argument '${extra}'` }];
  if (slowMs > 0) await new Promise((r) => setTimeout(r, slowMs));
  return [200, await runPython(String(parameters.code), typeof parameters.timeout === 'number' ? parameters.timeout : 30)];
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    if (logFile) appendFileSync(logFile, JSON.stringify({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), api_key: req.headers['x-api-key'] ?? null, body }) + '\n');
    if (apiKey && req.headers['x-api-key'] !== apiKey && url.searchParams.get('api_key') !== apiKey) return send(res, 401, { detail: 'Unauthorized' });
    const p = url.pathname;
    if (req.method === 'GET' && p === '/health') return send(res, 200, { healthy: true, version: '1.0.0', uptime: 1, active_sandboxes: sandboxes.size, system_info: {} });
    if (req.method === 'POST' && p === '/sandbox/create') {
      if (!url.searchParams.get('sandbox_type')) return send(res, 422, { detail: [{ loc: ['query', 'sandbox_type'], msg: 'Field required' }] });
      const id = randomUUID().slice(0, 8);
      sandboxes.set(id, { config: body ?? {}, created: new Date().toISOString() });
      return send(res, 200, { sandbox_id: id });
    }
    if (req.method === 'POST' && p === '/sandbox/tool/execute') {
      const b = body as { sandbox_id?: string; tool_name?: string; parameters?: Record<string, unknown> };
      if (++executions > forgetAfter) {
        forgetAfter = Infinity;
        sandboxes.clear();
      }
      if (!b?.sandbox_id || !sandboxes.has(b.sandbox_id)) return send(res, 404, { detail: `Sandbox ${b?.sandbox_id} not found` });
      const [status, answer] = await tool(String(b.tool_name), b.parameters ?? {});
      return send(res, status, answer);
    }
    if (p.startsWith('/pool/') && poolMode === 'absent') return send(res, 404, { detail: 'Not Found' });
    if (req.method === 'POST' && p === '/pool/initialize') {
      const size = poolMode === 'fails' ? 0 : Number(url.searchParams.get('pool_size') ?? 0);
      const ids = Array.from({ length: size }, () => randomUUID().slice(0, 8));
      for (const id of ids) sandboxes.set(id, { config: body ?? {}, created: new Date().toISOString() });
      pool.push(...ids);
      return send(res, 200, { message: 'Pool initialized successfully', pool_size: ids.length, sandbox_ids: ids });
    }
    if (req.method === 'POST' && p === '/pool/execute') {
      if (pool.length === 0) return send(res, 400, { detail: 'Sandbox pool is empty, call initialize_pool first' });
      const [status, answer] = await tool(String(url.searchParams.get('tool_name')), body ?? {});
      return send(res, status, answer);
    }
    const m = /^\/sandbox\/([^/]+)$/.exec(p);
    if (m && req.method === 'DELETE') {
      if (!sandboxes.delete(m[1])) return send(res, 404, { detail: 'Sandbox not found' });
      pool = pool.filter((id) => id !== m[1]);
      return send(res, 200, { message: 'Sandbox deleted successfully' });
    }
    if (m && req.method === 'GET') {
      const s = sandboxes.get(m[1]);
      return s ? send(res, 200, { id: m[1], status: 'running', type: 'docker', config: s.config, created_at: s.created, updated_at: s.created, metadata: {}, available_tools: { python_executor: {} } }) : send(res, 404, { detail: 'Sandbox not found' });
    }
    if (req.method === 'GET' && p === '/sandboxes') return send(res, 200, [...sandboxes.keys()].map((id) => ({ id, status: 'running', type: 'docker' })));
    send(res, 404, { detail: 'Not Found' });
  });
});

server.listen(Number(args.port ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
