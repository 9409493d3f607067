// Checks an item's images before its line is sent, and says what each one is: a local file (its path, format,
// size, dimensions, sha256), a data: URI (the same, decoded once), or an http(s) URL passed through for the
// server to fetch (or, with --inline_image_urls, fetched here into the cache and then a file). A missing,
// unreadable, oversized or non-image entry is the line's input error ("image N: ..."); nothing is sent for it.
// A file's bytes are never held: its sha256 is computed streaming, and remembered by (path, size, mtime).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { NotAnImageError, readAtBuffer, readImageFormat, type ImageMime } from './image-format.ts';
import { isStrictBase64, splitDataUri } from './data-uri.ts';

export interface ImageLimits {
  /** --max_image_bytes. */
  maxBytes: number;
  /** --max_image_pixels (width × height). */
  maxPixels: number;
  /** --inline_image_urls: fetch http(s) images here and send their bytes. */
  inlineUrls: boolean;
  /** Where fetched images are kept (<cache_dir>/images). */
  cacheDir: string;
  /** One fetch's time limit. */
  fetchTimeoutMs: number;
  /** --image_root: local images must be inside it (or be the cache's own images). */
  root?: string;
}

interface Described {
  mime: ImageMime;
  bytes: number;
  sha256: string;
  width: number;
  height: number;
}

/** What a checked image is, for the request and the details row. */
export type ItemImage =
  | ({ kind: 'file'; ref: string; path: string } & Described)
  | ({ kind: 'data'; uri: string } & Described)
  | { kind: 'url'; url: string };

/** One failed check, worded for "file:line: image N: ...". */
export class ImageCheckError extends Error {
  override name = 'ImageCheckError';
}

/** The details row's record of an image: where it came from and what it was, never its bytes. */
export function imageRecord(image: ItemImage): Record<string, unknown> {
  if (image.kind === 'url') return { url: image.url };
  const what = { mime: image.mime, bytes: image.bytes, sha256: image.sha256, width: image.width, height: image.height };
  if (image.kind === 'data') return { data_uri: true, ...what };
  return /^https?:/i.test(image.ref) ? { url: image.ref, ...what } : { path: image.ref, ...what };
}

const known = new Map<string, Described>();
const KNOWN_MAX = 20_000;

function remember(key: string, d: Described): void {
  if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value as string);
  known.set(key, d);
}

function limitsMessage(d: { bytes: number; width: number; height: number }, limits: ImageLimits): string | undefined {
  if (d.bytes > limits.maxBytes) return `${d.bytes} bytes, over --max_image_bytes ${limits.maxBytes}`;
  const pixels = d.width * d.height;
  if (pixels > limits.maxPixels) return `${d.width}×${d.height} = ${pixels} pixels, over --max_image_pixels ${limits.maxPixels}`;
  return undefined;
}

