// --image_max_side N: an image whose longer side is above N is scaled down to fit N×N (its proportions kept)
// just before its request is written, and re-encoded in its own format (a GIF as PNG, its first frame). With
// sharp (libvips, Apache-2.0, prebuilt binaries in its npm packages), loaded only when the flag is given. The
// details row keeps the original's reference and hash; only the request carries the smaller copy, built per
// request and dropped after it, so memory stays one small image per request in flight.
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';
import type { ItemImage } from './image-check.ts';
import type { ImageMime } from './image-format.ts';

type Sharp = typeof import('sharp').default;
let loaded: Promise<Sharp> | undefined;

/** Loads sharp once; a platform without its prebuilt binary is a clear start-up error, not a crash per item. */
export function loadResizer(): Promise<Sharp> {
  loaded ??= import('sharp').then(
    (m) => m.default,
    (err: Error) => {
      throw new UsageError(`--image_max_side needs the sharp image library, which did not load here (${err.message.split('\n')[0]}); run without --image_max_side`);
    },
  );
  return loaded;
}

function needsResize(image: ItemImage, maxSide: number): boolean {
  return image.kind !== 'url' && Math.max(image.width, image.height) > maxSide;
}

/** The images as the request should carry them: those larger than maxSide replaced by a scaled-down data: URI. */
export async function fitImages(images: readonly ItemImage[], maxSide: number): Promise<readonly ItemImage[]> {
  if (!images.some((image) => needsResize(image, maxSide))) return images;
  const sharp = await loadResizer();
  return Promise.all(
    images.map(async (image) => {
      if (image.kind === 'url' || !needsResize(image, maxSide)) return image;
      const input = image.kind === 'file' ? image.path : Buffer.from(image.uri.slice(image.uri.indexOf(',') + 1), 'base64');
      let pipeline = sharp(input, { animated: false }).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
      let mime: ImageMime = image.mime;
      if (mime === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 90 });
      else if (mime === 'image/webp') pipeline = pipeline.webp({ quality: 90 });
      else {
        pipeline = pipeline.png();
        mime = 'image/png';
      }
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return { kind: 'data', uri: `data:${mime};base64,${data.toString('base64')}`, mime, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), width: info.width, height: info.height } satisfies ItemImage;
    }),
  );
}
