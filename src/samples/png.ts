// A small PNG encoder and a canvas to draw on: filled rectangles and digits in a 3×5 pixel font, scaled. The
// project makes its own test images with it (charts with known answers, images of a given size), so no image
// data needs to be stored or downloaded. 8-bit RGB, no interlace, one IDAT chunk.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export type Rgb = readonly [number, number, number];

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3);
  }

  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.pixels.set(color, (yy * this.width + xx) * 3);
  }

  /** Digits (and "." and "-") in a 3×5 font, each font pixel `scale` pixels wide, from the top-left corner. */
  text(x: number, y: number, digits: string, scale: number, color: Rgb = [0, 0, 0]): void {
    let cx = x;
    for (const ch of digits) {
      const glyph = FONT[ch];
      if (glyph) {
        for (let row = 0; row < 5; row++) for (let col = 0; col < 3; col++) if (glyph[row][col] === '#') this.rect(cx + col * scale, y + row * scale, scale, scale, color);
      }
      cx += 4 * scale;
    }
  }

  png(): Buffer {
    // Each row: filter type 0 (none), then its RGB bytes.
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) raw.set(this.pixels.subarray(y * this.width * 3, (y + 1) * this.width * 3), y * (this.width * 3 + 1) + 1);
    return encodePng(this.width, this.height, raw);
  }
}

/** A PNG of rows already filtered (each row's filter byte first). */
function encodePng(width: number, height: number, filteredRows: Uint8Array, level = 6): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(filteredRows, { level })), chunk('IEND', new Uint8Array())]);
}

/**
 * A PNG of about `bytes` bytes: noise that deflate cannot shrink, so the file size follows the pixel count
 * (benchmarks of large images; `seed` makes each one different, so hashes differ).
 */
export function noisePng(bytes: number, seed: number): Buffer {
  const side = Math.max(1, Math.ceil(Math.sqrt(bytes / 3)));
  const raw = Buffer.alloc((side * 3 + 1) * side);
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < raw.length; i++) {
    if (i % (side * 3 + 1) === 0) continue;
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    raw[i] = state & 0xff;
  }
  // Stored, not compressed: noise would not shrink, and the benchmark makes many.
  return encodePng(side, side, raw, 0);
}

const FONT: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '.': ['...', '...', '...', '...', '.#.'],
  '-': ['...', '...', '###', '...', '...'],
};
