// ms-enclave's routes on our sandbox server, so that EvalScope (and any client of ms-enclave's HTTP manager)
// can run its code here, in bubblewrap, without Docker: sandboxes created, listed, described, stopped and
// deleted; its tools (python_executor, shell_executor, multi_code_executor for python and bash, file_operation)
// run through this server's executor and its queue; a pool. Answers have ms-enclave's shapes and status codes,
// quirks included (an unknown tool parameter is a 500, as the Python TypeError is there). What a client asks
// never loosens our limits: no network whatever `network_enabled` says, memory capped by the server's own
// maximum, `image` ignored (the sandbox is the server's). A sandbox's files (file_operation) live in the
// server's memory and are placed in each of its executions; what a program writes is gone after it.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ExecuteRequest, ExecuteResult } from '../../bootcamps/types.ts';
import { ENCLAVE_TOOLS, memoryLimitMb, toolExecutionRequestSchema, type EnclaveStatus, type EnclaveToolResult } from './enclave-protocol.ts';

export interface EnclaveRoutesOptions {
  /** Runs one program through the server's executor and queue; undefined when the queue is full. */
  run(request: ExecuteRequest, signal: AbortSignal): Promise<ExecuteResult> | undefined;
  /** The most memory one execution may have, whatever a sandbox's config asks. */
  maxMemoryMb: number;
  /** Memory when a sandbox's config names none. */
  defaultMemoryMb: number;
  maxSandboxes: number;
  log?: (line: string) => void;
}

interface Sandbox {
  id: string;
  type: string;
  status: 'running' | 'stopped';
  config: Record<string, unknown>;
  tools: Set<string>;
  memoryMb: number;
  files: Map<string, string>;
  fileBytes: number;
  created_at: string;
  updated_at: string;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
}

const WORKDIR = '/sandbox';
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const detail = (status: number, text: string): RouteAnswer => ({ status, body: { detail: text } });
const isAnswer = (x: Sandbox | RouteAnswer): x is RouteAnswer => 'body' in x;
/** FastAPI's 422 for a missing or malformed parameter. */
const invalid = (loc: string[], msg: string): RouteAnswer => ({ status: 422, body: { detail: [{ type: 'missing', loc, msg, input: null }] } });

export class EnclaveRoutes {
  private readonly sandboxes = new Map<string, Sandbox>();
  private pool: string[] = [];
  private poolNext = 0;
  private warnedImage = false;
  private readonly startedAt = Date.now();

  constructor(private readonly options: EnclaveRoutesOptions) {}

  /** The ms-enclave half of GET /health (HealthCheckResult). */
  health(): Record<string, unknown> {
    return { healthy: true, version: '1.0.0', uptime: (Date.now() - this.startedAt) / 1000, active_sandboxes: this.sandboxes.size, system_info: this.stats() };
  }

  private stats(): Record<string, unknown> {
    const statusCounts: Record<string, number> = {};
    for (const s of this.sandboxes.values()) statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1;
    return {
      manager_type: 'local', total_sandboxes: this.sandboxes.size, status_counts: statusCounts, sandbox_types: this.sandboxes.size ? { docker: this.sandboxes.size } : {},
      running: true, cleanup_interval: null, pool_size: this.pool.length, pool_enabled: this.pool.length > 0, pool_initialized: this.pool.length > 0,
    };
  }

