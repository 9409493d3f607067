// Reads one HTTP/1.x response from the bytes a connection receives, for http1-pool.ts: Content-Length, chunked
// or close-delimited bodies; 1xx interim answers skipped; anything that is not HTTP/1.x refused.

export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: Buffer;
}

/** The connection failed before a whole answer arrived (refused, reset, closed early, not HTTP). */
export class ConnectionFailure extends Error {
  override name = 'ConnectionFailure';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type BodyMode = 'length' | 'chunked' | 'close';

/** Parses one response from the bytes a connection receives. */
export class ResponseParser {
  private buffered: Buffer = Buffer.alloc(0);
  private status = 0;
  private headers: Record<string, string> = {};
  private mode: BodyMode | undefined;
  private remaining = 0;
  private bodyParts: Buffer[] = [];
  /** In chunked mode: bytes of the current chunk still to read, or -1 when a size line is next. */
  private chunkLeft = -1;
  private finished = false;
  /** True once the head said 2xx text/event-stream and a sink was given: the body goes to it as it arrives. */
  private streaming = false;

  /** `sink`: where a 2xx event-stream body goes, piece by piece, instead of being collected (--stream). */
  constructor(
    private readonly method: string,
    private readonly sink?: (piece: Buffer) => void,
  ) {}

  /** A piece of the body: to the sink when streaming, else kept for the whole body. */
  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.streaming) this.sink!(piece);
    else this.bodyParts.push(piece);
  }

  /** Feeds bytes; returns the response once it is complete. Throws ConnectionFailure on bytes that are not HTTP. */
  push(data: Buffer): RawResponse | undefined {
    this.buffered = this.buffered.length === 0 ? data : Buffer.concat([this.buffered, data]);
    if (this.mode === undefined && !this.parseHead()) return undefined;
    return this.parseBody();
  }

  /** The connection closed: a body delimited by the close is complete now; anything else was cut short. */
  end(): RawResponse | undefined {
    if (this.mode === 'close' && !this.finished) {
      this.take(this.buffered);
      return this.done();
    }
    return undefined;
  }

  private parseHead(): boolean {
    for (;;) {
      const headEnd = this.buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) {
        if (this.buffered.length > 256 * 1024) throw new ConnectionFailure('response headers larger than 256 KiB');
        return false;
      }
      const lines = this.buffered.toString('latin1', 0, headEnd).split('\r\n');
      this.buffered = this.buffered.subarray(headEnd + 4);
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
      if (!statusLine) throw new ConnectionFailure(`not an HTTP/1.x response: ${JSON.stringify(lines[0].slice(0, 80))}`);
      const status = Number(statusLine[1]);
      // 1xx answers (100 Continue, 103 Early Hints) come before the real one.
      if (status >= 100 && status < 200 && status !== 101) continue;
      this.status = status;
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':');
        if (colon > 0) this.headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
      const transferEncoding = this.headers['transfer-encoding'];
      const contentLength = this.headers['content-length'];
      if (this.method === 'HEAD' || status === 204 || status === 304) {
        this.mode = 'length';
        this.remaining = 0;
      } else if (transferEncoding !== undefined && /chunked\s*$/i.test(transferEncoding)) {
        this.mode = 'chunked';
      } else if (contentLength !== undefined) {
        if (!/^\d+$/.test(contentLength)) throw new ConnectionFailure(`bad Content-Length: ${contentLength}`);
        this.mode = 'length';
        this.remaining = Number(contentLength);
      } else {
        this.mode = 'close';
      }
      this.streaming = this.sink !== undefined && status >= 200 && status < 300 && /text\/event-stream/i.test(this.headers['content-type'] ?? '');
      return true;
    }
  }

  private parseBody(): RawResponse | undefined {
    if (this.mode === 'length') {
      if (this.streaming) {
        const n = Math.min(this.buffered.length, this.remaining);
        this.take(this.buffered.subarray(0, n));
        this.buffered = this.buffered.subarray(n);
        this.remaining -= n;
        return this.remaining === 0 ? this.done() : undefined;
      }
      if (this.buffered.length < this.remaining) return undefined;
      this.bodyParts.push(this.buffered.subarray(0, this.remaining));
      return this.done();
    }
    if (this.mode === 'close') {
      if (this.streaming) {
        this.take(this.buffered);
        this.buffered = Buffer.alloc(0);
      }
      return undefined;
    }
    // Chunked: size line, data, CRLF; a zero size ends the body (trailers, if any, end with an empty line).
    for (;;) {
      if (this.chunkLeft < 0) {
        const lineEnd = this.buffered.indexOf('\r\n');
        if (lineEnd < 0) return undefined;
        const sizeText = this.buffered.toString('latin1', 0, lineEnd).split(';')[0].trim();
        if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw new ConnectionFailure(`bad chunk size: ${JSON.stringify(sizeText.slice(0, 20))}`);
        const size = parseInt(sizeText, 16);
        if (size === 0) {
          const trailersEnd = this.buffered.indexOf('\r\n\r\n', lineEnd);
          const emptyAfterSize = this.buffered.length >= lineEnd + 4 && this.buffered.toString('latin1', lineEnd, lineEnd + 4) === '\r\n\r\n';
          if (!emptyAfterSize && trailersEnd < 0) return undefined;
          return this.done();
        }
        this.buffered = this.buffered.subarray(lineEnd + 2);
        this.chunkLeft = size;
      }
      if (this.buffered.length < this.chunkLeft + 2) return undefined;
      this.take(this.buffered.subarray(0, this.chunkLeft));
      this.buffered = this.buffered.subarray(this.chunkLeft + 2);
      this.chunkLeft = -1;
    }
  }

  private done(): RawResponse {
    this.finished = true;
    const body = this.bodyParts.length === 1 ? this.bodyParts[0] : Buffer.concat(this.bodyParts);
    return { status: this.status, headers: this.headers, body };
  }
}

