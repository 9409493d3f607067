// Runs the service's jobs: each in a child process of its own (the evaluator's command, src/service/job-child.ts),
// so a crash, a hang or a memory blow-up ends that job, not the server; at most --max_jobs at once, the rest
// queued in order. A job's run folder is its state: a restart resumes a job that was running (the run's own
// --resume, so no item is asked twice beyond those in flight at the kill), waiting first while a child that
// outlived the old server still holds the folder's lock; a job whose key was given inline (kept in memory
// only) waits as `interrupted` until resumed with its key.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockHolder } from '../output/run-lock.ts';
import { TSX_IMPORT } from '../mock/mock-process.ts';
import type { JobRecord, JobStore } from './job-store.ts';

const CHILD = fileURLToPath(new URL('./job-child.ts', import.meta.url));
const PERF = fileURLToPath(new URL('../../scripts/perf.ts', import.meta.url));

/** A perf job's arguments as the command's flags: each key a --flag, lists as several values, true as a switch. */
export function perfArgv(request: Record<string, unknown>, outputsDir: string): string[] {
  const argv: string[] = [];
  for (const [key, value] of Object.entries(request)) {
    if (key === 'outputs_dir' || key === 'name' || key === 'no_timestamp' || value === undefined || value === null || value === false) continue;
    const flag = `--${key}`;
    if (value === true) argv.push(flag);
    else if (Array.isArray(value)) argv.push(flag, ...value.map(String));
    else if (typeof value === 'object') argv.push(flag, JSON.stringify(value));
    else argv.push(flag, String(value));
  }
  return [...argv, '--outputs-dir', outputsDir, '--name', 'perf', '--no-timestamp'];
}

export interface RunnerOptions {
  maxJobs: number;
  /** The server's environment (where api_key_name variables are looked up); passed to children without keys. */
  env: Readonly<Record<string, string | undefined>>;
  log(line: string): void;
  /** --data_root: a job's local images must be inside it (its run gets --image_root). */
  dataRoot: string;
}

/** What happened to a job, for the events stream. */
export interface JobEvent {
  id: string;
  state: JobRecord['state'];
  at: string;
  error?: string | null;
}