  /** Answers a route of ms-enclave's; undefined when the path is not one. */
  async handle(method: string, pathname: string, query: URLSearchParams, body: unknown, signal: AbortSignal): Promise<RouteAnswer | undefined> {
    const parts = pathname.split('/').filter(Boolean);
    if (method === 'GET' && pathname === '/stats') return { status: 200, body: this.stats() };
    if (method === 'GET' && pathname === '/sandboxes') {
      const status = query.get('status');
      return { status: 200, body: [...this.sandboxes.values()].filter((s) => !status || s.status === status).map((s) => this.info(s)) };
    }
    if (method === 'POST' && pathname === '/sandbox/create') return this.create(query.get('sandbox_type'), body);
    if (method === 'POST' && pathname === '/sandbox/tool/execute') return this.executeTool(body, signal);
    if (method === 'POST' && pathname === '/pool/initialize') return this.initializePool(query, body);
    if (method === 'POST' && pathname === '/pool/execute') return this.executeInPool(query, body, signal);
    if (parts[0] === 'sandbox' && parts.length >= 2) {
      const sandbox = this.sandboxes.get(decodeURIComponent(parts[1]));
      if (method === 'GET' && parts.length === 2) return sandbox ? { status: 200, body: this.info(sandbox) } : detail(404, 'Sandbox not found');
      if (method === 'DELETE' && parts.length === 2) {
        if (!sandbox) return detail(404, 'Sandbox not found');
        this.sandboxes.delete(sandbox.id);
        this.pool = this.pool.filter((id) => id !== sandbox.id);
        return { status: 200, body: { message: 'Sandbox deleted successfully' } };
      }
      if (method === 'POST' && parts.length === 3 && parts[2] === 'stop') {
        if (!sandbox) return detail(404, 'Sandbox not found');
        sandbox.status = 'stopped';
        sandbox.updated_at = new Date().toISOString();
        return { status: 200, body: { message: 'Sandbox stopped successfully' } };
      }
      if (method === 'GET' && parts.length === 3 && parts[2] === 'tools') return sandbox ? { status: 200, body: this.toolSchemas(sandbox) } : detail(404, `Sandbox ${parts[1]} not found`);
      if (parts.length === 3 && parts[2] === 'archive') return detail(501, 'archives are not supported by this server; use file_operation');
    }
    return undefined;
  }

  private info(s: Sandbox): Record<string, unknown> {
    return { id: s.id, status: s.status, type: s.type, config: s.config, created_at: s.created_at, updated_at: s.updated_at, metadata: { server: 'bootcamp-eval', sandbox: 'bwrap', memory_mb: s.memoryMb, network: false }, available_tools: this.toolSchemas(s) };
  }

  private toolSchemas(s: Sandbox): Record<string, unknown> {
    return Object.fromEntries([...s.tools].map((name) => [name, { type: 'function', function: { name, description: ENCLAVE_TOOLS[name].description, parameters: { type: 'object', properties: ENCLAVE_TOOLS[name].parameters, required: ENCLAVE_TOOLS[name].required } } }]));
  }

  private newSandbox(type: string, raw: unknown): Sandbox | RouteAnswer {
    if (this.sandboxes.size >= this.options.maxSandboxes) return detail(400, `this server keeps at most ${this.options.maxSandboxes} sandboxes; delete some first`);
    const config = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const toolsConfig = config.tools_config;
    const named = Array.isArray(toolsConfig) ? toolsConfig.map(String) : toolsConfig && typeof toolsConfig === 'object' ? Object.keys(toolsConfig) : Object.keys(ENCLAVE_TOOLS);
    const unknown = named.filter((t) => !(t in ENCLAVE_TOOLS));
    if (unknown.length > 0) return detail(400, `tools not offered here: ${unknown.join(', ')} (offered: ${Object.keys(ENCLAVE_TOOLS).join(', ')})`);
    if (typeof config.image === 'string' && !this.warnedImage) {
      this.warnedImage = true;
      this.options.log?.(`ms-enclave: sandboxes run in this server's own sandbox; the image asked for (${config.image}) is not used`);
    }
    const asked = memoryLimitMb(config.memory_limit) ?? this.options.defaultMemoryMb;
    const now = new Date().toISOString();
    return {
      id: randomUUID().replaceAll('-', '').slice(0, 12), type, status: 'running',
      // What it asked for, with what it gets written beside: never more memory, never a network.
      config: { ...config, network_enabled: false, memory_limit: `${Math.min(asked, this.options.maxMemoryMb)}m` },
      tools: new Set(named), memoryMb: Math.min(asked, this.options.maxMemoryMb), files: new Map(), fileBytes: 0, created_at: now, updated_at: now,
    };
  }

  private create(type: string | null, body: unknown): RouteAnswer {
    if (!type) return invalid(['query', 'sandbox_type'], 'Field required');
    if (type !== 'docker' && type !== 'docker_notebook' && type !== 'dummy') return { status: 422, body: { detail: [{ type: 'enum', loc: ['query', 'sandbox_type'], msg: "Input should be 'docker', 'docker_notebook', 'volcengine' or 'dummy'", input: type }] } };
    const sandbox = this.newSandbox(type, body);
    if (isAnswer(sandbox)) return sandbox;
    this.sandboxes.set(sandbox.id, sandbox);
    return { status: 200, body: { sandbox_id: sandbox.id } };
  }

