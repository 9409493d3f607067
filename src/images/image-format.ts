// What an image file is, told from its bytes and never from its name: PNG, JPEG, WebP or GIF, and its width
// and height from the format's own header. A PNG named photo.jpg goes out as image/png; a text file named
// chart.png is refused. Reads only the bytes it needs, through `readAt`, so a 20 MB JPEG costs a few reads.

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export interface ImageFormat {
  mime: ImageMime;
  width: number;
  height: number;
}

/** Reads up to `length` bytes at `offset`; fewer at the end of the data. */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/** Why bytes are not an image we send; the message is written after "image N: ". */
export class NotAnImageError extends Error {
  override name = 'NotAnImageError';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format from the first bytes (12 are enough), or undefined. */
export function sniffMime(head: Buffer): ImageMime | undefined {
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 6 && /^GIF8[79]a$/.test(head.toString('latin1', 0, 6))) return 'image/gif';
  return undefined;
}

/** What the first bytes look like when they are not an image, for the message. */
function describeHead(head: Buffer): string {
  if (head.length === 0) return 'the file is empty';
  const start = head.toString('latin1', 0, Math.min(head.length, 16));
  if (/^\s*[<{[]/.test(start)) return 'it looks like text (HTML, XML or JSON), not an image';
  if (start.startsWith('%PDF')) return 'it is a PDF, not an image';
  if (start.startsWith('BM')) return 'it is a BMP, which is not sent (PNG, JPEG, WebP or GIF)';
  if (/^II\*\0|^MM\0\*/.test(start)) return 'it is a TIFF, which is not sent (PNG, JPEG, WebP or GIF)';
  return 'its bytes are not PNG, JPEG, WebP or GIF';
}

/** Sniffs the format and reads the dimensions; throws NotAnImageError for anything else or a broken header. */
export async function readImageFormat(readAt: ReadAt): Promise<ImageFormat> {
  const head = await readAt(0, 32);
  const mime = sniffMime(head);
  if (!mime) throw new NotAnImageError(describeHead(head));
  const size = mime === 'image/png' ? pngSize(head) : mime === 'image/gif' ? gifSize(head) : mime === 'image/webp' ? await webpSize(readAt) : await jpegSize(readAt);
  if (!size || size.width <= 0 || size.height <= 0) throw new NotAnImageError(`a ${mime.slice(6).toUpperCase()} header without a width and height (a broken or truncated file)`);
  return { mime, ...size };
}

type Size = { width: number; height: number } | undefined;

function pngSize(head: Buffer): Size {
  // The IHDR chunk comes first: length (4), "IHDR", width (4), height (4).
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function gifSize(head: Buffer): Size {
  if (head.length < 10) return undefined;
  return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
}

async function webpSize(readAt: ReadAt): Promise<Size> {
  const b = await readAt(12, 18);
  if (b.length < 18) return undefined;
  const chunk = b.toString('latin1', 0, 4);
  if (chunk === 'VP8X') {
    // Canvas size minus one, 24-bit little endian, at bytes 12..17 of the chunk's payload start + 4.
    return { width: 1 + b.readUIntLE(12, 3), height: 1 + b.readUIntLE(15, 3) };
  }
  if (chunk === 'VP8L') {
    if (b[8] !== 0x2f) return undefined;
    const bits = b.readUInt32LE(9);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    // A key frame: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (b[11] !== 0x9d || b[12] !== 0x01 || b[13] !== 0x2a) return undefined;
    return { width: b.readUInt16LE(14) & 0x3fff, height: b.readUInt16LE(16) & 0x3fff };
  }
  return undefined;
}

/** Walks the JPEG's segments (skipping EXIF and the like by their lengths) to the first start-of-frame. */
async function jpegSize(readAt: ReadAt): Promise<Size> {
  let offset = 2;
  for (let segments = 0; segments < 10_000; segments++) {
    const b = await readAt(offset, 9);
    if (b.length < 4) return undefined;
    if (b[0] !== 0xff) return undefined;
    const marker = b[1];
    // Fill bytes before a marker.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // Markers without a length: TEM, RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image or scan data before any frame
    const length = b.readUInt16BE(2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (b.length < 9) return undefined;
      return { height: b.readUInt16BE(5), width: b.readUInt16BE(7) };
    }
    if (length < 2) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

/** readAt over bytes already in memory (a data: URI's, a Parquet row's). */
export function readAtBuffer(bytes: Uint8Array): ReadAt {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return async (offset, length) => buffer.subarray(Math.min(offset, buffer.length), Math.min(offset + length, buffer.length));
}
