// Reads a details file back: which (id, repeat) rows it holds, where each latest row sits, and whether the
// file needs repair (a torn last line from a kill mid-write) or compaction (duplicates, rows out of order).
// Streams the file, and keeps ~40 bytes per row in typed arrays rather than an object per row, so that memory
// stays flat from 5k to 200k rows.
import { promises as fsp, existsSync, statSync } from 'node:fs';

/** One row's summary, as handed to aggregation; a reused object when iterating a RowTable. */
export interface RowSummary {
  id: number;
  repeat: number;
  data_source: string;
  score: number;
  output_len: number;
  hasError: boolean;
  /** The verifier failed (an exception, a Python worker that crashed or timed out): scored 0 with verify_error. */
  hasVerifyError?: boolean;
  finishReason: string | null;
  /** The row's further measures, [hits, out of] by name (IFEval's); undefined for most bootcamps. */
  metrics?: Readonly<Record<string, readonly [number, number]>>;
}

/** Keys of (id, repeat) as one number: ids are line indexes, repeats are below 2^16. */
export function rowKey(id: number, repeat: number): number {
  return id * 65536 + repeat;
}

const FLAG_ERROR = 1;
const FLAG_LENGTH = 2;
const FLAG_VERIFY_ERROR = 4;

/** Column store of row summaries, growing by doubling. */
export class RowTable {
  length = 0;
  private ids = new Float64Array(1024);
  private repeats = new Uint16Array(1024);
  private scores = new Float64Array(1024);
  private lens = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private sources = new Uint16Array(1024);
  private offsets = new Float64Array(1024);
  private sizes = new Uint32Array(1024);
  private readonly sourceNames: string[] = [];
  /** Rows with further measures (sparse: most bootcamps have none). */
  private readonly rowMetrics = new Map<number, Readonly<Record<string, readonly [number, number]>>>();
  private readonly sourceIndex = new Map<string, number>();

  private grow(): void {
    const n = this.ids.length * 2;
    const copy = <T extends Float64Array | Uint16Array | Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.ids = copy(this.ids, (k) => new Float64Array(k));
    this.repeats = copy(this.repeats, (k) => new Uint16Array(k));
    this.scores = copy(this.scores, (k) => new Float64Array(k));
    this.lens = copy(this.lens, (k) => new Float64Array(k));
    this.flags = copy(this.flags, (k) => new Uint8Array(k));
    this.sources = copy(this.sources, (k) => new Uint16Array(k));
    this.offsets = copy(this.offsets, (k) => new Float64Array(k));
    this.sizes = copy(this.sizes, (k) => new Uint32Array(k));
  }

  push(row: RowSummary, offset: number, size: number): number {
    if (this.length === this.ids.length) this.grow();
    let source = this.sourceIndex.get(row.data_source);
    if (source === undefined) {
      source = this.sourceNames.push(row.data_source) - 1;
      this.sourceIndex.set(row.data_source, source);
    }
    const i = this.length++;
    this.ids[i] = row.id;
    this.repeats[i] = row.repeat;
    this.scores[i] = row.score;
    this.lens[i] = row.output_len;
    this.flags[i] = (row.hasError ? FLAG_ERROR : 0) | (row.finishReason === 'length' ? FLAG_LENGTH : 0) | (row.hasVerifyError ? FLAG_VERIFY_ERROR : 0);
    this.sources[i] = source;
    this.offsets[i] = offset;
    this.sizes[i] = size;
    if (row.metrics) this.rowMetrics.set(i, row.metrics);
    return i;
  }

  id(i: number): number {
    return this.ids[i];
  }
  repeat(i: number): number {
    return this.repeats[i];
  }
  hasError(i: number): boolean {
    return (this.flags[i] & FLAG_ERROR) !== 0;
  }
  offset(i: number): number {
    return this.offsets[i];
  }
  size(i: number): number {
    return this.sizes[i];
  }