  private initializePool(query: URLSearchParams, body: unknown): RouteAnswer {
    const size = Number(query.get('pool_size') ?? 0);
    if (!Number.isInteger(size) || size < 0) return { status: 422, body: { detail: [{ type: 'int_parsing', loc: ['query', 'pool_size'], msg: 'Input should be a valid integer', input: query.get('pool_size') }] } };
    const created: string[] = [];
    for (let i = 0; i < size; i++) {
      const sandbox = this.newSandbox(query.get('sandbox_type') ?? 'docker', body);
      // As ms-enclave's manager: a sandbox that cannot be made is left out, and the answer is still 200.
      if (isAnswer(sandbox)) {
        this.options.log?.(`ms-enclave pool: ${JSON.stringify((sandbox.body as { detail: string }).detail)}`);
        break;
      }
      this.sandboxes.set(sandbox.id, sandbox);
      created.push(sandbox.id);
    }
    this.pool.push(...created);
    return { status: 200, body: { message: 'Pool initialized successfully', pool_size: created.length, sandbox_ids: created } };
  }

  private async executeInPool(query: URLSearchParams, body: unknown, signal: AbortSignal): Promise<RouteAnswer> {
    const tool = query.get('tool_name');
    if (!tool) return invalid(['query', 'tool_name'], 'Field required');
    if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid(['body'], 'Field required');
    if (this.pool.length === 0) return detail(400, 'Sandbox pool is empty, call initialize_pool first');
    // Our executions do not share a sandbox's state, so any pooled sandbox serves; the server's queue bounds them.
    const sandbox = this.sandboxes.get(this.pool[this.poolNext++ % this.pool.length])!;
    return this.runTool(sandbox, tool, body as Record<string, unknown>, signal);
  }

