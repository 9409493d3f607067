// Streams a JSONL file line by line (split2), so memory does not grow with the file. Accepts a UTF-8 BOM and
// CRLF endings; reports each line's 0-based physical index, which is the item id.
import { createReadStream } from 'node:fs';
import split2 from 'split2';

export interface RawLine {
  /** 0-based physical line index (blank lines count). */
  index: number;
  text: string;
}

/** Non-blank lines of a file. Pausing the consumer pauses the file read (async iteration applies backpressure). */
export async function* readJsonlLines(file: string): AsyncGenerator<RawLine> {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(split2());
  let index = -1;
  try {
    for await (const chunk of stream) {
      index++;
      let text = chunk as string;
      if (index === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() === '') continue;
      yield { index, text };
    }
  } finally {
    stream.destroy();
  }
}

/** Number of non-blank lines, for progress totals; streams too. */
export async function countJsonlLines(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readJsonlLines(file)) n++;
  return n;
}
