// A load test's files, in EvalScope's layout so that its tooling reads ours:
//   <outputs-dir>/<timestamp>/<name or model>/parallel_{p}_number_{n}/
//     benchmark_args.json, benchmark_summary.json, benchmark_percentile.json (EvalScope's keys),
//     benchmark_data.db (SQLite, EvalScope's `result` table: one row per request),
//     benchmark_stats.json (ours: both percentile ways, errors by kind, goodput)
//   <outputs-dir>/<timestamp>/<name or model>/performance_summary.txt and perf_report.html
// The API key is never written: benchmark_args.json records whether one was sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PerfConfig } from './perf-args.ts';
import type { PointSummary } from './summary.ts';
import type { RequestTimeline } from './timeline.ts';

export interface PointRecord {
  parallel: number;
  number: number;
  rate: number;
  summary: PointSummary;
  dir: string;
}

/** The run's folder (made): EvalScope's <outputs-dir>/<YYYYMMDD_HHMMSS>/<name>. */
export function runFolder(config: PerfConfig, now: Date, cwd: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}_${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const name = (config.name ?? config.model).replace(/[<>:"|?*\\/\0]/g, '_');
  const dir = path.resolve(cwd, config.outputsDir, ...(config.noTimestamp ? [] : [stamp]), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function pointFolder(runDir: string, parallel: number, number: number): string {
  const dir = path.join(runDir, `parallel_${parallel}_number_${number}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** benchmark_args.json: the settings of the run, the key replaced by whether there was one. */
export function argsRecord(config: PerfConfig, parallel: number, number: number, rate: number): Record<string, unknown> {
  const { apiKey, ...rest } = config;
  return { ...rest, parallel, number, rate, api_key: apiKey ? '(set)' : null, headers: Object.keys(config.headers) };
}

const json = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

type SqliteDatabase = { exec(sql: string): void; prepare(sql: string): { run(...args: unknown[]): unknown }; transaction<T>(fn: () => T): () => T; close(): void };

/** benchmark_data.db: EvalScope's result table, every request a row (failed ones without their timings). */
function writeDatabase(file: string, timelines: RequestTimeline[], requests: string[], summary: PointSummary, epochOffsetMs: number): void {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase;
  const db = new Database(file);
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS result(request TEXT, start_time REAL, inter_token_latencies TEXT, success INTEGER, response_messages TEXT,
      completed_time REAL, latency REAL, first_chunk_latency REAL, prompt_tokens INTEGER, completion_tokens INTEGER, max_gpu_memory_cost REAL,
      time_per_output_token REAL, request_id TEXT, is_stream INTEGER, error TEXT)`);
    const insert = db.prepare(`INSERT INTO result VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      timelines.forEach((t, i) => {
        const m = summary.metrics[i];
        const seconds = (ms: number | undefined) => (ms === undefined ? null : ms / 1000);
        insert.run(
          requests[i],
          (epochOffsetMs + t.sentMs) / 1000,
          JSON.stringify(m.itlMs.map((x) => x / 1000)),
          m.ok ? 1 : 0,
          JSON.stringify(t.outputText !== undefined ? [t.outputText] : []),
          (epochOffsetMs + t.endMs) / 1000,
          m.ok ? seconds(m.latencyMs) : null,
          m.ok ? seconds(m.ttftMs) : null,
          m.promptTokens ?? null,
          m.completionTokens ?? null,
          0,
          m.ok ? (seconds(m.tpotMs) ?? 0) : null,
          `req-${i}`,
          t.streamed ? 1 : 0,
          m.ok ? null : (m.error ?? 'failed'),
        );
      });
    })();
  } finally {
    db.close();
  }
}

export function writePointFiles(dir: string, config: PerfConfig, point: { parallel: number; number: number; rate: number }, summary: PointSummary, timelines: RequestTimeline[], requests: string[]): void {
  // performance.now() is relative to the process start: this offset turns it into Unix time for the database.
  const epochOffsetMs = Date.now() - performance.now();
  json(path.join(dir, 'benchmark_args.json'), argsRecord(config, point.parallel, point.number, point.rate));
  json(path.join(dir, 'benchmark_summary.json'), summary.summary);
  json(path.join(dir, 'benchmark_percentile.json'), summary.percentileRows);
  json(path.join(dir, 'benchmark_stats.json'), {
    note: 'nearest_rank: the sorted value at floor(n*p/100), as EvalScope; linear: numpy.percentile, as vLLM. ITL, TPOT and TTFT in ms, Latency in s.',
    tokens_approximate: summary.tokensApproximate,
    errors: summary.errors,
    goodput: summary.goodput ?? null,
    distributions: summary.distributions,
  });
  writeDatabase(path.join(dir, 'benchmark_data.db'), timelines, requests, summary, epochOffsetMs);
}

const COLUMNS: [string, (p: PointRecord) => string][] = [
  ['Conc.', (p) => String(p.parallel)],
  ['Rate', (p) => (p.rate > 0 ? String(p.rate) : 'INF')],
  ['Num', (p) => String(p.summary.summary['Total Requests'])],
  ['RPS', (p) => fixed(p.summary.summary['Req Throughput (req/s)'], 2)],
  ['Avg Lat.(s)', (p) => fixed(p.summary.summary['Avg Latency (s)'], 3)],
  ['P99 Lat.(s)', (p) => fixed(p.summary.distributions['Latency (s)'].nearestRank.p99, 3)],
  ['Avg TTFT(ms)', (p) => fixed(p.summary.summary['Avg TTFT (ms)'], 1)],
  ['P99 TTFT(ms)', (p) => fixed(p.summary.distributions['TTFT (ms)'].nearestRank.p99, 1)],
  ['Avg TPOT(ms)', (p) => fixed(p.summary.summary['Avg TPOT (ms)'], 2)],
  ['P99 TPOT(ms)', (p) => fixed(p.summary.distributions['TPOT (ms)'].nearestRank.p99, 2)],
  ['Gen. tok/s', (p) => fixed(p.summary.summary['Output Throughput (tok/s)'], 1)],
  ['Success', (p) => `${p.summary.summary['Success Requests']}/${p.summary.summary['Total Requests']}`],
];

function fixed(x: number | undefined, digits: number): string {
  return x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}

/** The table printed at the end and kept as performance_summary.txt: a row per point. */
export function summaryTable(points: PointRecord[], extra: string[] = []): string {
  const rows = [COLUMNS.map(([h]) => h), ...points.map((p) => COLUMNS.map(([, f]) => f(p)))];
  const widths = COLUMNS.map((_c, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padStart(widths[i])).join('  ');
  const errorLines = points.flatMap((p) => Object.entries(p.summary.errors).map(([kind, n]) => `  parallel ${p.parallel}: ${n} × ${kind}`));
  const goodput = points.filter((p) => p.summary.goodput).map((p) => `  parallel ${p.parallel}: goodput ${p.summary.goodput!.requestsPerSec} req/s (${p.summary.goodput!.goodRequests} requests met ${JSON.stringify(p.summary.goodput!.slo)})`);
  const approx = points.some((p) => p.summary.tokensApproximate) ? ['Token counts are approximate: the server sent no usage (counted in output chunks and prompt words).'] : [];
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line), ...(errorLines.length ? ['Errors:', ...errorLines] : []), ...(goodput.length ? ['Goodput:', ...goodput] : []), ...approx, ...extra].join('\n') + '\n';
}
