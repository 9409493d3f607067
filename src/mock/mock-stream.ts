// How the mock streams an answer, as vLLM does: server-sent events, one `data:` line per token (a whitespace-
// separated word here, or several with tokensPerChunk), a first chunk with the role in chat mode, reasoning
// deltas before content ones, a last chunk with finish_reason, then usage in a chunk of its own when stream_options.include_usage asks for it, then
// [DONE]. Timing: the first token after ttftMs, the next ones itlMs apart; a stall stops sending after N chunks
// and leaves the connection open; an error event ends the stream the way vLLM reports a failure mid-stream.
import type http from 'node:http';

export interface StreamPlan {
  id: string;
  created: number;
  model: string;
  isChat: boolean;
  text: string;
  reasoning?: string;
  finish: string;
  usage: object;
  includeUsage: boolean;
  ttftMs: number;
  itlMs: number;
  /** Tokens per data chunk (default 1). */
  tokensPerChunk?: number;
  /** Stop sending after this many data chunks (then hang until the client gives up). */
  stallAfterChunks?: number;
  /** Send this many chunks, then an error event and [DONE]. */
  errorAfterChunks?: number;
  /** When the answer was due (performance.now()), and where to report the stream's actual token timing. */
  arrivedAtMs?: number;
  onFirstToken?(msAfterDue: number): void;
  onTokenGap?(ms: number): void;
}

/** Splits a text into tokens the way this mock counts them: each word with the whitespace after it. */
export function streamTokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Streams the answer; resolves when the last byte is sent, the client went away, or the stream stalls. */
export function streamAnswer(res: http.ServerResponse, plan: StreamPlan, onEnd: () => void): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const object = plan.isChat ? 'chat.completion.chunk' : 'text_completion';
  const chunk = (choices: object[], extra: object = {}) => `data: ${JSON.stringify({ id: plan.id, object, created: plan.created, model: plan.model, choices, ...extra })}\n\n`;
  const delta = (d: object, finish: string | null = null) =>
    chunk([plan.isChat ? { index: 0, delta: d, logprobs: null, finish_reason: finish } : { index: 0, text: (d as { content?: string }).content ?? '', logprobs: null, finish_reason: finish }]);

  // Each event waits `delayMs` before it goes out: the first token ttftMs, every later token itlMs (with no
  // token at all, the finishing chunk waits ttftMs). Events that are due together go out in one write.
  const events: { text: string; delayMs: number; token?: boolean }[] = [];
  if (plan.isChat) events.push({ text: delta({ role: 'assistant', content: '' }), delayMs: 0 });
  const per = Math.max(1, plan.tokensPerChunk ?? 1);
  const grouped = (pieces: string[]) => Array.from({ length: Math.ceil(pieces.length / per) }, (_x, i) => pieces.slice(i * per, (i + 1) * per).join(''));
  const tokens = [
    ...(plan.reasoning ? grouped(streamTokens(plan.reasoning)).map((piece) => delta({ reasoning_content: piece })) : []),
    ...grouped(streamTokens(plan.text)).map((piece) => delta({ content: piece })),
  ];
  tokens.forEach((text, i) => events.push({ text, delayMs: i === 0 ? plan.ttftMs : plan.itlMs, token: true }));
  events.push({ text: delta({}, plan.finish), delayMs: tokens.length === 0 ? plan.ttftMs : 0 });
  if (plan.includeUsage) events.push({ text: chunk([], { usage: plan.usage }), delayMs: 0 });

  let next = 0;
  let closed = false;
  let pendingTokens = 0;
  let lastTokenAt: number | undefined;
  /** The token events in a write just handed to the socket: their actual timing, for the stats. */
  const wrote = () => {
    if (pendingTokens === 0) return;
    const now = performance.now();
    for (let k = 0; k < pendingTokens; k++) {
      if (lastTokenAt === undefined) plan.onFirstToken?.(now - (plan.arrivedAtMs ?? now));
      else plan.onTokenGap?.(now - lastTokenAt);
      lastTokenAt = now;
    }
    pendingTokens = 0;
  };
  res.once('close', () => {
    closed = true;
  });
  const send = (waited: boolean) => {
    if (closed) return;
    let out = '';
    while (next < events.length) {
      if (plan.stallAfterChunks !== undefined && next >= plan.stallAfterChunks) {
        if (out) res.write(out);
        wrote();
        return; // silent from here on, the connection left open: the client's idle timeout must end it
      }
      if (plan.errorAfterChunks !== undefined && next >= plan.errorAfterChunks) {
        const error = { object: 'error', message: 'mock: the engine failed while generating', type: 'InternalServerError', param: null, code: 500 };
        res.end(`${out}data: ${JSON.stringify(error)}\n\ndata: [DONE]\n\n`);
        return onEnd();
      }
      const event = events[next];
      if (event.delayMs > 0 && !(waited && out === '')) {
        if (out) res.write(out);
        wrote();
        setTimeout(() => send(true), event.delayMs);
        return;
      }
      waited = false;
      out += event.text;
      if (event.token) pendingTokens++;
      next++;
    }
    res.end(`${out}data: [DONE]\n\n`);
    wrote();
    onEnd();
  };
  send(false);
}
