// An index of one details file for the viewer: per row its offset and size and the fields filters need, in
// typed columns (~45 bytes a row, no object per row), built once and extended as a running run appends. A row
// written again for the same (id, repeat) (a resumed run's retry) supersedes the earlier one.
import { promises as fsp, existsSync, statSync } from 'node:fs';
import { rowKey } from '../output/details-file.ts';
import { rowFields } from './row-fields.ts';

export const FLAG_ERROR = 1;
export const FLAG_VERIFY_ERROR = 2;
export const FLAG_LENGTH = 4;
export const FLAG_REASONING = 8;
export const FLAG_SUPERSEDED = 16;

const READ_BYTES = 4 << 20;

/** What a row's judge part says, by index (see RowFields.judge). */
export const JUDGE_KINDS = ['none', 'judged', 'pending', 'suspect', 'error'] as const;

/** Strings stored once, referred to by a small number. */
class StringTable {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.push(name) - 1;
      this.index.set(name, i);
    }
    return i;
  }
}

export class RowIndex {
  /** Rows indexed, superseded ones included. */
  length = 0;
  offsets = new Float64Array(1024);
  sizes = new Uint32Array(1024);
  ids = new Float64Array(1024);
  repeats = new Uint16Array(1024);
  scores = new Float64Array(1024);
  lens = new Uint32Array(1024);
  latencies = new Uint32Array(1024);
  flags = new Uint8Array(1024);
  sources = new Uint16Array(1024);
  errorKinds = new Uint8Array(1024);
  finishes = new Uint8Array(1024);
  /** Index into JUDGE_KINDS. */
  judges = new Uint8Array(1024);
  readonly sourceNames = new StringTable();
  /** Index 0 is "no error" / "no finish reason". */
  readonly errorKindNames = new StringTable();
  readonly finishNames = new StringTable();
  private readonly latestByKey = new Map<number, number>();
  /** Bytes of complete lines read so far; a line still being written waits for its newline. */
  private indexedBytes = 0;
  /** The file's inode: compaction at the end of a run renames a rewritten file over it (offsets change). */
  private inode = -1;
  /** Bumped whenever rows are added: cached orders and filters compare it. */
  version = 0;
  private order: Uint32Array | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(readonly file: string) {
    this.errorKindNames.id('');
    this.finishNames.id('');
  }

