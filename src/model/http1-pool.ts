// A small keep-alive HTTP/1.1 client for the one thing the evaluator does thousands of times a second: send a
// JSON body and read a whole JSON answer back. node:http's ClientRequest/IncomingMessage machinery cost ~90 µs
// of CPU per request once warm and ~550 µs while V8 was still warming it up (the first ~4,000 requests of a
// run: most of a 5,488-line evaluation); this pool writes one buffer per request and parses the answer itself.
// It speaks what OpenAI-compatible servers send: Content-Length or chunked bodies, or a body ended by closing
// the connection; 1xx interim answers are skipped; `Connection: close` is honoured. No pipelining. A body of
// pieces (an image request) is written as it is read, file by file, with the socket's backpressure.
import net from 'node:net';
import tls from 'node:tls';
import { ResponseParser, ConnectionFailure, type RawResponse } from './http1-response.ts';
import { isPieces, piecesLength, writePieces, type BodyPieces } from './body-pieces.ts';

export { ConnectionFailure, type RawResponse };
export { BodyFileError, type BodyPieces, type Base64File } from './body-pieces.ts';

export interface Http1PoolOptions {
  /** http: or https: origin, e.g. new URL("http://127.0.0.1:8000"). */
  origin: URL;
  maxSockets: number;
  /** Extra TLS settings for https: (a private CA, say); the system's CAs are used otherwise. */
  tls?: Readonly<tls.ConnectionOptions>;
}

/** One exchange on a connection: settles once, whatever happens first. */
interface Exchange {
  parser: ResponseParser;
  /** A streamed body still being written: the connection cannot be reused if the answer comes first. */
  writing?: boolean;
  onBytes?: () => void;
  resolve(response: RawResponse): void;
  reject(error: Error): void;
}

interface Connection {
  socket: net.Socket;
  exchange?: Exchange;
  /** Set once the server said Connection: close, or the socket errored: never reused. */
  spent: boolean;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, e.g. "/v1/chat/completions". */
  path: string;
  /** The same object for every request that sends the same headers: their text is built once per object. */
  headers: Readonly<Record<string, string>>;
  /** A string is sent as UTF-8. */
  body?: Buffer | string | BodyPieces;
  /** A 2xx text/event-stream body is handed here piece by piece as it arrives (the response's body is empty). */
  onBody?: (piece: Buffer) => void;
  /** Called whenever bytes of the response arrive (an idle timeout's heartbeat). */
  onBytes?: () => void;
}

/** A request that can be abandoned (timeout, cancellation): abort() destroys its connection. */
export interface PendingResponse {
  response: Promise<RawResponse>;
  abort(reason: Error): void;
}

export class Http1Pool {
  private readonly idle: Connection[] = [];
  private readonly waiting: { start: (conn: Connection) => void }[] = [];
  private open = 0;
  private closed = false;
  private readonly hostHeader: string;
  private readonly port: number;
  private readonly secure: boolean;

  constructor(private readonly options: Http1PoolOptions) {
    this.secure = options.origin.protocol === 'https:';
    this.port = Number(options.origin.port) || (this.secure ? 443 : 80);
    this.hostHeader = options.origin.host;
  }

  send(request: RawRequest): PendingResponse {
    let conn: Connection | undefined;
    let aborted: Error | undefined;
    let rejectEarly: ((error: Error) => void) | undefined;
    const response = new Promise<RawResponse>((resolve, reject) => {
      rejectEarly = reject;
      this.acquire((acquired) => {
        conn = acquired;
        if (aborted) {
          this.release(acquired);
          return;
        }
        this.exchange(acquired, request, resolve, reject);
      });
    });
    return {
      response,
      abort: (reason) => {
        if (aborted) return;
        aborted = reason;
        if (conn?.exchange) {
          const exchange = conn.exchange;
          conn.exchange = undefined;
          conn.spent = true;
          conn.socket.destroy();
          exchange.reject(reason);
        } else {
          // Still waiting for a connection: drop out of the queue.
          rejectEarly?.(reason);
        }
      },
    };
  }

