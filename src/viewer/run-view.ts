// One run folder as the viewer sees it: its settings, its state (finished, interrupted, running), an index of
// each details file, per-bootcamp scores with 95% intervals, and the filtered, searched, paged list of its items.
// Everything is read through the run's own files; rows are read from disk only when shown or searched.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { RunPaths } from '../output/run-paths.ts';
import { readEvalArgs, type EvalArgs } from '../output/eval-args.ts';
import { lockHolder } from '../output/run-lock.ts';
import { Aggregator, bootcampRowsFrom, totalAverage, type BootcampRow } from '../output/aggregate.ts';
import type { RowSummary } from '../output/details-file.ts';
import { redactSettings } from '../redact.ts';
import { passKValues } from '../run/finalize.ts';
import type { BenchmarkSummary } from '../output/benchmark-summary.ts';
import { FLAG_ERROR, FLAG_LENGTH, FLAG_REASONING, FLAG_VERIFY_ERROR, JUDGE_KINDS, RowIndex } from './row-index.ts';

export interface ItemFilter {
  file?: string;
  bootcamp?: string;
  /** "0", "partial" or "1". */
  score?: string;
  /** "none", "any", or an error kind ("TimeoutError"). */
  error?: string;
  finish?: string;
  /** "1": has reasoning_content; "0": has none. */
  reasoning?: string;
  /** The judge's part: none, judged, pending, suspect (the answer held verdict-shaped text), error; "any": judged at all. */
  judge?: string;
  q?: string;
}

export const FILTER_KEYS = ['file', 'bootcamp', 'score', 'error', 'finish', 'reasoning', 'judge', 'q'] as const;

export interface GroupStat extends BootcampRow {
  ci: [number, number];
}

export interface RunInfo {
  id: string;
  model: string;
  inputs: string;
  started: string | null;
  items: number;
  score: number | null;
  errors: number;
  state: 'finished' | 'interrupted' | 'running';
}

/** Items matching a filter, in file then (id, repeat) order: file number and row number of each. */
interface Selection {
  key: string;
  files: Uint16Array;
  rows: Uint32Array;
}

/** A 95% interval for a mean: Wilson's for 0/1 scores, the normal one otherwise, within [0, 1]. */
export function interval95(n: number, sum: number, sumSquares: number, binary: boolean): [number, number] {
  if (n === 0) return [0, 0];
  const z = 1.96;
  const p = sum / n;
  if (binary) {
    const denom = 1 + (z * z) / n;
    const centre = (p + (z * z) / (2 * n)) / denom;
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
  }
  const variance = n > 1 ? Math.max(0, (sumSquares - n * p * p) / (n - 1)) : 0;
  const half = z * Math.sqrt(variance / n);
  return [Math.max(0, p - half), Math.min(1, p + half)];
}

export class RunView {
  readonly paths: RunPaths;
  args: EvalArgs | undefined;
  files: { name: string; index: RowIndex }[] = [];
  private selections: Selection[] = [];

  constructor(
    readonly id: string,
    readonly dir: string,
  ) {
    this.paths = new RunPaths(dir);
  }

