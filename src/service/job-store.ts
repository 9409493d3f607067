// The service's job table: a real SQLite file (better-sqlite3 12) under --output_root, so jobs survive a
// restart, kill -9 included. It holds each job's request as it was received minus any API key (a key given
// inline lives only in the server's memory), its state and its run folder; the run folder holds the rest.
import { createRequire } from 'node:module';
import path from 'node:path';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'];

export interface JobRecord {
  id: string;
  kind: 'eval' | 'perf';
  state: JobState;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The TaskConfig (eval) or load-test arguments (perf) as sent, without api_key. */
  request: Record<string, unknown>;
  run_dir: string;
  error: string | null;
  /** Where the model's key comes from: 'none', 'inline' (memory only), or 'env:NAME'. */
  key_source: string;
  /** Scores per input when done: meta.jsonl's rows (file, avg_score, ...). */
  scores: unknown[] | null;
}

type Statement = { run(...args: unknown[]): unknown; get(...args: unknown[]): unknown; all(...args: unknown[]): unknown[] };
type Db = { exec(sql: string): void; prepare(sql: string): Statement; pragma(s: string): unknown; close(): void };

interface Row extends Omit<JobRecord, 'request' | 'scores'> {
  request: string;
  scores: string | null;
}

const fromRow = (row: Row): JobRecord => ({ ...row, request: JSON.parse(row.request) as Record<string, unknown>, scores: row.scores ? (JSON.parse(row.scores) as unknown[]) : null });

export class JobStore {
  private readonly db: Db;

  constructor(outputRoot: string) {
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => Db;
    this.db = new Database(path.join(outputRoot, 'service-jobs.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL,
      started_at TEXT, finished_at TEXT, request TEXT NOT NULL, run_dir TEXT NOT NULL, error TEXT, key_source TEXT NOT NULL, scores TEXT, seq INTEGER)`);
  }

  insert(job: JobRecord): void {
    const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM jobs').get() as { n: number }).n;
    this.db
      .prepare('INSERT INTO jobs (id, kind, state, created_at, started_at, finished_at, request, run_dir, error, key_source, scores, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(job.id, job.kind, job.state, job.created_at, job.started_at, job.finished_at, JSON.stringify(job.request), job.run_dir, job.error, job.key_source, job.scores ? JSON.stringify(job.scores) : null, seq);
  }

  get(id: string): JobRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  list(state?: JobState): JobRecord[] {
    const rows = (state ? this.db.prepare('SELECT * FROM jobs WHERE state = ? ORDER BY seq').all(state) : this.db.prepare('SELECT * FROM jobs ORDER BY seq').all()) as Row[];
    return rows.map(fromRow);
  }

  update(id: string, fields: Partial<Pick<JobRecord, 'state' | 'started_at' | 'finished_at' | 'error' | 'scores'>>): void {
    const entries = Object.entries(fields);
    if (entries.length === 0) return;
    const sets = entries.map(([k]) => `${k} = ?`).join(', ');
    this.db.prepare(`UPDATE jobs SET ${sets} WHERE id = ?`).run(...entries.map(([k, v]) => (k === 'scores' && v ? JSON.stringify(v) : v)), id);
  }

  close(): void {
    this.db.close();
  }
}
