// One request's timeline and what it measures, as EvalScope's perf and vLLM's benchmark define it:
// - TTFT: from sending to the first chunk carrying output (content or reasoning: reasoning deltas are output);
// - ITL: the gaps between later output chunks; latency: from sending to the last output chunk (for a
//   non-streamed answer, to the whole body, which is then its TTFT too);
// - TPOT: (latency − TTFT) / (completion_tokens − 1) when there are at least 2 tokens (tokens, not chunks: a
//   server sending 4 tokens a chunk has a quarter of the chunks and the same TPOT);
// - tokens: the server's usage when it sent one, else the count given by a tokenizer, else undefined.
// A failed request is a failure with its error, and contributes no timing.

export interface RequestTimeline {
  /** performance.now() when the request's bytes were handed to the socket. */
  sentMs: number;
  /** Arrival time of each chunk that carried output (content or reasoning), in order. */
  outputChunkMs: number[];
  /** When the response ended (the last byte, or the error). */
  endMs: number;
  streamed: boolean;
  ok: boolean;
  /** What failed: "HTTP 503", "timeout", "connection reset", "stream error: ...". */
  error?: string;
  status?: number;
  promptTokens?: number;
  completionTokens?: number;
  /** The output text (content then reasoning), for counting tokens when the server gave no usage. */
  outputText?: string;
}

export interface RequestMetrics {
  ok: boolean;
  error?: string;
  ttftMs?: number;
  latencyMs?: number;
  itlMs: number[];
  tpotMs?: number;
  promptTokens?: number;
  completionTokens?: number;
  /** completion tokens per second of latency. */
  outputTokensPerSec?: number;
}

export function measure(t: RequestTimeline): RequestMetrics {
  if (!t.ok) return { ok: false, error: t.error ?? 'failed', itlMs: [] };
  const chunks = t.outputChunkMs;
  // No output chunk at all (an empty answer, or a non-streamed one): the whole response is the first token.
  const first = chunks.length > 0 ? chunks[0] : t.endMs;
  const last = chunks.length > 0 ? chunks[chunks.length - 1] : t.endMs;
  const ttftMs = first - t.sentMs;
  const latencyMs = (t.streamed ? last : t.endMs) - t.sentMs;
  const itlMs: number[] = [];
  for (let i = 1; i < chunks.length; i++) itlMs.push(chunks[i] - chunks[i - 1]);
  const tokens = t.completionTokens;
  const tpotMs = tokens !== undefined && tokens > 1 ? (latencyMs - ttftMs) / (tokens - 1) : undefined;
  return {
    ok: true,
    ttftMs,
    latencyMs,
    itlMs,
    tpotMs,
    promptTokens: t.promptTokens,
    completionTokens: tokens,
    outputTokensPerSec: tokens !== undefined && latencyMs > 0 ? tokens / (latencyMs / 1000) : undefined,
  };
}
