// An image item's user message as OpenAI content parts: text and image_url parts in the order the prompt's
// markers give (src/images/image-layout.ts). A data: URI or URL goes in as it is; a local file's data: URI is
// a placeholder in the JSON that the body writer replaces with the file's base64 as it sends, so the body of
// a 20 MB image is never one string. The dry run shows the same parts with each image as its size and hash.
import { randomBytes } from 'node:crypto';
import type { ItemImage } from '../images/image-check.ts';
import { layoutPrompt } from '../images/image-layout.ts';
import type { Base64File, BodyPieces } from './http1-pool.ts';
import { EncodedBody } from './http.ts';

// Random per process: no prompt can contain it by chance, so cutting the JSON text at it is safe.
const TOKEN = `bootcamp-eval-file-${randomBytes(12).toString('hex')}-`;
const TOKEN_AT = new RegExp(`${TOKEN}(\\d+)`);

export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** How each image is written into its part. */
type ImageUrl = (image: ItemImage, index: number) => string;

const forRequest: ImageUrl = (image, index) => (image.kind === 'url' ? image.url : image.kind === 'data' ? image.uri : `data:${image.mime};base64,${TOKEN}${index}`);

/** The dry run's view: bytes elided to what they are. */
const forDisplay: ImageUrl = (image) =>
  image.kind === 'url' ? image.url : `data:${image.mime};base64,<${image.bytes} bytes, sha256 ${image.sha256}${image.kind === 'file' ? `, from ${image.ref}` : ''}>`;

export function contentParts(prompt: string, images: readonly ItemImage[], url: ImageUrl = forRequest): ContentPart[] {
  return layoutPrompt(prompt, images.length).map((part) =>
    part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: url(images[part.index], part.index) } },
  );
}

export function displayContentParts(prompt: string, images: readonly ItemImage[]): ContentPart[] {
  return contentParts(prompt, images, forDisplay);
}

/**
 * The body to send: plain when no image is a local file (the client stringifies it as always), else its JSON
 * text cut at each file's placeholder into pieces the pool writes with the file's base64 in between.
 */
export function encodeImageBody(body: Record<string, unknown>, images: readonly ItemImage[] | undefined): Record<string, unknown> | EncodedBody {
  if (!images || !images.some((image) => image.kind === 'file')) return body;
  const text = JSON.stringify(body);
  const cut = text.split(TOKEN_AT);
  const pieces: (string | Base64File)[] = [];
  for (let i = 0; i < cut.length; i++) {
    if (i % 2 === 0) {
      if (cut[i] !== '') pieces.push(cut[i]);
    } else {
      const image = images[Number(cut[i])];
      if (image?.kind !== 'file') throw new Error(`image placeholder ${cut[i]} names no file image`);
      pieces.push({ path: image.path, bytes: image.bytes });
    }
  }
  const encoded: BodyPieces = { kind: 'pieces', pieces };
  return new EncodedBody(encoded);
}
