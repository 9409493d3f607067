// Appends details rows as they are scored. Rows produced in the same turn of the event loop are joined and
// handed to the file in one write (one syscall instead of one per row, which showed in the profile at
// 3,000 rows/s); each row is still one whole line, and a row waits at most one turn before it is written.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { serializeRow, type DetailsRow } from './details-row.ts';
import type { RunPaths } from './run-paths.ts';

interface OpenFile {
  stream: WriteStream;
  pending: string[];
  /** Set while a 'drain' is awaited on this stream: one listener per stream, however many flushes happen meanwhile. */
  draining?: Promise<unknown>;
}

export class DetailsWriter {
  private readonly files = new Map<string, OpenFile>();
  private flushScheduled = false;
  private drainWait: Promise<void> | undefined;

  constructor(private readonly paths: RunPaths) {
    mkdirSync(paths.detailsDir, { recursive: true });
  }

  private open(inputFile: string): OpenFile {
    let file = this.files.get(inputFile);
    if (!file) {
      file = { stream: createWriteStream(this.paths.details(inputFile), { flags: 'a' }), pending: [] };
      this.files.set(inputFile, file);
    }
    return file;
  }

  /** Queues a row; resolves at once unless the OS is behind, in which case it waits for the files to drain. */
  write(inputFile: string, row: DetailsRow): Promise<void> | void {
    this.open(inputFile).pending.push(serializeRow(row));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    return this.drainWait;
  }

  private flush(): void {
    this.flushScheduled = false;
    const waits: Promise<unknown>[] = [];
    for (const file of this.files.values()) {
      if (file.pending.length === 0) continue;
      const chunk = file.pending.length === 1 ? file.pending[0] : file.pending.join('');
      file.pending = [];
      if (!file.stream.write(chunk) && !file.draining) {
        const opened = file;
        opened.draining = once(opened.stream, 'drain').finally(() => (opened.draining = undefined));
      }
      if (file.draining) waits.push(file.draining);
    }
    if (waits.length > 0 && !this.drainWait) {
      this.drainWait = Promise.all(waits).then(() => {
        this.drainWait = undefined;
      });
    }
  }

  /** Writes what is queued, then flushes and closes every file. */
  async close(): Promise<void> {
    this.flush();
    await Promise.all(
      [...this.files.values()].map((f) => new Promise<void>((resolve, reject) => f.stream.end((err?: Error | null) => (err ? reject(err) : resolve())))),
    );
    this.files.clear();
  }
}
