// The mock's side of image inputs, as vLLM serves a vision-language model: a chat message's content may be a
// list of parts; each image_url part must be a data: URI whose type is an image type and whose base64 decodes
// to that image (or an http(s) URL the server fetches itself); anything else is vLLM's 400. Each image counts
// a fixed number of prompt tokens. The mock can answer from an oracle keyed by an image's sha256, and logs
// what each request carried (--request-log), so tests check that every image arrived byte for byte.
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { readAtBuffer, readImageFormat, sniffMime } from '../images/image-format.ts';
import { isStrictBase64, splitDataUri } from '../images/data-uri.ts';
import { UsageError } from '../errors.ts';

export interface SeenImage {
  mime: string;
  bytes: number;
  sha256: string;
  width: number;
  height: number;
}

export interface ReadMessage {
  /** The user message's text: its text parts joined (or the content string). */
  text: string;
  images: SeenImage[];
}

/** A request the mock refuses as vLLM does (400 BadRequestError). */
export class BadImageError extends Error {
  override name = 'BadImageError';
}


async function imageOf(url: string, fetchTimeoutMs: number): Promise<SeenImage> {
  let bytes: Buffer;
  let declared: string | undefined;
  const parts = splitDataUri(url);
  if (parts && parts.base64 && parts.mime.startsWith('image/')) {
    declared = parts.mime;
    if (!isStrictBase64(parts.payload)) throw new BadImageError('Invalid image: the base64 data is not valid');
    bytes = Buffer.from(parts.payload, 'base64');
  } else if (/^https?:\/\//i.test(url)) {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs) });
    } catch (err) {
      throw new BadImageError(`Failed to fetch image from ${url}: ${(err as Error).message}`);
    }
    if (!response.ok) throw new BadImageError(`Failed to fetch image from ${url}: HTTP ${response.status}`);
    bytes = Buffer.from(await response.arrayBuffer());
  } else if (/^data:/i.test(url)) {
    throw new BadImageError('Invalid image: a data URL must be data:image/<type>;base64,<data>');
  } else {
    throw new BadImageError(`Invalid image URL: only data: and http(s): URLs are supported, got ${JSON.stringify(url.slice(0, 40))}`);
  }
  const sniffed = sniffMime(bytes.subarray(0, 16));
  if (!sniffed) throw new BadImageError('Invalid image: cannot identify image file');
  if (declared !== undefined && declared !== sniffed && !(declared === 'image/jpg' && sniffed === 'image/jpeg')) {
    throw new BadImageError(`Invalid image: the data URL says ${declared} but the bytes are ${sniffed}`);
  }
  let size;
  try {
    size = await readImageFormat(readAtBuffer(bytes));
  } catch {
    throw new BadImageError('Invalid image: cannot identify image file (a broken header)');
  }
  return { mime: sniffed, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), width: size.width, height: size.height };
}

/** The last user message's text and images; throws BadImageError for a part vLLM would refuse. */
export async function readUserMessage(body: Record<string, unknown>, fetchTimeoutMs = 10_000): Promise<ReadMessage> {
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  const content = user?.content;
  if (typeof content === 'string') return { text: content, images: [] };
  if (!Array.isArray(content)) return { text: '', images: [] };
  let text = '';
  const images: SeenImage[] = [];
  for (const part of content as { type?: unknown; text?: unknown; image_url?: { url?: unknown } }[]) {
    if (part?.type === 'text' && typeof part.text === 'string') text += part.text;
    else if (part?.type === 'image_url') {
      const url = part.image_url?.url;
      if (typeof url !== 'string') throw new BadImageError('Invalid image: image_url.url must be a string');
      images.push(await imageOf(url, fetchTimeoutMs));
    } else throw new BadImageError(`Unknown content part type: ${JSON.stringify(part?.type)}`);
  }
  return { text, images };
}

/** --image-answers FILE: a JSON object {sha256: reply} (the key of several images: their hashes joined by ","). */
export function loadImageAnswers(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--image-answers: cannot read ${file} as JSON (${(err as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new UsageError(`--image-answers: ${file} must be a JSON object of sha256 → reply text`);
  }
  return new Map(Object.entries(parsed as Record<string, string>));
}

/** The oracle's reply for these images: all their hashes joined, else the first image's. */
export function imageAnswer(answers: ReadonlyMap<string, string>, images: readonly SeenImage[]): string | undefined {
  if (images.length === 0) return undefined;
  return answers.get(images.map((i) => i.sha256).join(',')) ?? answers.get(images[0].sha256);
}

/** One line per generation request: its model, stream flag, text, and images (type, size, sha256). */
export function logRequest(file: string, entry: { model: unknown; stream: boolean; text: string; images: readonly SeenImage[] }): void {
  appendFileSync(file, JSON.stringify(entry) + '\n');
}
