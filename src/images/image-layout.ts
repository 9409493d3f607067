// Where an item's images stand in its prompt. `<image_N>` is the Nth entry of `images` (1-based, in whatever
// order the markers stand, and as often as they name it); a bare `<image>` takes the next entry not yet placed
// by a bare marker; without markers every image goes before the text, in order (what most VLM chat templates
// do with an image and a question). Pure: the same prompt and count give the same parts.

export type PromptPart = { type: 'text'; text: string } | { type: 'image'; index: number };

const MARKER = /<image(?:_(\d+))?>/g;

/** True when the prompt places images itself. */
export function hasImageMarkers(prompt: string): boolean {
  MARKER.lastIndex = 0;
  return MARKER.test(prompt);
}

/**
 * The prompt cut into text and image parts (0-based image indexes). Throws a message (for "file:line: ...")
 * when a marker names an image the item does not have, or an image is named by no marker while others are.
 */
export function layoutPrompt(prompt: string, imageCount: number): PromptPart[] {
  if (imageCount === 0) return [{ type: 'text', text: prompt }];
  const parts: PromptPart[] = [];
  const placed = new Set<number>();
  let bare = 0;
  let last = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(prompt); m; m = MARKER.exec(prompt)) {
    const text = prompt.slice(last, m.index);
    if (text.trim() !== '') parts.push({ type: 'text', text });
    last = m.index + m[0].length;
    let index: number;
    if (m[1] !== undefined) {
      const n = Number(m[1]);
      if (n < 1 || n > imageCount) throw new ImageLayoutError(`the prompt's marker ${m[0]} names image ${n}, but "images" has ${imageCount} entr${imageCount === 1 ? 'y' : 'ies'}`);
      index = n - 1;
    } else {
      if (bare >= imageCount) throw new ImageLayoutError(`the prompt has more bare <image> markers than "images" has entries (${imageCount})`);
      index = bare++;
    }
    placed.add(index);
    parts.push({ type: 'image', index });
  }
  if (placed.size === 0) {
    const images: PromptPart[] = Array.from({ length: imageCount }, (_, index) => ({ type: 'image', index }));
    return [...images, { type: 'text', text: prompt }];
  }
  const tail = prompt.slice(last);
  if (tail.trim() !== '') parts.push({ type: 'text', text: tail });
  for (let i = 0; i < imageCount; i++) {
    if (!placed.has(i)) throw new ImageLayoutError(`image ${i + 1} is named by no marker while the prompt places the others (add <image_${i + 1}> where it belongs)`);
  }
  return parts;
}

export class ImageLayoutError extends Error {
  override name = 'ImageLayoutError';
}
