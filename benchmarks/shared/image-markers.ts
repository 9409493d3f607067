// MMMU-style image placeholders ("<image 1>" in a question or an option) turned into this project's markers:
// the images a text names, in the order it first names them, and the text with each placeholder rewritten as
// <image_K> for its place in that list. Placeholders naming an image the row does not have are dropped, as
// EvalScope's media parser drops them.

const PLACEHOLDER = /<image (\d+)>/g;

export function renumberImagePlaceholders(text: string, hasImage: (n: number) => boolean): { text: string; order: number[] } {
  const order: number[] = [];
  const out = text.replace(PLACEHOLDER, (_whole, digits: string) => {
    const n = Number(digits);
    if (!hasImage(n)) return '';
    let at = order.indexOf(n);
    if (at < 0) at = order.push(n) - 1;
    return `<image_${at + 1}>`;
  });
  return { text: out, order };
}