  /** Re-reads eval_args.json and which details files there are, without reading rows. */
  async refreshArgsOnly(): Promise<void> {
    this.args = readEvalArgs(this.paths.evalArgs);
    const listed = Array.isArray(this.args?.test_files) ? (this.args.test_files as string[]) : [];
    const present = existsSync(this.paths.detailsDir) ? readdirSync(this.paths.detailsDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
    const names = [...new Set([...listed, ...present])];
    for (const name of names) if (!this.files.some((f) => f.name === name)) this.files.push({ name, index: new RowIndex(this.paths.details(name)) });
  }

  /** Re-reads eval_args.json and what the details files gained since the last call. */
  async refresh(): Promise<void> {
    await this.refreshArgsOnly();
    await Promise.all(this.files.map((f) => f.index.refresh()));
  }

  private get versions(): string {
    return this.files.map((f) => f.index.version).join('.');
  }

  state(): RunInfo['state'] {
    if (lockHolder(this.dir)) return 'running';
    if (!existsSync(this.paths.meta)) return 'interrupted';
    const metaAt = statSync(this.paths.meta).mtimeMs;
    const detailsAt = Math.max(0, ...this.files.map((f) => (existsSync(f.index.file) ? statSync(f.index.file).mtimeMs : 0)));
    return metaAt + 1 >= detailsAt ? 'finished' : 'interrupted';
  }

  private subsetFiles(): Map<string, string> {
    const benchmarks = Array.isArray(this.args?.benchmarks) ? (this.args.benchmarks as BenchmarkSummary[]) : [];
    return new Map(benchmarks.flatMap((b) => b.subsets.map((s) => [s.file, s.file.replace(/\.jsonl$/, '')] as const)));
  }

  /** Per bootcamp (a benchmark's subsets each a row of their own): n, score with its 95% interval, errors, length, cut share, pass@k. */
  groups(): { rows: GroupStat[]; total: ReturnType<typeof totalAverage> } {
    const repeats = typeof this.args?.repeats === 'number' ? this.args.repeats : 1;
    const passK = passKValues({ repeats, pass_k: Array.isArray(this.args?.pass_k) ? (this.args.pass_k as number[]) : undefined });
    const subsets = this.subsetFiles();
    const aggregators = new Map<string, Aggregator>();
    const sums = new Map<string, { n: number; sum: number; squares: number; binary: boolean }>();
    const row: RowSummary = { id: 0, repeat: 0, data_source: '', score: 0, output_len: 0, hasError: false, finishReason: null };
    for (const { name, index } of this.files) {
      for (const i of index.sorted()) {
        row.id = index.ids[i];
        row.repeat = index.repeats[i];
        row.data_source = index.sourceNames.names[index.sources[i]];
        row.score = index.scores[i];
        row.output_len = index.lens[i];
        row.hasError = (index.flags[i] & FLAG_ERROR) !== 0;
        row.hasVerifyError = (index.flags[i] & FLAG_VERIFY_ERROR) !== 0;
        row.finishReason = index.flags[i] & FLAG_LENGTH ? 'length' : null;
        const key = subsets.get(name) ?? row.data_source;
        let agg = aggregators.get(key);
        if (!agg) aggregators.set(key, (agg = new Aggregator(passK)));
        agg.add(row);
        let s = sums.get(key);
        if (!s) sums.set(key, (s = { n: 0, sum: 0, squares: 0, binary: true }));
        s.n++;
        s.sum += row.score;
        s.squares += row.score * row.score;
        if (row.score !== 0 && row.score !== 1) s.binary = false;
      }
    }
    const rows = bootcampRowsFrom(aggregators, new Set(subsets.values())).map((r) => {
      const s = sums.get(r.dataSource)!;
      return { ...r, ci: interval95(s.n, s.sum, s.squares, s.binary) };
    });
    return { rows, total: totalAverage(rows) };
  }

  /** The runs list's line; without `withTotals` its items, score and errors are left at zero (the caller has them). */
  info(withTotals = true): RunInfo {
    const a = this.args;
    const benchmarks = Array.isArray(a?.benchmarks) ? (a.benchmarks as { name: string }[]).map((b) => b.name) : [];
    const inputs = benchmarks.length > 0 ? benchmarks.join(', ') : typeof a?.test_dir === 'string' ? path.basename(a.test_dir) : (this.files.map((f) => f.name).join(', ') || '-');
    const { rows, total } = withTotals ? this.groups() : { rows: [], total: { n: 0, errors: 0, avgScore: 0 } };
    return {
      id: this.id,
      model: typeof a?.model_name === 'string' ? a.model_name : '-',
      inputs,
      started: typeof a?.start_time === 'string' ? a.start_time : null,
      items: total.n,
      score: rows.length > 0 ? total.avgScore : null,
      errors: total.errors,
      state: this.state(),
    };
  }

  /** eval_args.json as the page shows it (keys already redacted there; redacted again in case). */
  settings(): Record<string, unknown> {
    return this.args ? redactSettings({ ...this.args }) : {};
  }

  /** What the filters may take: files, bootcamps, error kinds and finish reasons present. */
  facets(): { files: string[]; bootcamps: string[]; errors: string[]; finishes: string[]; judged: boolean } {
    const subsets = this.subsetFiles();
    const bootcamps = new Set<string>();
    const errors = new Set<string>();
    const finishes = new Set<string>();
    for (const { name, index } of this.files) {
      if (subsets.has(name)) bootcamps.add(subsets.get(name)!);
      for (const n of index.sourceNames.names) if (!subsets.has(name)) bootcamps.add(n);
      for (const n of index.errorKindNames.names) if (n) errors.add(n);
      for (const n of index.finishNames.names) if (n) finishes.add(n);
    }
    const judged = this.files.some(({ index }) => index.judges.subarray(0, index.length).some((k) => k !== 0));
    return { files: this.files.map((f) => f.name), bootcamps: [...bootcamps].sort(), errors: [...errors].sort(), finishes: [...finishes].sort(), judged };
  }

  /** The items matching `f`, cached until a details file changes. */
  async select(f: ItemFilter): Promise<Selection> {
    const key = `${this.versions}|${FILTER_KEYS.map((k) => f[k] ?? '').join('\u0000')}`;
    const cached = this.selections.find((s) => s.key === key);
    if (cached) return cached;
    const subsets = this.subsetFiles();
    const files: number[] = [];
    const rows: number[] = [];
    const needle = f.q ? f.q.toLowerCase() : undefined;
    // The needle as it appears inside a JSON string (quotes, backslashes, newlines escaped), for a first pass on raw bytes.
    const escaped = needle ? JSON.stringify(needle).slice(1, -1) : undefined;
    for (let fi = 0; fi < this.files.length; fi++) {
      const { name, index } = this.files[fi];
      if (f.file && f.file !== name) continue;
      const subset = subsets.get(name);
      const candidates: number[] = [];
      for (const i of index.sorted()) {
        const flags = index.flags[i];
        if (f.bootcamp && f.bootcamp !== (subset ?? index.sourceNames.names[index.sources[i]])) continue;
        const score = index.scores[i];
        if (f.score === '0' && score !== 0) continue;
        if (f.score === '1' && score !== 1) continue;
        if (f.score === 'partial' && (score <= 0 || score >= 1)) continue;
        if (f.error === 'none' && flags & FLAG_ERROR) continue;
        if (f.error === 'any' && !(flags & FLAG_ERROR)) continue;
        if (f.error && f.error !== 'none' && f.error !== 'any' && index.errorKindNames.names[index.errorKinds[i]] !== f.error) continue;
        if (f.finish && index.finishNames.names[index.finishes[i]] !== f.finish) continue;
        if (f.reasoning === '1' && !(flags & FLAG_REASONING)) continue;
        if (f.reasoning === '0' && flags & FLAG_REASONING) continue;
        if (f.judge && (f.judge === 'any' ? index.judges[i] === 0 : JUDGE_KINDS[index.judges[i]] !== f.judge)) continue;
        candidates.push(i);
      }
      let kept: number[] = candidates;
      if (needle && escaped) {
        const hits = new Set<number>();
        await index.eachRowBytes(candidates, (i, bytes) => {
          const text = bytes.toString('utf8');
          if (!text.toLowerCase().includes(escaped)) return;
          // Confirm in the fields searched (the raw line also holds ground truth and key names).
          try {
            const row = JSON.parse(text) as { prompt?: unknown; output?: unknown; reasoning_content?: unknown };
            const fields = [row.prompt, row.output, row.reasoning_content].filter((x): x is string => typeof x === 'string');
            if (fields.some((t) => t.toLowerCase().includes(needle))) hits.add(i);
          } catch {
            /* a row the index read but JSON does not: not a match */
          }
        });
        kept = candidates.filter((i) => hits.has(i));
      }
      for (const i of kept) {
        files.push(fi);
        rows.push(i);
      }
    }
    const selection = { key, files: Uint16Array.from(files), rows: Uint32Array.from(rows) };
    this.selections = [selection, ...this.selections.filter((s) => s.key.startsWith(this.versions + '|'))].slice(0, 8);
    return selection;
  }

  /** One page of the selection, each item with its list fields and short previews. */
  async page(f: ItemFilter, offset: number, limit: number): Promise<{ total: number; offset: number; items: Record<string, unknown>[] }> {
    const s = await this.select(f);
    const items: Record<string, unknown>[] = [];
    for (let k = offset; k < Math.min(s.rows.length, offset + limit); k++) items.push(await this.listItem(s, k, true));
    return { total: s.rows.length, offset, items };
  }

  private async listItem(s: Selection, k: number, preview: boolean): Promise<Record<string, unknown>> {
    const { name, index } = this.files[s.files[k]];
    const i = s.rows[k];
    const base: Record<string, unknown> = {
      pos: k,
      file: name,
      id: index.ids[i],
      repeat: index.repeats[i],
      data_source: index.sourceNames.names[index.sources[i]],
      score: index.scores[i],
      error: index.errorKindNames.names[index.errorKinds[i]] || null,
      finish_reason: index.finishNames.names[index.finishes[i]] || null,
      output_len: index.lens[i],
      latency_ms: index.latencies[i],
      reasoning: (index.flags[i] & FLAG_REASONING) !== 0,
      judge: JUDGE_KINDS[index.judges[i]],
    };
    if (!preview) return base;
    const row = JSON.parse((await index.readRow(i)).toString('utf8')) as { prompt?: unknown; output?: unknown };
    const clip = (v: unknown, n: number) => (typeof v === 'string' ? (v.length > n ? v.slice(0, n) + '…' : v) : '');
    return { ...base, prompt: clip(row.prompt, 160), output: clip(row.output, 240) };
  }

  /** The item at position `pos` of the selection, the whole row. */
  async item(f: ItemFilter, pos: number): Promise<{ total: number; pos: number; item?: Record<string, unknown> }> {
    const s = await this.select(f);
    if (pos < 0 || pos >= s.rows.length) return { total: s.rows.length, pos };
    const { index } = this.files[s.files[pos]];
    const row = JSON.parse((await index.readRow(s.rows[pos])).toString('utf8')) as Record<string, unknown>;
    return { total: s.rows.length, pos, item: { ...(await this.listItem(s, pos, false)), row } };
  }
}