  /** Fills `into` with row i (finishReason is only told apart as "length" or not). */
  read(i: number, into: RowSummary): RowSummary {
    into.id = this.ids[i];
    into.repeat = this.repeats[i];
    into.data_source = this.sourceNames[this.sources[i]];
    into.score = this.scores[i];
    into.output_len = this.lens[i];
    into.hasError = (this.flags[i] & FLAG_ERROR) !== 0;
    into.hasVerifyError = (this.flags[i] & FLAG_VERIFY_ERROR) !== 0;
    into.finishReason = (this.flags[i] & FLAG_LENGTH) !== 0 ? 'length' : null;
    into.metrics = this.rowMetrics.get(i);
    return into;
  }

  /** Every data source seen. */
  get dataSources(): readonly string[] {
    return this.sourceNames;
  }
}

export interface DetailsScan {
  /** Every valid row, in file order (the latest row of a key is the last one with it: see sortedLatest). */
  rows: RowTable;
  /** Bytes of complete lines; anything after is a torn tail to cut off. */
  goodBytes: number;
  fileBytes: number;
  /** Lines that were not valid rows (torn or foreign), kept out of `rows`. */
  badLines: number;
  /** True when the latest rows are not already one per key, in key order, with nothing else in the file. */
  needsRewrite: boolean;
}

const scratch: RowSummary = { id: 0, repeat: 0, data_source: '', score: 0, output_len: 0, hasError: false, finishReason: null };

/** One details line as a row summary (a reused object), or undefined when it is not a row. */
export function summarize(line: string): RowSummary | undefined {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!row || typeof row !== 'object' || typeof row.id !== 'number') return undefined;
  scratch.id = row.id;
  scratch.repeat = typeof row.repeat === 'number' ? row.repeat : 0;
  scratch.data_source = String(row.data_source ?? '');
  scratch.score = typeof row.score === 'number' ? row.score : 0;
  scratch.output_len = typeof row.output_len === 'number' ? row.output_len : 0;
  scratch.hasError = row.error !== undefined && row.error !== null;
  scratch.hasVerifyError = typeof row.verify_error === 'string';
  scratch.finishReason = typeof row.finish_reason === 'string' ? row.finish_reason : null;
  scratch.metrics = validMetrics(row.metrics);
  return scratch;
}

/** A row's `metrics` as the summaries can add them up, or undefined when absent or malformed. */
function validMetrics(value: unknown): RowSummary['metrics'] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, readonly [number, number]> = {};
  for (const [name, pair] of Object.entries(value)) {
    if (Array.isArray(pair) && pair.length === 2 && pair.every((x) => typeof x === 'number' && Number.isFinite(x))) out[name] = [pair[0], pair[1]];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Read size for details files: one buffer, reused for the whole file (a fresh 1 MB chunk per read left tens of MB of garbage ArrayBuffers on a 1 GB file). */
const READ_CHUNK_BYTES = 256 << 10;

export async function scanDetails(file: string): Promise<DetailsScan> {
  const scan: DetailsScan = { rows: new RowTable(), goodBytes: 0, fileBytes: 0, badLines: 0, needsRewrite: false };
  if (!existsSync(file)) return scan;
  // A details path that is a device, a pipe or a folder holds no rows (and /dev/full or /dev/zero read forever).
  if (!statSync(file).isFile()) return scan;
  let offset = 0;
  let previousKey = -1;
  const takeLine = (line: Buffer) => {
    const size = line.length + 1;
    const summary = summarize(line.toString('utf8'));
    if (summary) {
      const key = rowKey(summary.id, summary.repeat);
      // Keys not strictly increasing means out of order or repeated: either way the file is rewritten at the end.
      if (key <= previousKey) scan.needsRewrite = true;
      scan.rows.push(summary, offset, size);
      previousKey = key;
    } else {
      scan.badLines++;
      scan.needsRewrite = true;
    }
    offset += size;
  };
  const handle = await fsp.open(file, 'r');
  // buffer[0, carried) holds the start of a line not yet ended; a line longer than the buffer doubles it.
  let buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  let carried = 0;
  try {
    for (;;) {
      if (carried === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, carried);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, null);
      if (bytesRead === 0) break;
      scan.fileBytes += bytesRead;
      const filled = buffer.subarray(0, carried + bytesRead);
      let start = 0;
      for (let nl = filled.indexOf(10, carried); nl !== -1; nl = filled.indexOf(10, nl + 1)) {
        takeLine(filled.subarray(start, nl));
        start = nl + 1;
      }
      carried = filled.length - start;
      if (start > 0 && carried > 0) buffer.copy(buffer, 0, start, filled.length);
    }
  } finally {
    await handle.close();
  }
  scan.goodBytes = offset;
  // A last line without its newline is torn by definition: the writer always ends a row with one.
  if (carried > 0) scan.needsRewrite = true;
  if (scan.rows.length === 0 && scan.badLines === 0) scan.needsRewrite = false;
  return scan;
}

