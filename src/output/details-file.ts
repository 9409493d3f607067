// Reads a details file back: which (id, repeat) rows it holds, where each latest row sits, and whether the
// file needs repair (a torn last line from a kill mid-write) or compaction (duplicates, rows out of order).
// Streams the file: memory holds one small summary per row, never the outputs.
import { createReadStream, promises as fsp, existsSync } from 'node:fs';

export interface RowSummary {
  id: number;
  repeat: number;
  data_source: string;
  score: number;
  output_len: number;
  hasError: boolean;
  finishReason: string | null;
  /** Byte offset and length (newline included) of the row in the file. */
  offset: number;
  length: number;
}

export interface DetailsScan {
  /** Latest row per key `${id}:${repeat}`. */
  latest: Map<string, RowSummary>;
  /** Bytes of complete lines; anything after is a torn tail to cut off. */
  goodBytes: number;
  fileBytes: number;
  /** Lines that were not valid rows (torn or foreign), kept out of `latest`. */
  badLines: number;
  /** True when the latest rows are not already one per key, in key order, with nothing else in the file. */
  needsRewrite: boolean;
}

export function rowKey(id: number, repeat: number): string {
  return `${id}:${repeat}`;
}

function summarize(line: string, offset: number, length: number): RowSummary | undefined {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!row || typeof row !== 'object' || typeof row.id !== 'number') return undefined;
  return {
    id: row.id,
    repeat: typeof row.repeat === 'number' ? row.repeat : 0,
    data_source: String(row.data_source ?? ''),
    score: typeof row.score === 'number' ? row.score : 0,
    output_len: typeof row.output_len === 'number' ? row.output_len : 0,
    hasError: row.error !== undefined && row.error !== null,
    finishReason: typeof row.finish_reason === 'string' ? row.finish_reason : null,
    offset,
    length,
  };
}

function compareSummaries(a: RowSummary, b: RowSummary): number {
  return a.id - b.id || a.repeat - b.repeat;
}

export async function scanDetails(file: string): Promise<DetailsScan> {
  const latest = new Map<string, RowSummary>();
  const scan: DetailsScan = { latest, goodBytes: 0, fileBytes: 0, badLines: 0, needsRewrite: false };
  if (!existsSync(file)) return scan;
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let previous: RowSummary | undefined;
  let rows = 0;
  const takeLine = (line: Buffer) => {
    const length = line.length + 1;
    const summary = summarize(line.toString('utf8'), offset, length);
    if (summary) {
      rows++;
      const key = rowKey(summary.id, summary.repeat);
      if (latest.has(key)) scan.needsRewrite = true;
      if (previous && compareSummaries(previous, summary) >= 0) scan.needsRewrite = true;
      latest.set(key, summary);
      previous = summary;
    } else {
      scan.badLines++;
      scan.needsRewrite = true;
    }
    offset += length;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    scan.fileBytes += chunk.length;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (pendingBytes > 0) {
        pending.push(piece);
        takeLine(Buffer.concat(pending));
        pending = [];
        pendingBytes = 0;
      } else takeLine(piece);
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(Buffer.from(chunk.subarray(start)));
      pendingBytes += chunk.length - start;
    }
  }
  scan.goodBytes = offset;
  // A last line without its newline is torn by definition: the writer always ends a row with one.
  if (pendingBytes > 0) scan.needsRewrite = true;
  if (rows === 0 && scan.badLines === 0) scan.needsRewrite = false;
  return scan;
}

/** Cuts a torn tail so that appending starts on a fresh line. Returns the bytes cut. */
export async function cutTornTail(file: string, scan: DetailsScan): Promise<number> {
  const cut = scan.fileBytes - scan.goodBytes;
  if (cut > 0) await fsp.truncate(file, scan.goodBytes);
  return cut;
}

/**
 * Rewrites the file with exactly one row per key (the latest), in (id, repeat) order, atomically.
 * Returns the summaries in file order after the rewrite.
 */
export async function compactDetails(file: string, scan: DetailsScan): Promise<RowSummary[]> {
  const rows = [...scan.latest.values()].sort(compareSummaries);
  if (!scan.needsRewrite) return rows;
  const tmp = `${file}.compact-${process.pid}`;
  const source = await fsp.open(file, 'r');
  const target = await fsp.open(tmp, 'w');
  try {
    let outOffset = 0;
    const batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await target.writev(batch);
      batch.length = 0;
      batchBytes = 0;
    };
    for (const row of rows) {
      const buffer = Buffer.allocUnsafe(row.length);
      await source.read(buffer, 0, row.length, row.offset);
      batch.push(buffer);
      batchBytes += row.length;
      row.offset = outOffset;
      outOffset += row.length;
      if (batchBytes > 4 << 20 || batch.length >= 512) await flush();
    }
    await flush();
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
  await fsp.rename(tmp, file);
  return rows;
}
