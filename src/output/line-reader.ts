// Lines of a file, pulled one at a time through one reused buffer: for readers that take from several files in
// turn (merging shards) or must not keep a row table (summing a file already in order). A line longer than the
// buffer grows it; a last line without its newline is handed out too, marked torn.
import { promises as fsp } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

export interface Line {
  /** The line's bytes without its newline; valid until the next call to next(). */
  bytes: Buffer;
  /** True for a last line the file does not end with a newline (a write cut short). */
  torn: boolean;
}

export class LineReader {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private start = 0;
  private end = 0;
  private eof = false;
  private readonly line: Line = { bytes: Buffer.alloc(0), torn: false };

  private constructor(private readonly handle: fsp.FileHandle) {}

  static async open(file: string): Promise<LineReader> {
    return new LineReader(await fsp.open(file, 'r'));
  }

  /** The next line, or undefined at the end of the file. */
  async next(): Promise<Line | undefined> {
    for (;;) {
      const nl = this.buffer.indexOf(10, this.start);
      if (nl !== -1 && nl < this.end) {
        this.line.bytes = this.buffer.subarray(this.start, nl);
        this.line.torn = false;
        this.start = nl + 1;
        return this.line;
      }
      if (this.eof) {
        if (this.start >= this.end) return undefined;
        this.line.bytes = this.buffer.subarray(this.start, this.end);
        this.line.torn = true;
        this.start = this.end;
        return this.line;
      }
      // Keep the unfinished line at the front (growing the buffer when it fills it) and read on.
      const kept = this.end - this.start;
      if (kept === this.buffer.length) {
        const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
        this.buffer.copy(bigger, 0, this.start, this.end);
        this.buffer = bigger;
      } else if (this.start > 0) this.buffer.copy(this.buffer, 0, this.start, this.end);
      this.start = 0;
      this.end = kept;
      const { bytesRead } = await this.handle.read(this.buffer, this.end, this.buffer.length - this.end, null);
      if (bytesRead === 0) this.eof = true;
      this.end += bytesRead;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