/** Keys of rows answered without error: what resume never asks again. */
export function doneKeys(scan: DetailsScan): Set<number> {
  const done = new Set<number>();
  for (const i of sortedLatest(scan)) if (!scan.rows.hasError(i)) done.add(rowKey(scan.rows.id(i), scan.rows.repeat(i)));
  return done;
}

/** Cuts a torn tail so that appending starts on a fresh line. Returns the bytes cut. */
export async function cutTornTail(file: string, scan: DetailsScan): Promise<number> {
  const cut = scan.fileBytes - scan.goodBytes;
  if (cut > 0) await fsp.truncate(file, scan.goodBytes);
  return cut;
}

/** Row indexes of the latest row per key, in (id, repeat) order. */
export function sortedLatest(scan: DetailsScan): Uint32Array {
  const { rows } = scan;
  const n = rows.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!scan.needsRewrite) return order;
  // Typed arrays instead of a key → row Map: a 200k-row run's finalisation kept ~15 MB more in the Map.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rowKey(rows.id(i), rows.repeat(i));
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  let kept = 0;
  for (let k = 0; k < n; k++) {
    // The last of each run of equal keys is the row written latest.
    if (k === n - 1 || keys[order[k]] !== keys[order[k + 1]]) order[kept++] = order[k];
  }
  return order.subarray(0, kept);
}

const COPY_BUFFER_BYTES = 1 << 20;

async function readAll(handle: fsp.FileHandle, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error(`details file shrank while it was being compacted (at byte ${position + done})`);
    done += bytesRead;
  }
}

async function writeAll(handle: fsp.FileHandle, data: Buffer): Promise<void> {
  for (let done = 0; done < data.length; ) {
    const { bytesWritten } = await handle.write(data, done, data.length - done);
    done += bytesWritten;
  }
}

/**
 * Rewrites the file with exactly one row per key (the latest), in (id, repeat) order, atomically, when it is not
 * already so. Returns the row indexes in file order.
 */
export async function compactDetails(file: string, scan: DetailsScan): Promise<Uint32Array> {
  const order = sortedLatest(scan);
  if (!scan.needsRewrite) return order;
  const tmp = `${file}.compact-${process.pid}`;
  const source = await fsp.open(file, 'r');
  const target = await fsp.open(tmp, 'w');
  try {
    // Rows are copied through one reused buffer, written out whenever the next row would not fit.
    const buffer = Buffer.allocUnsafe(COPY_BUFFER_BYTES);
    let used = 0;
    for (const i of order) {
      const size = scan.rows.size(i);
      const position = scan.rows.offset(i);
      if (used + size > buffer.length && used > 0) {
        await writeAll(target, buffer.subarray(0, used));
        used = 0;
      }
      if (size > buffer.length) {
        // A row larger than the buffer (a very long output) gets a buffer of its own.
        const own = Buffer.allocUnsafe(size);
        await readAll(source, own, position);
        await writeAll(target, own);
        continue;
      }
      await readAll(source, buffer.subarray(used, used + size), position);
      used += size;
    }
    if (used > 0) await writeAll(target, buffer.subarray(0, used));
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
  await fsp.rename(tmp, file);
  return order;
}