  private async executeTool(body: unknown, signal: AbortSignal): Promise<RouteAnswer> {
    const parsed = toolExecutionRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { status: 422, body: { detail: [{ type: 'value_error', loc: ['body', ...issue.path.map(String)], msg: issue.message, input: null }] } };
    }
    const sandbox = this.sandboxes.get(parsed.data.sandbox_id);
    if (!sandbox) return detail(404, `Sandbox ${parsed.data.sandbox_id} not found`);
    if (sandbox.status !== 'running') return detail(404, `Sandbox ${sandbox.id} is not running`);
    return this.runTool(sandbox, parsed.data.tool_name, parsed.data.parameters, signal);
  }

  private async runTool(sandbox: Sandbox, tool: string, parameters: Record<string, unknown>, signal: AbortSignal): Promise<RouteAnswer> {
    if (!sandbox.tools.has(tool)) return detail(404, `Tool ${tool} is not available in sandbox ${sandbox.id}`);
    const spec = ENCLAVE_TOOLS[tool];
    const extra = Object.keys(parameters).find((p) => !(p in spec.parameters));
    // ms-enclave calls the tool with **parameters: an unknown one is Python's TypeError, a 500.
    if (extra !== undefined) return detail(500, `${toolClass(tool)}.execute() got an unexpected keyword argument '${extra}'`);
    const missing = spec.required.find((p) => parameters[p] === undefined);
    if (missing !== undefined) return detail(500, `${toolClass(tool)}.execute() missing 1 required positional argument: '${missing}'`);
    sandbox.updated_at = new Date().toISOString();
    const started = performance.now();
    const answer = await this.tool(sandbox, tool, parameters, signal);
    if ('detail' in answer) return { status: 429, body: answer };
    return { status: 200, body: { ...answer, execution_time: (performance.now() - started) / 1000, timestamp: new Date().toISOString(), metadata: answer.metadata ?? {} } };
  }

  private async tool(sandbox: Sandbox, tool: string, p: Record<string, unknown>, signal: AbortSignal): Promise<EnclaveToolResult | { detail: string }> {
    const fail = (error: string): EnclaveToolResult => ({ tool_name: tool, status: 'error', output: '', error });
    const seconds = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
    if (tool === 'file_operation') return this.fileOperation(sandbox, p);
    let command: string[];
    let files: Record<string, string> = Object.fromEntries(sandbox.files);
    let timeoutSec: number;
    if (tool === 'python_executor') {
      if (typeof p.code !== 'string' || p.code.trim() === '') return fail('No code provided');
      const script = `exec_script_${randomUUID().replaceAll('-', '')}.py`;
      files = { ...files, [script]: p.code };
      command = ['python3', script];
      timeoutSec = seconds(p.timeout, 30);
    } else if (tool === 'shell_executor') {
      const c = p.command;
      if (!c || (typeof c === 'string' && c.trim() === '')) return fail('No command provided');
      command = typeof c === 'string' ? ['bash', '-c', c] : Array.isArray(c) ? c.map(String) : [String(c)];
      timeoutSec = seconds(p.timeout, 30);
    } else {
      const language = String(p.language ?? '').toLowerCase().trim();
      if (!language || typeof p.code !== 'string' || p.code.trim() === '') return fail('Invalid input');
      const main = language === 'python' ? 'main.py' : language === 'bash' ? 'main.sh' : undefined;
      if (!main) return fail(`Unsupported language: ${language} (this server runs python and bash)`);
      const extraFiles = p.files && typeof p.files === 'object' ? Object.entries(p.files as Record<string, unknown>).map(([n, c]) => [path.basename(n), String(c)]) : [];
      files = { ...files, ...Object.fromEntries(extraFiles), [main]: p.code };
      command = language === 'python' ? ['python3', main] : ['bash', main];
      timeoutSec = seconds(p.run_timeout, 30);
    }
    const pending = this.options.run({ files, command, timeoutMs: timeoutSec * 1000, memoryMb: sandbox.memoryMb }, signal);
    if (!pending) return { detail: 'sandbox queue is full' };
    const result = await pending;
    const status: EnclaveStatus = result.timedOut ? 'timeout' : result.exitCode === 0 ? 'success' : 'error';
    let error: string | null = result.stderr ? result.stderr : null;
    if (tool === 'shell_executor' && !error && status === 'timeout') error = `Command timed out after ${timeoutSec} seconds`;
    if (tool === 'shell_executor' && !error && status === 'error') error = `Command failed with exit code ${result.exitCode}`;
    return { tool_name: tool, status, output: result.stdout, error, metadata: result.truncated ? { truncated: true } : {} };
  }

  /** file_operation on the sandbox's own files, all under its working directory /sandbox. */
  private fileOperation(s: Sandbox, p: Record<string, unknown>): EnclaveToolResult {
    const done = (output: string): EnclaveToolResult => ({ tool_name: 'file_operation', status: 'success', output, error: null });
    const fail = (error: string): EnclaveToolResult => ({ tool_name: 'file_operation', status: 'error', output: '', error });
    const given = String(p.file_path ?? '');
    if (!given.trim()) return fail('No file path provided');
    const full = path.posix.normalize(given.startsWith('/') ? given : `${WORKDIR}/${given}`);
    if (full !== WORKDIR && !full.startsWith(`${WORKDIR}/`)) return fail(`Operation failed: only paths under ${WORKDIR} are kept by this server`);
    const key = full.slice(WORKDIR.length + 1);
    switch (p.operation) {
      case 'read':
        return s.files.has(key) ? done(s.files.get(key)!) : fail(`Failed to read file: ${given}`);
      case 'write':
      case 'create': {
        const content = p.content === undefined || p.content === null ? (p.operation === 'create' ? '' : undefined) : String(p.content);
        if (content === undefined) return fail('Content is required for write operation');
        if (key === '' || !/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(key)) return fail(`Write failed: a file name of letters, digits, "_", "-" and "." is expected, got ${given}`);
        const bytes = s.fileBytes - Buffer.byteLength(s.files.get(key) ?? '') + Buffer.byteLength(content);
        if (bytes > MAX_FILE_BYTES) return fail(`Write failed: a sandbox here keeps at most ${MAX_FILE_BYTES} bytes of files`);
        s.files.set(key, content);
        s.fileBytes = bytes;
        return done(`File written successfully: ${given}`);
      }
      case 'delete': {
        const doomed = [...s.files.keys()].filter((k) => k === key || key === '' || k.startsWith(`${key}/`));
        if (doomed.length === 0) return fail(`Failed to delete: ${given}`);
        for (const k of doomed) {
          s.fileBytes -= Buffer.byteLength(s.files.get(k)!);
          s.files.delete(k);
        }
        return done(`Successfully deleted: ${given}`);
      }
      case 'list': {
        const prefix = key === '' ? '' : `${key}/`;
        const names = new Set([...s.files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]));
        return done([...names].sort().join('\n') + (names.size ? '\n' : ''));
      }
      case 'exists':
        return done([...s.files.keys()].some((k) => k === key || k.startsWith(`${key}/`)) || key === '' ? 'exists' : 'does not exist');
      default:
        return fail(`Unknown operation: ${String(p.operation)}`);
    }
  }
}

function toolClass(tool: string): string {
  return { python_executor: 'PythonExecutor', shell_executor: 'ShellExecutor', multi_code_executor: 'MultiCodeExecutor', file_operation: 'FileOperation' }[tool] ?? tool;
}
