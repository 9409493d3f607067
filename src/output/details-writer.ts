// Appends details rows as they are scored. Rows produced in the same turn of the event loop are joined and
// handed to the file in one write (one syscall instead of one per row, which showed in the profile at
// 3,000 rows/s); each row is still one whole line, and a row waits at most one turn before it is written.
// A write the disk refuses (ENOSPC, EIO, EDQUOT) cuts the file back to its last whole write, so nothing torn
// stays behind, and is reported once through onError; rows after it are dropped (--resume asks for them again).
import { createWriteStream, mkdirSync, statSync, truncateSync, type WriteStream } from 'node:fs';
import { diskWriteError } from './disk-errors.ts';
import { once } from 'node:events';
import { serializeRow, type DetailsRow } from './details-row.ts';
import type { RunPaths } from './run-paths.ts';

interface OpenFile {
  path: string;
  stream: WriteStream;
  /** Bytes of the file known to be written whole: where it is cut back to if a write fails. */
  committedBytes: number;
  failed: boolean;
  pending: string[];
  /** Set while a 'drain' is awaited on this stream: one listener per stream, however many flushes happen meanwhile. */
  draining?: Promise<unknown>;
}

export class DetailsWriter {
  private readonly files = new Map<string, OpenFile>();
  private flushScheduled = false;
  private drainWait: Promise<void> | undefined;

  private failure: unknown;

  constructor(
    private readonly paths: RunPaths,
    /** The first write that failed (a DiskWriteError when the disk refused it); called once. */
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    mkdirSync(paths.detailsDir, { recursive: true });
  }

  private open(inputFile: string): OpenFile {
    let file = this.files.get(inputFile);
    if (!file) {
      const filePath = this.paths.details(inputFile);
      let size = 0;
      try {
        size = statSync(filePath).size;
      } catch {
        /* a new file */
      }
      const opened: OpenFile = { path: filePath, stream: createWriteStream(filePath, { flags: 'a' }), committedBytes: size, failed: false, pending: [] };
      opened.stream.on('error', (err) => this.fail(opened, err));
      this.files.set(inputFile, (file = opened));
    }
    return file;
  }

  private fail(file: OpenFile, err: unknown): void {
    if (file.failed) return;
    file.failed = true;
    try {
      // Cutting a file back needs no space; what a refused write left half-done goes.
      truncateSync(file.path, file.committedBytes);
    } catch {
      /* the torn tail is cut by --resume instead */
    }
    if (this.failure === undefined) {
      this.failure = diskWriteError(err, file.path) ?? err;
      this.onError(this.failure);
    }
  }

  /** Queues a row; resolves at once unless the OS is behind, in which case it waits for the files to drain. */
  write(inputFile: string, row: DetailsRow): Promise<void> | void {
    if (this.failure !== undefined) return;
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
      if (file.pending.length === 0 || file.failed) continue;
      const chunk = file.pending.length === 1 ? file.pending[0] : file.pending.join('');
      file.pending = [];
      const bytes = Buffer.byteLength(chunk);
      const written = file.stream.write(chunk, (err) => {
        if (err) this.fail(file, err);
        else if (!file.failed) file.committedBytes += bytes;
      });
      if (!written && !file.draining) {
        const opened = file;
        // A stream that errors never drains: the error goes to fail() through the 'error' listener, not here.
        opened.draining = once(opened.stream, 'drain')
          .catch(() => undefined)
          .finally(() => (opened.draining = undefined));
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
  /** Writes what is queued, then flushes and closes every file; a failed write has gone to onError instead. */
  async close(): Promise<void> {
    this.flush();
    await Promise.all(
      [...this.files.values()].map(
        (f) =>
          new Promise<void>((resolve) => {
            if (f.stream.destroyed) return resolve();
            f.stream.end((err?: Error | null) => {
              if (err) this.fail(f, err);
              resolve();
            });
          }),
      ),
    );
    this.files.clear();
  }
}
