// Scores through InternBootcamp's own Python verifiers: a pool of worker processes (bootcamps/python/worker.py)
// with requests pipelined over stdio and matched by id. A worker that crashes, hangs past the verify timeout or
// answers garbage is killed and replaced; the item it was on scores 0 with the reason, the others are re-sent.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseJsonExact, stringifyExact } from './shared/exact-json.ts';

// Resolved through the project root (one level up from this file, or from the bundle in dist/) so the built CLI
// finds the script too.
export const WORKER_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bootcamps', 'python', 'worker.py');

export interface BridgeOptions {
  python: string;
  /** Folders prepended to PYTHONPATH (a source checkout of InternBootcamp, or the user's own bootcamps). */
  pythonPath: readonly string[];
  workers: number;
  verifyTimeoutMs: number;
  /** stderr lines of the workers (what bootcamps print), for the run's log. */
  log?: (line: string) => void;
  /** Environment for the workers; the evaluator's own variables (the API key) are left out by the caller. */
  env?: NodeJS.ProcessEnv;
}

export interface BridgeScore {
  score: number;
  extracted_output: unknown;
  error?: string;
}

interface Pending {
  id: number;
  payload: string;
  resolve: (answer: Record<string, unknown>) => void;
  resends: number;
}

/** A request that keeps killing workers is not re-sent forever. */
const MAX_RESENDS = 2;

class Worker {
  readonly child: ChildProcessWithoutNullStreams;
  /** Requests written to this worker, in the order it answers them. */
  readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Set when the worker has imported the bootcamps; timeouts run only from then on. */
  private ready = false;
  dead = false;

  constructor(
    private readonly bridge: PythonBridge,
    options: BridgeOptions,
  ) {
    const env = { ...(options.env ?? {}), PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' } as NodeJS.ProcessEnv;
    const existing = env.PYTHONPATH ? [env.PYTHONPATH] : [];
    env.PYTHONPATH = [...options.pythonPath, ...existing].join(path.delimiter);
    this.child = spawn(options.python, [WORKER_SCRIPT], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => undefined); // a dead worker's pipe; its exit handler does the work
    createInterface({ input: this.child.stdout }).on('line', (line) => this.onLine(line));
    createInterface({ input: this.child.stderr }).on('line', (line) => options.log?.(`[python] ${line}`));
    this.child.on('exit', (code, signal) => this.bridge.workerDied(this, signal ? `killed by ${signal}` : `exited with code ${code}`));
    this.child.on('error', (err) => this.bridge.workerDied(this, `could not start ${options.python}: ${err.message}`));
  }

  send(pending: Pending): void {
    this.queue.push(pending);
    this.child.stdin.write(pending.payload);
    if (this.queue.length === 1) this.armTimer();
  }

  /** The timeout runs for the request the worker is on now, not for those waiting behind it. */
  private armTimer(): void {
    clearTimeout(this.timer);
    if (this.queue.length === 0 || this.dead || !this.ready) return;
    this.timer = setTimeout(() => this.bridge.workerFailed(this, `verify timed out after ${this.bridge.verifyTimeoutMs} ms`), this.bridge.verifyTimeoutMs);
  }

  private onLine(line: string): void {
    if (this.dead) return;
    let answer: Record<string, unknown>;
    try {
      answer = parseJsonExact(line) as Record<string, unknown>;
    } catch {
      return this.bridge.workerFailed(this, `worker wrote something that is not an answer: ${line.slice(0, 200)}`);
    }
    if (answer.ready === true && !this.ready) {
      this.ready = true;
      return this.armTimer();
    }
    const head = this.queue[0];
    if (!head || answer.id !== head.id) return this.bridge.workerFailed(this, `worker answered id ${String(answer.id)}, expected ${head?.id}`);
    this.queue.shift();
    this.armTimer();
    head.resolve(answer);
  }

  kill(): void {
    this.dead = true;
    clearTimeout(this.timer);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

export class PythonBridge {
  private workers: Worker[] = [];
  private nextId = 1;
  private closed = false;
  readonly verifyTimeoutMs: number;

  constructor(private readonly options: BridgeOptions) {
    this.verifyTimeoutMs = options.verifyTimeoutMs;
  }

  /** Workers start on first use, not at construction: runs without Python bootcamps never spawn one. */
  private pickWorker(): Worker {
    if (this.closed) throw new Error('the Python bridge is closed');
    while (this.workers.length < this.options.workers) this.workers.push(new Worker(this, this.options));
    let best = this.workers[0];
    for (const w of this.workers) if (w.queue.length < best.queue.length) best = w;
    return best;
  }

  private request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const pending: Pending = { id, payload: stringifyExact({ id, ...body }) + '\n', resolve, resends: 0 };
      this.pickWorker().send(pending);
    });
  }

