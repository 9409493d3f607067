// Request bodies written piece by piece: the JSON text of a request around the base64 of files (an image
// request's data: URIs), each file read and encoded a chunk at a time as the socket drains. A 200k-item run
// with a 1 MB image per item then holds one chunk per request in flight, not its images.
import { open } from 'node:fs/promises';
import type net from 'node:net';

/** A file sent as base64 inside a body: its bytes are read and encoded as they are written, never held. */
export interface Base64File {
  path: string;
  /** Its size when checked: the body's length is computed from it, and a file that changed fails the request. */
  bytes: number;
}

/** A body written piece by piece: JSON text around the base64 of files (an image request's data: URIs). */
export interface BodyPieces {
  kind: 'pieces';
  pieces: readonly (string | Base64File)[];
}

/** The bytes a body of pieces sends: its strings as UTF-8, each file as padded base64. */
export function piecesLength(body: BodyPieces): number {
  let total = 0;
  for (const piece of body.pieces) total += typeof piece === 'string' ? Buffer.byteLength(piece) : 4 * Math.ceil(piece.bytes / 3);
  return total;
}

export function isPieces(body: Buffer | string | BodyPieces | undefined): body is BodyPieces {
  return typeof body === 'object' && !Buffer.isBuffer(body);
}

/** A file of a body changed size or could not be read while the request was written: not worth retrying. */
export class BodyFileError extends Error {
  override name = 'BodyFileError';
}

// A multiple of 3, so that each chunk's base64 joins the next without padding in between.
const FILE_CHUNK = 3 * 21_846;

/**
 * Writes a body of pieces, waiting for the socket to drain whenever its buffer is full, so that at most a
 * chunk of each file is in memory per request. Stops quietly when the exchange ended meanwhile (answered
 * early, aborted, the connection lost).
 */
export async function writePieces(socket: net.Socket, alive: () => boolean, head: string, body: BodyPieces): Promise<void> {
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  let text = head;
  const flushText = async () => {
    if (text === '') return;
    const full = !socket.write(text, 'utf8');
    text = '';
    if (full) await drained();
  };
  for (const piece of body.pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    await flushText();
    if (!alive()) return;
    let handle;
    try {
      handle = await open(piece.path, 'r');
    } catch (err) {
      throw new BodyFileError(`cannot read ${piece.path} while sending it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    try {
      const buffer = Buffer.allocUnsafe(FILE_CHUNK);
      let sent = 0;
      let carry = 0;
      for (;;) {
        if (!alive()) return;
        const { bytesRead } = await handle.read(buffer, carry, FILE_CHUNK - carry, sent + carry);
        const filled = carry + bytesRead;
        const atEnd = bytesRead === 0 || sent + filled >= piece.bytes;
        // Whole groups of 3 bytes, except at the end of the file, where padding closes it.
        const usable = atEnd ? filled : filled - (filled % 3);
        if (sent + usable > piece.bytes) throw new BodyFileError(`${piece.path} grew while it was being sent (checked at ${piece.bytes} bytes)`);
        if (usable > 0 && !socket.write(buffer.toString('base64', 0, usable), 'latin1')) await drained();
        sent += usable;
        carry = filled - usable;
        if (carry > 0) buffer.copy(buffer, 0, usable, filled);
        if (atEnd) break;
      }
      if (sent !== piece.bytes) throw new BodyFileError(`${piece.path} shrank while it was being sent (${sent} of ${piece.bytes} bytes)`);
    } catch (err) {
      if (err instanceof BodyFileError) throw err;
      throw new BodyFileError(`cannot read ${piece.path} while sending it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    } finally {
      await handle.close();
    }
  }
  if (alive()) await flushText();
}
