// One run folder from the shards of a sharded run: per input file, the shards' details rows merged in
// (id, repeat) order, as an unsharded run's compacted details are; input_errors.jsonl joined; then meta.jsonl,
// the xlsx and results.yml rebuilt by the same finalisation a run ends with, and eval_args.json naming the
// shards. Rows are streamed: one read buffer per shard and one write buffer, whatever the number of rows.
import { existsSync, mkdirSync, readdirSync, readFileSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { RunPaths } from '../output/run-paths.ts';
import { rowKey, scanDetails, sortedLatest, summarize, type DetailsScan } from '../output/details-file.ts';
import { LineReader } from '../output/line-reader.ts';
import { writeEvalArgs, type EvalArgs } from '../output/eval-args.ts';
import { countInputErrors } from '../output/input-errors.ts';
import { finalizeRun, type RunTotals } from '../run/finalize.ts';
import type { BenchmarkSummary } from '../output/benchmark-summary.ts';
import { checkShards, type ShardSet } from './shard-set.ts';
import { FLAGS } from '../config/flags.ts';
import { JUDGE_CACHE_FILE } from '../judge/judge-cache.ts';

const WINDOW_BYTES = 1 << 20;

interface Cursor {
  /** The current row's key, or undefined at the end. */
  readonly key: number | undefined;
  /** The current row's bytes (its newline included), valid until the next call; then moves on. */
  take(): Promise<Buffer>;
  close(): Promise<void>;
}

/** A shard's details file whose rows are one per key in key order (a finished shard's are): read as it lies. */
class SequentialCursor implements Cursor {
  key: number | undefined;
  private current = Buffer.alloc(0);

  private constructor(private readonly reader: LineReader | undefined, private readonly file: string) {}

  static async open(file: string): Promise<SequentialCursor> {
    const cursor = new SequentialCursor(existsSync(file) ? await LineReader.open(file) : undefined, file);
    await cursor.advance();
    return cursor;
  }

  /** Moves to the next row; a torn tail or a foreign line is skipped, as a resume leaves it out. */
  private async advance(): Promise<void> {
    const previous = this.key ?? -1;
    this.key = undefined;
    if (!this.reader) return;
    for (let line = await this.reader.next(); line; line = await this.reader.next()) {
      const row = line.torn ? undefined : summarize(line.bytes.toString('utf8'));
      if (!row) continue;
      const key = rowKey(row.id, row.repeat);
      if (key <= previous) throw new OutOfOrder(this.file);
      // A copy: the reader's buffer moves on when the next row is read, before this one is written.
      this.current = Buffer.allocUnsafe(line.bytes.length + 1);
      line.bytes.copy(this.current);
      this.current[line.bytes.length] = 10;
      this.key = key;
      return;
    }
  }

  async take(): Promise<Buffer> {
    const out = this.current;
    await this.advance();
    return out;
  }

  async close(): Promise<void> {
    await this.reader?.close();
  }
}

/** A shard's details out of order (a shard interrupted before its end compacted them). */
class OutOfOrder extends Error {
  constructor(readonly file: string) {
    super(`${file} is not in id order`);
  }
}

/** A shard's latest rows of one file, in key order, found by a scan (for files out of order), read through one buffer. */
class ScannedCursor implements Cursor {
  private at = 0;
  private window = Buffer.allocUnsafe(WINDOW_BYTES);
  private windowStart = 0;
  private windowLength = 0;

  constructor(
    private readonly handle: fsp.FileHandle | undefined,
    private readonly scan: DetailsScan,
    private readonly order: Uint32Array,
  ) {}

  get key(): number | undefined {
    if (this.at >= this.order.length) return undefined;
    const i = this.order[this.at];
    return rowKey(this.scan.rows.id(i), this.scan.rows.repeat(i));
  }

  /** The current row's bytes (its newline included), valid until the next call; then moves on. */
  async take(): Promise<Buffer> {
    const i = this.order[this.at++];
    const offset = this.scan.rows.offset(i);
    const size = this.scan.rows.size(i);
    if (offset < this.windowStart || offset + size > this.windowStart + this.windowLength) {
      if (size > this.window.length) this.window = Buffer.allocUnsafe(size);
      const { bytesRead } = await this.handle!.read(this.window, 0, this.window.length, offset);
      if (bytesRead < size) throw new Error(`a details file shrank while it was being merged (at byte ${offset})`);
      this.windowStart = offset;
      this.windowLength = bytesRead;
    }
    const from = offset - this.windowStart;
    return this.window.subarray(from, from + size);
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

export interface MergeOptions {
  folders: readonly string[];
  out: string;
  allowPartial: boolean;
  io: { print(text: string): void; log(line: string): void };
  now?: () => Date;
}

export interface MergeOutcome {
  set: ShardSet;
  rows: number;
  totals: RunTotals;
  /** Keys found in more than one shard (none when the shards are of one run): the lower-numbered shard's row is kept. */
  duplicateKeys: number;
}

/** Merges one input file's details from every shard into `target`; returns rows written and duplicates dropped. */
async function mergeFile(file: string, set: ShardSet, target: string): Promise<{ rows: number; duplicates: number; scanned: boolean }> {
  try {
    return { ...(await mergeWith(set, target, (details) => SequentialCursor.open(details), file)), scanned: false };
  } catch (err) {
    if (!(err instanceof OutOfOrder)) throw err;
    // Rows out of order or repeated: every shard's latest rows are found by a scan (~40 bytes a row) instead.
    return { ...(await mergeWith(set, target, scannedCursor, file)), scanned: true };
  }
}

async function scannedCursor(details: string): Promise<Cursor> {
  // A torn tail or a foreign line (a shard killed mid-write) is not a row: left out, as a resume leaves it.
  const scan = await scanDetails(details);
  return new ScannedCursor(scan.rows.length > 0 ? await fsp.open(details, 'r') : undefined, scan, sortedLatest(scan));
}

async function mergeWith(set: ShardSet, target: string, open: (details: string) => Promise<Cursor>, file: string): Promise<{ rows: number; duplicates: number }> {
  const cursors: Cursor[] = [];
  try {
    for (const shard of set.shards) cursors.push(await open(new RunPaths(shard.folder).details(file)));
  } catch (err) {
    await Promise.all(cursors.map((c) => c.close()));
    throw err;
  }
  const out = await fsp.open(target, 'w');
  // Rows are gathered in one buffer and written a megabyte at a time.
  let pending = Buffer.allocUnsafe(WINDOW_BYTES);
  let used = 0;
  const flush = async () => {
    for (let done = 0; done < used; ) done += (await out.write(pending, done, used - done)).bytesWritten;
    used = 0;
  };
  let rows = 0;
  let duplicates = 0;
  let lastKey = -1;
  try {
    for (;;) {
      // The shard whose next key is smallest (few shards: a scan is cheaper than a heap's upkeep).
      let best = -1;
      let bestKey = Infinity;
      for (let k = 0; k < cursors.length; k++) {
        const key = cursors[k].key;
        if (key !== undefined && key < bestKey) {
          bestKey = key;
          best = k;
        }
      }
      if (best < 0) break;
      const bytes = await cursors[best].take();
      if (bestKey === lastKey) {
        duplicates++;
        continue;
      }
      lastKey = bestKey;
      rows++;
      if (used + bytes.length > pending.length) {
        await flush();
        if (bytes.length > pending.length) pending = Buffer.allocUnsafe(bytes.length);
      }
      bytes.copy(pending, used);
      used += bytes.length;
    }
    await flush();
  } finally {
    await Promise.all(cursors.map((c) => c.close()));
    await out.close();
  }
  return { rows, duplicates };
}

export async function mergeShards(options: MergeOptions): Promise<MergeOutcome> {
  const set = checkShards(options.folders, options.allowPartial);
  const outPaths = new RunPaths(options.out);
  if (set.shards.some((s) => path.resolve(s.folder) === path.resolve(options.out))) throw new UsageError(`-o ${options.out} is one of the shards; merge into a new folder`);
  if (existsSync(outPaths.detailsDir) && readdirSync(outPaths.detailsDir).length > 0) {
    throw new UsageError(`-o ${options.out} already holds a run; merge into a new folder`);
  }
  mkdirSync(outPaths.detailsDir, { recursive: true });
  const first = set.shards[0].args;
  const files = first.test_files;
  const started = Date.now();

  let rows = 0;
  let duplicateKeys = 0;
  for (const file of files) {
    const merged = await mergeFile(file, set, outPaths.details(file));
    if (merged.scanned) options.io.log(`${file}: a shard's rows are out of id order or repeated (a shard interrupted before its end); merged from its latest row per id.`);
    rows += merged.rows;
    duplicateKeys += merged.duplicates;
  }
  // input_errors.jsonl: each bad line is recorded by one shard only, so the join is the unsharded run's.
  const errorLines: string[] = [];
  for (const shard of set.shards) {
    const file = new RunPaths(shard.folder).inputErrors;
    if (existsSync(file)) errorLines.push(...readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== ''));
  }
  await fsp.writeFile(outPaths.inputErrors, errorLines.map((l) => l + '\n').join(''));
  // The shards' judge answers, so that rescoring the merged run asks the judge nothing it was asked already.
  const caches = set.shards.map((s) => path.join(s.folder, JUDGE_CACHE_FILE)).filter((f) => existsSync(f));
  if (caches.length > 0) {
    const out = path.join(options.out, JUDGE_CACHE_FILE);
    for (const cache of caches) {
      const bytes = await fsp.readFile(cache);
      // A torn last line (a shard killed mid-write) must not run into the next shard's first one.
      await fsp.appendFile(out, bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes);
    }
  }

  const { shard: _shard, endpoints: _endpoints, resumes: _resumes, ...rest } = first;
  const args: EvalArgs = {
    ...rest,
    start_time: set.shards.map((s) => s.args.start_time).sort()[0],
    output_dir: options.out,
    shards: {
      count: set.count,
      merged_at: (options.now?.() ?? new Date()).toISOString(),
      missing: set.missing,
      folders: set.shards.map((s) => ({ index: s.index, folder: path.resolve(s.folder), start_time: s.args.start_time, ...(s.args.endpoints ? { endpoints: s.args.endpoints } : {}) })),
    },
  };
  writeEvalArgs(outPaths.evalArgs, args);

  const totals = await finalizeRun({
    settings: {
      model_name: String(first.model_name),
      repeats: typeof first.repeats === 'number' ? first.repeats : 1,
      pass_k: Array.isArray(first.pass_k) ? (first.pass_k as number[]) : undefined,
      // results.yml's config section: the run's settings, as a run writes them (not the fingerprint and history).
      all: Object.fromEntries(Object.keys(FLAGS).filter((name) => name in args && name !== 'shard').map((name) => [name, args[name]])),
    },
    paths: outPaths,
    files,
    inputErrorCounts: countInputErrors(outPaths.inputErrors, files),
    fileDataSources: files.map(() => []),
    benchmarks: Array.isArray(first.benchmarks) ? (first.benchmarks as BenchmarkSummary[]) : undefined,
    startedAtMs: started,
    io: options.io,
    inOrder: true,
  });
  return { set, rows, totals, duplicateKeys };
}
