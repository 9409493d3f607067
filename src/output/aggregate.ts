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
  /** Rows whose verifier failed (exception, worker crash or timeout), scored 0. */
  verifyErrors: number;
  avgScore: number;
  avgLen: number;
  /** Share of rows that stopped at max_tokens. */
  lengthCutShare: number;
  /** pass@k by k, only when the rows hold several repeats of an id. */
  passAtK?: Record<number, number>;
  /** Further measures (IFEval's four accuracies): sum of hits / sum of totals over the rows that have them. */
  metrics?: Record<string, number>;
}

/**
 * Sums rows one at a time, holding no rows: fed in (id, repeat) order (as compacted details are), the samples of
 * one id arrive together, so pass@k needs only the current id's counts.
 */
export class Aggregator {
  private n = 0;
  private scoreSum = 0;
  private lenSum = 0;
  private errors = 0;
  private verifyErrors = 0;
  private cut = 0;
  private currentId = NaN;
  private idSamples = 0;
  private idCorrect = 0;
  private repeated = false;
  /** Per k: sum of pass@k over ids with at least k samples, and how many such ids. */
  private readonly passSums: number[];
  private readonly passIds: number[];
  private readonly metricSums = new Map<string, [number, number]>();

  constructor(private readonly passK: readonly number[]) {
    this.passSums = passK.map(() => 0);
    this.passIds = passK.map(() => 0);
  }

  private closeId(): void {
    if (this.idSamples === 0) return;
    if (this.idSamples > 1) this.repeated = true;
    this.passK.forEach((k, j) => {
      if (this.idSamples >= k) {
        this.passSums[j] += passAtK(this.idSamples, this.idCorrect, k);
        this.passIds[j]++;
      }
    });
    this.idSamples = 0;
    this.idCorrect = 0;
  }

  add(row: RowSummary): void {
    this.n++;
    this.scoreSum += row.score;
    this.lenSum += row.output_len;
    if (row.hasError) this.errors++;
    if (row.hasVerifyError) this.verifyErrors++;
    if (row.finishReason === 'length') this.cut++;
    if (row.id !== this.currentId) {
      this.closeId();
      this.currentId = row.id;
    }
    this.idSamples++;
    if (row.score === 1) this.idCorrect++;
    if (row.metrics) {
      for (const [name, [hits, of]] of Object.entries(row.metrics)) {
        const sum = this.metricSums.get(name);
        if (sum) {
          sum[0] += hits;
          sum[1] += of;
        } else this.metricSums.set(name, [hits, of]);
      }
    }
  }

  result(): Aggregate {
    this.closeId();
    const n = this.n;
    const out: Aggregate = {
      n,
      errors: this.errors,
      verifyErrors: this.verifyErrors,
      avgScore: n > 0 ? this.scoreSum / n : 0,
      avgLen: n > 0 ? this.lenSum / n : 0,
      lengthCutShare: n > 0 ? this.cut / n : 0,
    };
    if (this.metricSums.size > 0) {
      out.metrics = {};
      for (const [name, [hits, of]] of this.metricSums) out.metrics[name] = of > 0 ? hits / of : 0;
    }
    if (this.repeated && this.passK.length > 0) {
      out.passAtK = {};
      this.passK.forEach((k, j) => (out.passAtK![k] = this.passIds[j] > 0 ? this.passSums[j] / this.passIds[j] : 0));
    }
    return out;
  }
}

/** Aggregate of rows given in (id, repeat) order. */
export function aggregate(rows: Iterable<RowSummary>, passK: readonly number[]): Aggregate {
  const agg = new Aggregator(passK);
  for (const row of rows) agg.add(row);
  return agg.result();
}

export interface FileMeta {
  bootcamp: string;
  file: string;
  avg_score: number;
  avg_len: number;
  n: number;
  n_errors: number;
  n_verify_errors: number;
  n_input_errors: number;
  [metric: string]: string | number;
}

export function fileMeta(
  file: string,
  agg: Aggregate,
  dataSources: readonly string[],
  inputErrors: number,
  repeats: number,
): FileMeta {
  const meta: FileMeta = {
    bootcamp: [...new Set(dataSources)].sort().map(bootcampLabel).join(','),
    file,
    avg_score: agg.avgScore,
    avg_len: agg.avgLen,
    n: agg.n,
    n_errors: agg.errors,
    n_verify_errors: agg.verifyErrors,
    n_input_errors: inputErrors,
  };
  for (const [name, value] of Object.entries(agg.metrics ?? {})) meta[name] = value;
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

/** One row per data source, sorted by bootcamp name. */
/** Rows named by key: a data source ("Game24bootcamp"), or a benchmark subset named as is ("mmlu_anatomy"). */
export function bootcampRowsFrom(bySource: ReadonlyMap<string, Aggregator>, subsetLabels: ReadonlySet<string> = new Set()): BootcampRow[] {
  return [...bySource.entries()]
    .map(([dataSource, agg]) => ({ dataSource, bootcamp: subsetLabels.has(dataSource) ? dataSource : bootcampLabel(dataSource), ...agg.result() }))
    .sort((a, b) => (a.bootcamp < b.bootcamp ? -1 : a.bootcamp > b.bootcamp ? 1 : 0));
}

/** One row per data source across files of rows, each file in (id, repeat) order. */
export function bootcampRows(rowsByFile: readonly (readonly RowSummary[])[], passK: readonly number[]): BootcampRow[] {
  const bySource = new Map<string, Aggregator>();
  for (const rows of rowsByFile) {
    for (const row of rows) {
      let agg = bySource.get(row.data_source);
      if (!agg) bySource.set(row.data_source, (agg = new Aggregator(passK)));
      agg.add(row);
    }
  }
  return bootcampRowsFrom(bySource);
}

/** The original's "Total Average": the mean of the per-bootcamp averages (not of all items). */
export function totalAverage(rows: readonly BootcampRow[]): { avgScore: number; avgLen: number; n: number; errors: number; verifyErrors: number } {
  const m = rows.length;
  return {
    avgScore: m > 0 ? rows.reduce((s, r) => s + r.avgScore, 0) / m : 0,
    avgLen: m > 0 ? rows.reduce((s, r) => s + r.avgLen, 0) / m : 0,
    n: rows.reduce((s, r) => s + r.n, 0),
    errors: rows.reduce((s, r) => s + r.errors, 0),
    verifyErrors: rows.reduce((s, r) => s + r.verifyErrors, 0),
  };
}