  private exchange(conn: Connection, request: RawRequest, resolve: (r: RawResponse) => void, reject: (e: Error) => void): void {
    conn.exchange = {
      parser: new ResponseParser(request.method, request.onBody),
      onBytes: request.onBytes,
      resolve: (r) => {
        const unfinished = conn.exchange?.writing === true;
        conn.exchange = undefined;
        if (r.headers.connection?.toLowerCase() === 'close' || unfinished) conn.spent = true;
        this.release(conn);
        resolve(r);
      },
      reject: (e) => {
        conn.exchange = undefined;
        conn.spent = true;
        conn.socket.destroy();
        reject(e);
      },
    };
    const { body } = request;
    const { text: headerLines, ascii } = this.headerLines(request.headers);
    let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\n${headerLines}`;
    if (body !== undefined) head += `content-length: ${typeof body === 'string' ? Buffer.byteLength(body) : isPieces(body) ? piecesLength(body) : body.length}\r\n`;
    head += '\r\n';
    if (isPieces(body)) {
      const exchange = conn.exchange;
      exchange.writing = true;
      writePieces(conn.socket, () => conn.exchange === exchange && !conn.socket.destroyed, head, body).then(
        () => {
          exchange.writing = false;
        },
        (err: Error) => {
          if (conn.exchange === exchange) exchange.reject(err);
        },
      );
      return;
    }
    // One write per request, headers and body together, so one syscall sends both. A string body is encoded
    // with the head in that one write (no intermediate buffers) when the head is ASCII, as it nearly always is.
    if (typeof body === 'string' && ascii) {
      conn.socket.write(head + body, 'utf8');
    } else {
      const headBytes = Buffer.from(head, 'latin1');
      conn.socket.write(body === undefined ? headBytes : Buffer.concat([headBytes, typeof body === 'string' ? Buffer.from(body, 'utf8') : body]));
    }
  }

  private readonly headerText = new WeakMap<object, { text: string; ascii: boolean }>();

  /** The header lines of a headers object, built once per object. */
  private headerLines(headers: Readonly<Record<string, string>>): { text: string; ascii: boolean } {
    let found = this.headerText.get(headers);
    if (!found) {
      let text = '';
      for (const name in headers) text += `${name}: ${headers[name]}\r\n`;
      found = { text, ascii: /^[\x00-\x7f]*$/.test(text) };
      this.headerText.set(headers, found);
    }
    return found;
  }

  private acquire(start: (conn: Connection) => void): void {
    if (this.closed) throw new ConnectionFailure('client closed');
    // LIFO: the most recently used connection is the least likely to have been closed by the server.
    const conn = this.idle.pop();
    if (conn) {
      conn.socket.ref();
      return start(conn);
    }
    if (this.open < this.options.maxSockets) return start(this.connect());
    this.waiting.push({ start });
  }

  private release(conn: Connection): void {
    if (conn.spent || this.closed) {
      conn.socket.destroy();
      return this.startWaiting();
    }
    const next = this.waiting.shift();
    if (next) return next.start(conn);
    conn.socket.unref();
    this.idle.push(conn);
  }

  /** A connection went away: a waiting request may open a new one. */
  private startWaiting(): void {
    if (this.waiting.length > 0 && this.open < this.options.maxSockets && !this.closed) this.waiting.shift()!.start(this.connect());
  }

  private connect(): Connection {
    const { hostname } = this.options.origin;
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    const socket = this.secure ? tls.connect({ ...this.options.tls, host, port: this.port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port: this.port });
    socket.setNoDelay(true);
    const conn: Connection = { socket, spent: false };
    this.open++;
    socket.on('data', (data: Buffer) => {
      const exchange = conn.exchange;
      if (!exchange) {
        // Bytes nobody asked for: the connection is out of step, never reuse it.
        conn.spent = true;
        socket.destroy();
        return;
      }
      exchange.onBytes?.();
      let done: RawResponse | undefined;
      try {
        done = exchange.parser.push(data);
      } catch (err) {
        return exchange.reject(err as Error);
      }
      if (done) exchange.resolve(done);
    });
    socket.on('end', () => {
      const exchange = conn.exchange;
      conn.spent = true;
      if (!exchange) return;
      const done = exchange.parser.end();
      if (done) exchange.resolve(done);
      else exchange.reject(new ConnectionFailure('socket hang up: the server closed the connection before answering', 'ECONNRESET'));
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      conn.spent = true;
      conn.exchange?.reject(new ConnectionFailure(err.message, err.code));
    });
    socket.on('close', () => {
      this.open--;
      conn.spent = true;
      const at = this.idle.indexOf(conn);
      if (at >= 0) this.idle.splice(at, 1);
      conn.exchange?.reject(new ConnectionFailure('socket hang up', 'ECONNRESET'));
      this.startWaiting();
    });
    return conn;
  }

  /**
   * Opens connections up to `count` before they are needed and resolves once each has connected or failed
   * (failures are left to the requests, which report them). A run's first wave of requests then does not pay
   * for 128 TCP (or TLS) handshakes while its answers are already coming back.
   */
  async warm(count: number): Promise<void> {
    const opening: Promise<void>[] = [];
    while (this.open < Math.min(count, this.options.maxSockets) && !this.closed) {
      const conn = this.connect();
      opening.push(
        new Promise<void>((resolve) => {
          conn.socket.once(this.secure ? 'secureConnect' : 'connect', () => {
            if (!conn.exchange && !conn.spent) this.release(conn);
            resolve();
          });
          conn.socket.once('close', () => resolve());
        }),
      );
    }
    await Promise.all(opening);
  }

  close(): void {
    this.closed = true;
    for (const conn of this.idle.splice(0)) conn.socket.destroy();
  }
}