  private grow(): void {
    const n = this.offsets.length * 2;
    const grow = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: (k: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.offsets = grow(this.offsets, (k) => new Float64Array(k));
    this.sizes = grow(this.sizes, (k) => new Uint32Array(k));
    this.ids = grow(this.ids, (k) => new Float64Array(k));
    this.repeats = grow(this.repeats, (k) => new Uint16Array(k));
    this.scores = grow(this.scores, (k) => new Float64Array(k));
    this.lens = grow(this.lens, (k) => new Uint32Array(k));
    this.latencies = grow(this.latencies, (k) => new Uint32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
    this.sources = grow(this.sources, (k) => new Uint16Array(k));
    this.errorKinds = grow(this.errorKinds, (k) => new Uint8Array(k));
    this.finishes = grow(this.finishes, (k) => new Uint8Array(k));
    this.judges = grow(this.judges, (k) => new Uint8Array(k));
  }

  private push(line: Buffer, offset: number): void {
    const f = rowFields(line);
    if (!f) return;
    if (this.length === this.offsets.length) this.grow();
    const i = this.length++;
    this.offsets[i] = offset;
    this.sizes[i] = line.length;
    this.ids[i] = f.id;
    this.repeats[i] = f.repeat;
    this.scores[i] = f.score;
    this.lens[i] = f.output_len;
    this.latencies[i] = Math.max(0, Math.min(0xffffffff, Math.round(f.latency_ms)));
    this.flags[i] = (f.error_kind !== null ? FLAG_ERROR : 0) | (f.verify_error ? FLAG_VERIFY_ERROR : 0) | (f.finish_reason === 'length' ? FLAG_LENGTH : 0) | (f.has_reasoning ? FLAG_REASONING : 0);
    this.sources[i] = this.sourceNames.id(f.data_source);
    this.errorKinds[i] = Math.min(255, this.errorKindNames.id(f.error_kind ?? ''));
    this.finishes[i] = Math.min(255, this.finishNames.id(f.finish_reason ?? ''));
    this.judges[i] = JUDGE_KINDS.indexOf(f.judge);
    const key = rowKey(f.id, f.repeat);
    const earlier = this.latestByKey.get(key);
    if (earlier !== undefined) this.flags[earlier] |= FLAG_SUPERSEDED;
    this.latestByKey.set(key, i);
  }

  /** Reads what was appended since the last call (all of the file the first time). Concurrent calls share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNew().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async readNew(): Promise<void> {
    if (!existsSync(this.file)) return;
    const { size, ino } = statSync(this.file);
    // A file replaced or shrunk was rewritten (compacted at the end of a run): index it afresh.
    if (ino !== this.inode || size < this.indexedBytes) this.reset();
    this.inode = ino;
    if (size === this.indexedBytes) return;
    const handle = await fsp.open(this.file, 'r');
    const before = this.length;
    try {
      let buffer = Buffer.allocUnsafe(READ_BYTES);
      let position = this.indexedBytes;
      let carried = 0;
      for (;;) {
        if (carried === buffer.length) {
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, carried);
          buffer = bigger;
        }
        const { bytesRead } = await handle.read(buffer, carried, buffer.length - carried, position + carried);
        if (bytesRead === 0) break;
        const filled = carried + bytesRead;
        let start = 0;
        for (let nl = buffer.indexOf(10, carried); nl !== -1 && nl < filled; nl = buffer.indexOf(10, nl + 1)) {
          this.push(buffer.subarray(start, nl), position + start);
          start = nl + 1;
        }
        position += start;
        carried = filled - start;
        if (start > 0 && carried > 0) buffer.copy(buffer, 0, start, filled);
      }
      this.indexedBytes = position;
    } finally {
      await handle.close();
    }
    if (this.length !== before) {
      this.version++;
      this.order = undefined;
    }
  }

  private reset(): void {
    this.length = 0;
    this.indexedBytes = 0;
    this.latestByKey.clear();
    this.version++;
    this.order = undefined;
  }

  /** The latest row of each (id, repeat), in (id, repeat) order. */
  sorted(): Uint32Array {
    if (this.order) return this.order;
    let n = 0;
    const order = new Uint32Array(this.length);
    let inOrder = true;
    let previous = -1;
    for (let i = 0; i < this.length; i++) {
      if (this.flags[i] & FLAG_SUPERSEDED) continue;
      const key = rowKey(this.ids[i], this.repeats[i]);
      if (key < previous) inOrder = false;
      previous = key;
      order[n++] = i;
    }
    const kept = order.subarray(0, n);
    if (!inOrder) {
      const keys = new Float64Array(this.length);
      for (const i of kept) keys[i] = rowKey(this.ids[i], this.repeats[i]);
      kept.sort((a, b) => keys[a] - keys[b]);
    }
    this.order = kept;
    return kept;
  }

  /** The raw bytes of row i. */
  async readRow(i: number): Promise<Buffer> {
    const handle = await fsp.open(this.file, 'r');
    try {
      const out = Buffer.allocUnsafe(this.sizes[i]);
      const { bytesRead } = await handle.read(out, 0, out.length, this.offsets[i]);
      return out.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /**
   * Calls `visit` with the bytes of each of `rows` (row indexes), reading the file in large windows in offset
   * order: a search over every output reads the file once instead of once per row.
   */
  async eachRowBytes(rows: readonly number[] | Uint32Array, visit: (i: number, bytes: Buffer) => void): Promise<void> {
    if (rows.length === 0) return;
    const byOffset = Uint32Array.from(rows).sort((a, b) => this.offsets[a] - this.offsets[b]);
    const handle = await fsp.open(this.file, 'r');
    try {
      let window = Buffer.allocUnsafe(READ_BYTES);
      let windowStart = 0;
      let windowLength = 0;
      for (const i of byOffset) {
        const offset = this.offsets[i];
        const size = this.sizes[i];
        if (offset < windowStart || offset + size > windowStart + windowLength) {
          if (size > window.length) window = Buffer.allocUnsafe(size);
          const { bytesRead } = await handle.read(window, 0, window.length, offset);
          windowStart = offset;
          windowLength = bytesRead;
          if (bytesRead < size) continue;
        }
        visit(i, window.subarray(offset - windowStart, offset - windowStart + size));
      }
    } finally {
      await handle.close();
    }
  }
}
