// The HTTP service: our job API (submit, list, inspect, cancel, resume, follow with server-sent events, read a
// run folder's files), /health, and EvalScope's routes of both generations (evalscope-routes.ts). node:http with a small route table: the service has a dozen routes, and the
// work is in the engine the CLI runs (one child process per job, src/service/job-runner.ts).
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildConfig } from '../config/config.ts';
import { UserError } from '../errors.ts';
import { findBenchmark } from '../../benchmarks/index.ts';
import { authorized, confine, readJsonBody, sendError, sendJson, ServiceError } from './http-util.ts';
import { JOB_STATES, JobStore, type JobRecord, type JobState } from './job-store.ts';
import { JobRunner, perfArgv, readScores, type JobEvent } from './job-runner.ts';
import { evalscopeRoute } from './evalscope-routes.ts';
import { openApiDocument } from './openapi.ts';
import { parsePerfArgs } from '../perf/perf-args.ts';
import { VERSION } from '../version.ts';

export interface ServiceOptions {
  host: string;
  port: number;
  token?: string;
  outputRoot: string;
  dataRoot: string;
  maxJobs: number;
  maxQueue: number;
  bodyLimitBytes: number;
  env: Readonly<Record<string, string | undefined>>;
  log(line: string): void;
}

const FINAL: ReadonlySet<JobState> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

export class Service {
  private readonly store: JobStore;
  private readonly runner: JobRunner;
  private server?: http.Server;

  constructor(private readonly options: ServiceOptions) {
    mkdirSync(options.outputRoot, { recursive: true });
    mkdirSync(options.dataRoot, { recursive: true });
    this.store = new JobStore(options.outputRoot);
    this.runner = new JobRunner(this.store, { maxJobs: options.maxJobs, env: options.env, log: options.log, dataRoot: options.dataRoot });
    this.runner.setMaxListeners(0);
  }

  async listen(): Promise<string> {
    this.runner.recover();
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        if (err instanceof ServiceError) return sendError(res, err);
        this.options.log(`internal error on ${req.method} ${req.url}: ${(err as Error).stack}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error', status: 500 });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.options.port, this.options.host, resolve));
    const { port } = this.server.address() as { port: number };
    return `http://${this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host}:${port}`;
  }

  async close(): Promise<void> {
    await this.runner.stopAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.store.close();
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://service');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: 'bootcamp-eval', version: VERSION, timestamp: new Date().toISOString() });
    if (!authorized(req, this.options.token)) throw new ServiceError(401, 'missing or wrong token: send Authorization: Bearer <token>', undefined, { 'www-authenticate': 'Bearer' });
    if (req.method === 'GET' && url.pathname === '/openapi.json') return sendJson(res, 200, openApiDocument());
    if (parts[0] !== 'api' || parts[1] !== 'v1') throw new ServiceError(404, `no route ${req.method} ${url.pathname}`);
    const [, , area, id, sub, ...rest] = parts;
    if (area === 'jobs') {
      if (!id && req.method === 'POST') {
        const job = this.submit('eval', await readJsonBody(req, this.options.bodyLimitBytes));
        return sendJson(res, 202, this.view(job));
      }
      if (!id && req.method === 'GET') {
        const state = url.searchParams.get('state');
        if (state && !JOB_STATES.includes(state as JobState)) throw new ServiceError(400, `expected one of ${JOB_STATES.join(', ')}`, 'state');
        return sendJson(res, 200, { jobs: this.store.list((state as JobState) || undefined).map((j) => this.view(j)) });
      }
      if (id) {
        const job = this.store.get(id);
        if (!job) throw new ServiceError(404, `no job ${id}`, 'id');
        if (!sub && req.method === 'GET') return sendJson(res, 200, this.view(job));
        if (!sub && req.method === 'DELETE') {
          if (FINAL.has(job.state)) throw new ServiceError(409, `job ${id} is already ${job.state}`);
          this.runner.cancel(id);
          return sendJson(res, 202, this.view(this.store.get(id)!));
        }
        if (sub === 'resume' && req.method === 'POST') {
          const body = await readJsonBody(req, this.options.bodyLimitBytes);
          if (job.key_source === 'inline' && typeof body.api_key !== 'string' && job.state === 'interrupted') throw new ServiceError(400, 'this job was given its key inline: send it again as api_key', 'api_key');
          if (!this.runner.resume(id, typeof body.api_key === 'string' ? body.api_key : undefined)) throw new ServiceError(409, `job ${id} is ${job.state}: only an interrupted, failed or cancelled job resumes`);
          return sendJson(res, 202, this.view(this.store.get(id)!));
        }
        if (sub === 'events' && req.method === 'GET') return this.events(job, req, res);
        if (sub === 'files' && req.method === 'GET') return this.file(job, rest.map(decodeURIComponent).join('/'), res);
      }
    }
    if ((area === 'eval' || area === 'perf') && (await evalscopeRoute(this, req, res, url, area, id, sub))) return;
    throw new ServiceError(404, `no route ${req.method} ${url.pathname}`);
  }

  /** A job's public view: its record, its run folder's name, never a key. */
  private view(job: JobRecord): Record<string, unknown> {
    return { id: job.id, state: job.state, created_at: job.created_at, started_at: job.started_at, finished_at: job.finished_at, error: job.error, run_dir: job.run_dir, scores: job.scores ?? (job.state === 'running' ? null : readScores(job.run_dir)), request: job.request };
  }

  get bodyLimit(): number {
    return this.options.bodyLimitBytes;
  }

  job(id: string): JobRecord | undefined {
    return this.store.get(id);
  }

  scoresOf(job: JobRecord): unknown[] | null {
    return job.scores ?? readScores(job.run_dir);
  }

  resumeJob(id: string, key?: string): boolean {
    return this.runner.resume(id, key);
  }

  cancelJob(id: string): boolean {
    return this.runner.cancel(id);
  }

  /** Items answered so far (details rows) and, where the inputs are files, how many there are (limit applied). */
  itemCounts(job: JobRecord): { done: number; total: number | null } {
    const lines = (file: string) => {
      try {
        return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
      } catch {
        return 0;
      }
    };
    const detailsDir = path.join(job.run_dir, 'details');
    const done = existsSync(detailsDir) ? readdirSync(detailsDir).filter((f) => f.endsWith('.jsonl')).reduce((n, f) => n + lines(path.join(detailsDir, f)), 0) : 0;
    const inputs = [...((job.request.datasets as string[] | undefined) ?? []), ...(typeof job.request.test_dir === 'string' ? [job.request.test_dir] : [])];
    if (inputs.length === 0 || inputs.some((d) => !path.isAbsolute(d))) return { done, total: null };
    const limit = typeof job.request.limit === 'number' ? job.request.limit : Infinity;
    const files = inputs.flatMap((d) => (existsSync(d) && statSync(d).isDirectory() ? readdirSync(d).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(d, f)) : [d]));
    return { done, total: files.reduce((n, f) => n + Math.min(limit, lines(f)), 0) };
  }

