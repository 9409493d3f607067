// Scores rolled up from details rows: per input file (meta.jsonl) and per bootcamp (xlsx, summary), with
// mean@N and pass@k when each line was sampled several times.
import type { RowSummary } from './details-file.ts';

/** The original names bootcamps by their Python class, "<data_source>bootcamp"; meta.jsonl and the xlsx keep that. */
export function bootcampLabel(dataSource: string): string {
  return `${dataSource}bootcamp`;
}

/** Unbiased pass@k for one item with n samples of which c are correct: 1 − C(n−c, k) / C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} samples, got ${n}`);
  if (n - c < k) return 1;
  // Product form of the binomial ratio: stable for large n, no huge factorials.
  let ratio = 1;
  for (let i = n - c + 1; i <= n; i++) ratio *= 1 - k / i;
  return 1 - ratio;
}

export interface Aggregate {
  n: number;
  errors: number;
  avgScore: number;
  avgLen: number;
  /** Share of rows that stopped at max_tokens. */
  lengthCutShare: number;
  /** pass@k by k, only when the rows hold several repeats of an id. */
  passAtK?: Record<number, number>;
}

export function aggregate(rows: readonly RowSummary[], passK: readonly number[]): Aggregate {
  let scoreSum = 0;
  let lenSum = 0;
  let errors = 0;
  let cut = 0;
  const byId = new Map<number, { n: number; c: number }>();
  for (const row of rows) {
    scoreSum += row.score;
    lenSum += row.output_len;
    if (row.hasError) errors++;
    if (row.finishReason === 'length') cut++;
    const entry = byId.get(row.id) ?? { n: 0, c: 0 };
    entry.n++;
    if (row.score === 1) entry.c++;
    byId.set(row.id, entry);
  }
  const n = rows.length;
  const result: Aggregate = {
    n,
    errors,
    avgScore: n > 0 ? scoreSum / n : 0,
    avgLen: n > 0 ? lenSum / n : 0,
    lengthCutShare: n > 0 ? cut / n : 0,
  };
  const repeated = [...byId.values()].some((e) => e.n > 1);
  if (repeated && passK.length > 0) {
    result.passAtK = {};
    for (const k of passK) {
      const usable = [...byId.values()].filter((e) => e.n >= k);
      result.passAtK[k] = usable.length > 0 ? usable.reduce((s, e) => s + passAtK(e.n, e.c, k), 0) / usable.length : 0;
    }
  }
  return result;
}

export interface FileMeta {
  bootcamp: string;
  file: string;
  avg_score: number;
  avg_len: number;
  n: number;
  n_errors: number;
  n_input_errors: number;
  [metric: string]: string | number;
}

export function fileMeta(
  file: string,
  rows: readonly RowSummary[],
  inputErrors: number,
  passK: readonly number[],
  repeats: number,
  namedSources: readonly string[] = [],
): FileMeta {
  // The data sources the file names, also when none of its lines could be scored.
  const sources = [...new Set([...rows.map((r) => r.data_source), ...namedSources])].sort();
  const agg = aggregate(rows, passK);
  const meta: FileMeta = {
    bootcamp: sources.map(bootcampLabel).join(','),
    file,
    avg_score: agg.avgScore,
    avg_len: agg.avgLen,
    n: agg.n,
    n_errors: agg.errors,
    n_input_errors: inputErrors,
  };
  if (repeats > 1) {
    meta[`mean@${repeats}`] = agg.avgScore;
    for (const [k, v] of Object.entries(agg.passAtK ?? {})) meta[`pass@${k}`] = v;
  }
  return meta;
}

export interface BootcampRow extends Aggregate {
  dataSource: string;
  bootcamp: string;
}

/** One row per data source across all files, sorted by bootcamp name. */
export function bootcampRows(rowsByFile: readonly (readonly RowSummary[])[], passK: readonly number[]): BootcampRow[] {
  const bySource = new Map<string, RowSummary[]>();
  for (const rows of rowsByFile) {
    for (const row of rows) {
      let list = bySource.get(row.data_source);
      if (!list) bySource.set(row.data_source, (list = []));
      list.push(row);
    }
  }
  return [...bySource.entries()]
    .map(([dataSource, rows]) => ({ dataSource, bootcamp: bootcampLabel(dataSource), ...aggregate(rows, passK) }))
    .sort((a, b) => (a.bootcamp < b.bootcamp ? -1 : a.bootcamp > b.bootcamp ? 1 : 0));
}

/** The original's "Total Average": the mean of the per-bootcamp averages (not of all items). */
export function totalAverage(rows: readonly BootcampRow[]): { avgScore: number; avgLen: number; n: number; errors: number } {
  const m = rows.length;
  return {
    avgScore: m > 0 ? rows.reduce((s, r) => s + r.avgScore, 0) / m : 0,
    avgLen: m > 0 ? rows.reduce((s, r) => s + r.avgLen, 0) / m : 0,
    n: rows.reduce((s, r) => s + r.n, 0),
    errors: rows.reduce((s, r) => s + r.errors, 0),
  };
}