export class JobRunner extends EventEmitter {
  private readonly running = new Map<string, ChildProcess>();
  private readonly keys = new Map<string, string>();
  private readonly cancelled = new Set<string>();
  private lockWait?: NodeJS.Timeout;
  /** Set when the server shuts down: a job that finishes then must not start the next one. */
  private stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly options: RunnerOptions,
  ) {
    super();
  }

  /** The config file an evaluation job's child reads, written by the service when it checks the body (no key in it). */
  static configFile(job: JobRecord): string {
    return path.join(job.run_dir, '..', `${path.basename(job.run_dir)}.taskconfig.json`);
  }

  submit(job: JobRecord, key?: string): void {
    if (key) this.keys.set(job.id, key);
    mkdirSync(path.dirname(job.run_dir), { recursive: true });
    this.store.insert(job);
    this.emitState(job.id);
    this.pump();
  }

  /** After a restart: running jobs resume (or wait for their key), queued ones wait their turn. */
  recover(): void {
    for (const job of this.store.list('running')) {
      if (job.key_source === 'inline') this.finish(job.id, 'interrupted', 'the server restarted; the key was given inline and is not kept: resume the job with its key (POST /api/v1/jobs/{id}/resume)');
      else this.store.update(job.id, { state: 'queued' });
    }
    this.pump();
  }

  resume(id: string, key?: string): boolean {
    const job = this.store.get(id);
    if (!job || (job.state !== 'interrupted' && job.state !== 'failed' && job.state !== 'cancelled')) return false;
    if (key) this.keys.set(id, key);
    this.store.update(id, { state: 'queued', error: null, finished_at: null });
    this.emitState(id);
    this.pump();
    return true;
  }

  cancel(id: string): boolean {
    const job = this.store.get(id);
    if (!job) return false;
    if (job.state === 'queued') {
      this.finish(id, 'cancelled', null);
      return true;
    }
    const child = this.running.get(id);
    if (!child) return false;
    this.cancelled.add(id);
    // As Ctrl-C: the run stops taking items, finishes what it can, and writes its files.
    child.kill('SIGINT');
    return true;
  }

  get active(): number {
    return this.running.size;
  }

  private pump(): void {
    if (this.lockWait || this.stopping) return;
    for (const job of this.store.list('queued')) {
      if (this.running.size >= this.options.maxJobs) return;
      // A child of the old server may still be finishing in this folder: never run beside it.
      if (existsSync(job.run_dir) && lockHolder(job.run_dir)) {
        this.lockWait = setTimeout(() => {
          this.lockWait = undefined;
          this.pump();
        }, 500);
        this.lockWait.unref();
        return;
      }
      this.start(job);
    }
  }

  private start(job: JobRecord): void {
    // A service running inside a job array must not make every job it runs a shard of that array: a job is a
    // shard only when its own config says --shard.
    const env: Record<string, string | undefined> = { ...this.options.env, OPENAI_API_KEY: undefined, SERVICE_TOKEN: undefined, SLURM_ARRAY_TASK_ID: undefined, JOB_COMPLETION_INDEX: undefined };
    const key = job.key_source === 'inline' ? this.keys.get(job.id) : job.key_source.startsWith('env:') ? this.options.env[job.key_source.slice(4)] : undefined;
    if (key) env.OPENAI_API_KEY = key;
    const resume = existsSync(path.join(job.run_dir, 'eval_args.json'));
    const args =
      job.kind === 'perf'
        ? [...TSX_IMPORT, PERF, ...perfArgv(job.request, job.run_dir)]
        : [...TSX_IMPORT, CHILD, '--config', JobRunner.configFile(job), '--output_dir', job.run_dir, '--image_root', this.options.dataRoot, ...(resume ? ['--resume'] : [])];
    const logFd = openSync(`${job.run_dir}.log`, 'a');
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', logFd, logFd, 'ipc'] });
    closeSync(logFd);
    this.running.set(job.id, child);
    this.store.update(job.id, { state: 'running', started_at: new Date().toISOString() });
    this.emitState(job.id);
    child.on('exit', (code, signal) => {
      this.running.delete(job.id);
      if (this.cancelled.delete(job.id)) this.finish(job.id, 'cancelled', null);
      else if (code === 0) this.finish(job.id, 'succeeded', null);
      else this.finish(job.id, 'failed', `the run exited with ${signal ?? `code ${code}`}: ${lastLines(`${job.run_dir}.log`)}`);
      this.pump();
    });
  }

  private finish(id: string, state: JobRecord['state'], error: string | null): void {
    const job = this.store.get(id);
    this.store.update(id, { state, error, finished_at: new Date().toISOString(), scores: job ? readScores(job.run_dir) : null });
    if (state === 'succeeded' || state === 'cancelled') this.keys.delete(id);
    this.emitState(id);
  }

  private emitState(id: string): void {
    const job = this.store.get(id);
    if (job) this.emit('job', { id, state: job.state, at: new Date().toISOString(), error: job.error } satisfies JobEvent);
  }

  /** Stops every child as on Ctrl-C (the server is shutting down) and waits for them. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.lockWait);
    const waits = [...this.running.values()].map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
    for (const child of this.running.values()) child.kill('SIGINT');
    await Promise.all(waits);
  }
}

/** meta.jsonl's rows: each input's score, as the run wrote them (null before the run finished). */
export function readScores(runDir: string): unknown[] | null {
  try {
    return readFileSync(path.join(runDir, 'meta.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  } catch {
    return null;
  }
}

function lastLines(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return lines.filter((l) => l.startsWith('error:')).slice(-1)[0] ?? lines.slice(-1)[0] ?? '';
  } catch {
    return '';
  }
}
