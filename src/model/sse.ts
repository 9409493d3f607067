// Server-sent events, as OpenAI-compatible servers send a streamed answer: `data:` lines, an event ending at a
// blank line, `:` comment lines (keep-alives) ignored, LF or CRLF line ends, UTF-8 split anywhere across chunks.
import { StringDecoder } from 'node:string_decoder';

export class SseDecoder {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private data: string[] = [];

  /** Feeds bytes; calls `onEvent` with each complete event's data (its data lines joined by "\n"). */
  push(chunk: Buffer, onEvent: (data: string) => void): void {
    this.feed(this.decoder.write(chunk), onEvent);
  }

  /** The stream ended: an event not closed by a blank line still counts (some servers omit the last one). */
  end(onEvent: (data: string) => void): void {
    this.feed(this.decoder.end() + '\n\n', onEvent);
  }

  private feed(text: string, onEvent: (data: string) => void): void {
    let buffered = this.partial + text;
    let start = 0;
    for (;;) {
      const nl = buffered.indexOf('\n', start);
      if (nl < 0) break;
      const line = buffered.charCodeAt(nl - 1) === 13 && nl > start ? buffered.slice(start, nl - 1) : buffered.slice(start, nl);
      start = nl + 1;
      if (line === '') {
        if (this.data.length > 0) {
          const data = this.data.length === 1 ? this.data[0] : this.data.join('\n');
          this.data = [];
          onEvent(data);
        }
      } else if (line.startsWith('data:')) {
        this.data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
      }
      // Other fields (event:, id:, retry:) and comments carry nothing an answer needs.
    }
    buffered = buffered.slice(start);
    this.partial = buffered;
  }
}
