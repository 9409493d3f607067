// Collects a child's stdout or stderr up to a byte cap. Past the cap the stream is still drained (so the child
// never blocks on a full pipe) but the bytes are dropped and the result is marked truncated.

/** Per stream; enough for any test report, far less than a runaway print loop produces. */
export const DEFAULT_OUTPUT_CAP_BYTES = 1 << 20;

export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte seen, kept or not. */
  seenBytes = 0;
  truncated = false;

  constructor(private readonly capBytes: number = DEFAULT_OUTPUT_CAP_BYTES) {}

  push(chunk: Buffer): void {
    this.seenBytes += chunk.length;
    const room = this.capBytes - this.kept;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.kept += room;
      this.truncated = true;
      return;
    }
    this.chunks.push(chunk);
    this.kept += chunk.length;
  }

  /** The kept bytes as UTF-8 (a character cut at the cap becomes U+FFFD). */
  text(): string {
    return Buffer.concat(this.chunks, this.kept).toString('utf8');
  }
}