  /** Checks a body (a TaskConfig, or perf's arguments), confines its paths, keeps its key out of every file, queues it. */
  submit(kind: 'eval' | 'perf', body: Record<string, unknown>, givenId?: string): JobRecord {
    if (this.store.list('queued').length >= this.options.maxQueue) throw new ServiceError(429, `the queue is full (${this.options.maxQueue} jobs waiting)`, undefined, { 'retry-after': '30' });
    const { api_key: apiKey, api_key_name: keyName, ...request } = body;
    if (apiKey !== undefined && typeof apiKey !== 'string') throw new ServiceError(400, 'expected a string', 'api_key');
    if (keyName !== undefined && (typeof keyName !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyName))) throw new ServiceError(400, 'expected an environment variable name', 'api_key_name');
    for (const field of kind === 'eval' ? ['use_cache', 'output_dir', 'resume'] : []) if (field in request) throw new ServiceError(400, `${field} is the service's to choose: resume a job with POST /api/v1/jobs/{id}/resume`, field);
    // Settings that name programs to run, or code to import, are the server's own business, never a client's.
    for (const field of ['python', 'sandbox_python', 'bootcamp_pythonpath', 'config']) if (field in request) throw new ServiceError(400, `${field} is not accepted over HTTP (it names a program or code the server would run)`, field);
    // The judge's key would be written with the job's config and its record: only its name in the server's environment.
    const judgeArgs = request.judge_model_args as Record<string, unknown> | undefined;
    if (judgeArgs && typeof judgeArgs === 'object' && 'api_key' in judgeArgs) throw new ServiceError(400, 'a judge key is not taken inline over HTTP: give api_key_name (a variable in the server\'s environment)', 'judge_model_args.api_key');
    const judgeBlock = request.judge as { models?: unknown } | undefined;
    const judgeModels = judgeBlock && typeof judgeBlock === 'object' ? (Array.isArray(judgeBlock.models) ? judgeBlock.models : judgeBlock.models ? [judgeBlock.models] : []) : [];
    if (judgeModels.some((m) => m && typeof m === 'object' && 'api_key' in m)) throw new ServiceError(400, 'a judge key is not taken inline over HTTP: give api_key_name (a variable in the server\'s environment)', 'judge.models.api_key');
    // A judge template that is a file must be one under --data_root (a shipped name is a name).
    if (typeof request.judge_template === 'string' && !/^[a-z_]+$/.test(request.judge_template)) request.judge_template = confine(this.options.dataRoot, request.judge_template, 'judge_template');
    if (request.cache_dir !== undefined) request.cache_dir = confine(this.options.outputRoot, request.cache_dir, 'cache_dir');
    if (kind === 'eval' && typeof request.prompt_template === 'string') request.prompt_template = confine(this.options.dataRoot, request.prompt_template, 'prompt_template');
    const datasetArgs = request.dataset_args;
    if (datasetArgs && typeof datasetArgs === 'object' && !Array.isArray(datasetArgs)) {
      for (const [name, args] of Object.entries(datasetArgs as Record<string, Record<string, unknown>>)) {
        if (args && typeof args === 'object' && args.local_path !== undefined) args.local_path = confine(this.options.dataRoot, args.local_path, `dataset_args.${name}.local_path`);
      }
    }
    if (request.work_dir !== undefined) request.work_dir = confine(this.options.outputRoot, request.work_dir, 'work_dir');
    const dataPaths = kind === 'perf' ? ['dataset_path', 'tokenizer_path'] : ['dataset_dir', 'test_dir'];
    for (const field of dataPaths) if (request[field] !== undefined) request[field] = confine(this.options.dataRoot, request[field], field);
    if (request.datasets !== undefined) {
      const list = typeof request.datasets === 'string' ? request.datasets.split(',') : request.datasets;
      if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) throw new ServiceError(400, 'expected benchmark names or paths', 'datasets');
      // A name the catalog knows is a benchmark; anything else is a JSONL file or folder under --data_root.
      request.datasets = (list as string[]).map((d, i) => (findBenchmark(d.trim()) ? d.trim() : confine(this.options.dataRoot, d.trim(), `datasets[${i}]`)));
    }
    const id = givenId ?? `job_${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}_${randomBytes(4).toString('hex')}`;
    const job: JobRecord = {
      id,
      kind,
      state: 'queued',
      created_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
      request,
      run_dir: path.join(this.options.outputRoot, 'jobs', id),
      error: null,
      key_source: typeof apiKey === 'string' ? 'inline' : typeof keyName === 'string' ? `env:${keyName}` : 'none',
      scores: null,
    };
    // The body must build as the command builds it (every key, value and path checked) before it is queued.
    const configFile = JobRunner.configFile(job);
    mkdirSync(path.dirname(configFile), { recursive: true });
    try {
      if (kind === 'perf') parsePerfArgs(perfArgv(request, job.run_dir), {});
      else {
        writeFileSync(configFile, JSON.stringify(request));
        buildConfig({ argv: ['--config', configFile, '--output_dir', job.run_dir], env: {} });
      }
    } catch (err) {
      rmSync(configFile, { force: true });
      if (err instanceof UserError) throw new ServiceError(400, err.message.replaceAll(configFile, 'the TaskConfig'));
      throw err;
    }
    this.runner.submit(job, typeof apiKey === 'string' ? apiKey : undefined);
    return job;
  }

  waitFinal(id: string): Promise<JobRecord> {
    return new Promise((resolve) => {
      const check = (e?: JobEvent) => {
        if (e && e.id !== id) return;
        const job = this.store.get(id)!;
        if (FINAL.has(job.state)) {
          this.runner.off('job', check);
          resolve(job);
        }
      };
      this.runner.on('job', check);
      check();
    });
  }

  /** Server-sent events: the job's state now, each change, and an `end` event when it is final. */
  private events(job: JobRecord, req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const onJob = (e: JobEvent) => {
      if (e.id !== job.id) return;
      send('state', e);
      if (FINAL.has(e.state)) {
        send('end', this.view(this.store.get(job.id)!));
        res.end();
      }
    };
    send('state', { id: job.id, state: job.state, at: new Date().toISOString(), error: job.error });
    if (FINAL.has(job.state)) {
      send('end', this.view(job));
      res.end();
      return;
    }
    this.runner.on('job', onJob);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(beat);
      this.runner.off('job', onJob);
    });
  }

  /** A file of the job's run folder, read-only; the path confined to the folder. */
  private file(job: JobRecord, relative: string, res: http.ServerResponse): void {
    if (!existsSync(job.run_dir)) throw new ServiceError(404, 'the run folder does not exist yet');
    const full = confine(job.run_dir, relative || '.', 'path');
    if (!existsSync(full) || !statSync(full).isFile()) throw new ServiceError(404, `no file ${relative}`, 'path');
    const type = full.endsWith('.json') ? 'application/json' : full.endsWith('.jsonl') ? 'application/x-ndjson' : full.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': statSync(full).size, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" });
    createReadStream(full).pipe(res);
  }
}