/** Checks a local file; `ref` is the entry as the line wrote it (kept in details). */
export async function checkImageFile(file: string, ref: string, limits: ImageLimits): Promise<ItemImage> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImageCheckError(code === 'ENOENT' ? `not found: ${file}` : `cannot read ${file} (${code ?? (err as Error).message})`);
  }
  if (!info.isFile()) throw new ImageCheckError(`${file} is not a file`);
  if (limits.root !== undefined) await checkInsideRoot(file, limits);
  if (info.size > limits.maxBytes) throw new ImageCheckError(`${file}: ${info.size} bytes, over --max_image_bytes ${limits.maxBytes}`);
  const key = `${file}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
  let described = known.get(key);
  if (!described) {
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (err) {
      throw new ImageCheckError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    try {
      const format = await readImageFormat(async (offset, length) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      });
      described = { ...format, bytes: info.size, sha256: await sha256File(file) };
    } catch (err) {
      if (err instanceof NotAnImageError) throw new ImageCheckError(`${file}: ${err.message}`);
      throw new ImageCheckError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    } finally {
      await handle.close();
    }
    remember(key, described);
  }
  const over = limitsMessage(described, limits);
  if (over) throw new ImageCheckError(`${file}: ${over}`);
  return { kind: 'file', ref, path: file, ...described };
}

/** A path that resolves (links followed) outside --image_root is refused, unless it is one of the cache's images. */
async function checkInsideRoot(file: string, limits: ImageLimits): Promise<void> {
  const real = await realpath(file);
  const inside = async (dir: string) => {
    let base: string;
    try {
      base = await realpath(dir);
    } catch {
      return false;
    }
    return real === base || real.startsWith(base + path.sep);
  };
  if (await inside(limits.root!)) return;
  if (await inside(path.join(limits.cacheDir, 'images'))) return;
  throw new ImageCheckError(`${file} is outside --image_root ${limits.root}`);
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks a data: URI (base64 only: an image in percent-encoding is refused as unusual). */
export async function checkDataUri(uri: string, limits: ImageLimits): Promise<ItemImage> {
  const parts = splitDataUri(uri);
  if (!parts) throw new ImageCheckError('a data: URI without its comma (expected data:image/png;base64,...)');
  if (!parts.base64) throw new ImageCheckError('a data: URI that is not base64 (expected data:image/...;base64,...)');
  const { payload } = parts;
  if (!isStrictBase64(payload)) throw new ImageCheckError('a data: URI whose base64 is broken (characters outside A-Z a-z 0-9 + / =, or a length not a multiple of 4)');
  const approxBytes = (payload.length / 4) * 3;
  if (approxBytes > limits.maxBytes + 2) throw new ImageCheckError(`a data: URI of about ${Math.round(approxBytes)} bytes, over --max_image_bytes ${limits.maxBytes}`);
  const bytes = Buffer.from(payload, 'base64');
  let format;
  try {
    format = await readImageFormat(readAtBuffer(bytes));
  } catch (err) {
    if (err instanceof NotAnImageError) throw new ImageCheckError(`a data: URI whose bytes are not an image: ${err.message}`);
    throw err;
  }
  const described: Described = { ...format, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  const over = limitsMessage(described, limits);
  if (over) throw new ImageCheckError(`a data: URI of ${over}`);
  // The type sent is the one the bytes are, whatever the URI said.
  const declared = parts.mime;
  return { kind: 'data', uri: declared === format.mime ? uri : `data:${format.mime};base64,${payload}`, ...described };
}

/** Fetches an http(s) image into the cache (once per URL) and checks it as a file. */
async function inlineUrl(url: string, limits: ImageLimits): Promise<ItemImage> {
  const dir = path.join(limits.cacheDir, 'images', 'url');
  const cached = path.join(dir, createHash('sha256').update(url).digest('hex'));
  try {
    await stat(cached);
  } catch {
    await mkdir(dir, { recursive: true });
    const part = `${cached}.${process.pid}.part`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(limits.fetchTimeoutMs), redirect: 'follow' });
    } catch (err) {
      throw new ImageCheckError(`cannot fetch ${url} (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message})`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ImageCheckError(`cannot fetch ${url}: HTTP ${response.status}`);
    }
    let received = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > limits.maxBytes) done(new ImageCheckError(`${url}: more than --max_image_bytes ${limits.maxBytes} bytes`));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), cap, createWriteStream(part));
      await rename(part, cached);
    } catch (err) {
      await unlink(part).catch(() => undefined);
      if (err instanceof ImageCheckError) throw err;
      throw new ImageCheckError(`cannot fetch ${url} (${(err as Error).message})`);
    }
  }
  return checkImageFile(cached, url, limits);
}

/** Checks one entry of `images` as the line wrote it; relative paths are read from `baseDir`. */
export async function checkImage(entry: string, baseDir: string, limits: ImageLimits): Promise<ItemImage> {
  if (/^data:/i.test(entry)) return checkDataUri(entry, limits);
  if (/^https?:\/\//i.test(entry)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ImageCheckError(`not a valid URL: ${entry}`);
    }
    return limits.inlineUrls ? inlineUrl(url.href, limits) : { kind: 'url', url: url.href };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) && !/^file:/i.test(entry)) throw new ImageCheckError(`unsupported URL scheme in ${JSON.stringify(entry)} (expected a path, a data: URI, or an http(s) URL)`);
  const file = /^file:/i.test(entry) ? fileURLToPath(entry) : path.resolve(baseDir, entry);
  return checkImageFile(file, entry, limits);
}