  /** Kills a misbehaving worker: its current item fails with `reason`, the rest go to a fresh worker. */
  workerFailed(worker: Worker, reason: string): void {
    if (worker.dead) return;
    worker.kill();
    this.replace(worker, reason);
  }

  workerDied(worker: Worker, how: string): void {
    if (worker.dead && !this.workers.includes(worker)) return;
    worker.dead = true;
    this.replace(worker, `Python worker ${how}`);
  }

  private replace(worker: Worker, reason: string): void {
    this.workers = this.workers.filter((w) => w !== worker);
    const [head, ...rest] = worker.queue.splice(0);
    if (head) head.resolve({ id: head.id, score: 0, extracted_output: null, error: reason, failed: true });
    for (const pending of rest) {
      if (this.closed) pending.resolve({ id: pending.id, score: 0, extracted_output: null, error: 'bridge closed' });
      else if (++pending.resends > MAX_RESENDS) pending.resolve({ id: pending.id, score: 0, extracted_output: null, error: `gave up after ${MAX_RESENDS} worker failures: ${reason}` });
      else this.pickWorker().send(pending);
    }
  }

  async score(dataSource: string, output: string, groundTruth: unknown): Promise<BridgeScore> {
    const answer = await this.request({ op: 'score', data_source: dataSource, output, ground_truth: groundTruth });
    const score = typeof answer.score === 'number' && Number.isFinite(answer.score) ? answer.score : 0;
    return {
      score,
      extracted_output: answer.extracted_output ?? null,
      ...(typeof answer.error === 'string' ? { error: answer.error } : {}),
    };
  }

  /** Which of these data sources the workers can import; the others with the reason. */
  async check(dataSources: Iterable<string>): Promise<{ ok: string[]; failed: Map<string, string> }> {
    const ok: string[] = [];
    const failed = new Map<string, string>();
    await Promise.all(
      [...dataSources].map(async (dataSource) => {
        const answer = await this.request({ op: 'check', data_source: dataSource });
        if (answer.ok === true) ok.push(dataSource);
        else failed.set(dataSource, String(answer.error ?? 'unknown error'));
      }),
    );
    return { ok: ok.sort(), failed };
  }

  /** Every bootcamp the workers can import (for ls), or the reason there are none. */
  async list(): Promise<{ names: string[]; error?: string }> {
    const answer = await this.request({ op: 'list' });
    return { names: Array.isArray(answer.names) ? answer.names.map(String) : [], ...(answer.error ? { error: String(answer.error) } : {}) };
  }

  /** Process ids of the live workers (for diagnostics and the no-orphans test). */
  pids(): number[] {
    return this.workers.map((w) => w.child.pid).filter((pid): pid is number => pid !== undefined);
  }

  /** Stops every worker and waits for them to exit: no orphans. */
  async close(): Promise<void> {
    this.closed = true;
    const exits = this.workers.map((w) =>
      w.child.exitCode !== null || w.child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => w.child.once('exit', () => resolve())),
    );
    for (const w of this.workers) {
      w.dead = true;
      w.child.stdin.end();
      w.kill();
    }
    await Promise.all(exits);
    this.workers = [];
  }
}
