// One timed request of a load test, on our keep-alive HTTP/1.1 pool: the send time is taken as the bytes are
// handed to the socket, and each chunk's time as its bytes arrive (before any parsing), so the numbers are the
// wire's. Streamed answers are read as server-sent events: a chunk carrying content or reasoning is output;
// usage comes from the last chunk (stream_options.include_usage); an error event, a non-2xx status, a timeout
// or a dropped connection make the request a failure with its reason.
import { Http1Pool } from '../model/http1-pool.ts';
import { SseDecoder } from '../model/sse.ts';
import type { RequestTimeline } from './timeline.ts';

export interface PerfRequest {
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  streamed: boolean;
}

export interface Timeouts {
  connectMs: number;
  /** Longest silence between two pieces of the answer. */
  readMs: number;
  totalMs: number;
}

interface Delta {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
}

/** The output text of one parsed chunk or body (content and reasoning), '' when it carries none. */
function outputOf(event: Record<string, unknown>): string {
  const choice = (event.choices as Record<string, unknown>[] | undefined)?.[0];
  if (!choice) return '';
  const d = (choice.delta ?? choice.message) as Delta | undefined;
  let out = '';
  for (const v of [d?.reasoning_content, d?.reasoning, d?.content, choice.text]) if (typeof v === 'string') out += v;
  return out;
}

function usageOf(event: Record<string, unknown>, t: RequestTimeline): void {
  const usage = event.usage as { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined;
  if (usage && typeof usage.completion_tokens === 'number') {
    t.completionTokens = usage.completion_tokens;
    if (typeof usage.prompt_tokens === 'number') t.promptTokens = usage.prompt_tokens;
  }
}

function errorOf(event: Record<string, unknown>): string | undefined {
  if (event.object === 'error') return String(event.message ?? 'error');
  const e = event.error as { message?: unknown } | string | undefined;
  if (e) return typeof e === 'string' ? e : String(e.message ?? 'error');
  return undefined;
}

/** Sends the request and resolves with its timeline (never rejects: a failure is a failed timeline). */
export function timedRequest(pool: Http1Pool, request: PerfRequest, timeouts: Timeouts, keepText: boolean): Promise<RequestTimeline> {
  return new Promise((resolve) => {
    const t: RequestTimeline = { sentMs: 0, outputChunkMs: [], endMs: 0, streamed: request.streamed, ok: false };
    const texts: string[] = [];
    const sse = new SseDecoder();
    let streamError: string | undefined;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = (ok: boolean, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(idle);
      t.endMs = performance.now();
      t.ok = ok;
      if (error) t.error = error;
      if (keepText || t.completionTokens === undefined) t.outputText = texts.join('');
      resolve(t);
    };
    const onEvent = (data: string, at: number) => {
      if (data === '[DONE]') return;
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(data) as Record<string, unknown>;
      } catch {
        streamError ??= 'malformed stream chunk';
        return;
      }
      const error = errorOf(event);
      if (error) {
        streamError ??= `stream error: ${error}`;
        return;
      }
      const out = outputOf(event);
      if (out !== '') {
        t.outputChunkMs.push(at);
        texts.push(out);
      }
      usageOf(event, t);
    };
    const armIdle = (ms: number) => {
      clearTimeout(idle);
      idle = setTimeout(() => pending.abort(new Error('timeout')), ms);
    };
    const total = setTimeout(() => pending.abort(new Error('timeout')), timeouts.totalMs);
    t.sentMs = performance.now();
    const pending = pool.send({
      method: 'POST',
      path: request.path,
      headers: request.headers,
      body: request.body,
      onBytes: () => armIdle(timeouts.readMs),
      onBody: (piece) => {
        const at = performance.now();
        sse.push(piece, (data) => onEvent(data, at));
      },
    });
    armIdle(timeouts.connectMs + timeouts.readMs);
    pending.response.then(
      (response) => {
        if (response.status < 200 || response.status >= 300) {
          t.status = response.status;
          let detail = '';
          try {
            detail = errorOf(JSON.parse(response.body.toString('utf8')) as Record<string, unknown>) ?? '';
          } catch {
            // a body that is not JSON: the status says enough
          }
          return finish(false, `HTTP ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`);
        }
        t.status = response.status;
        if (request.streamed && response.body.length === 0) {
          sse.end((data) => onEvent(data, performance.now()));
          if (streamError) return finish(false, streamError);
          return finish(true);
        }
        // A whole JSON body (stream off, or a server that ignored stream: true).
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(response.body.toString('utf8')) as Record<string, unknown>;
        } catch {
          return finish(false, 'malformed JSON answer');
        }
        const error = errorOf(json);
        if (error) return finish(false, `error body: ${error}`);
        texts.push(outputOf(json));
        usageOf(json, t);
        t.streamed = false;
        finish(true);
      },
      (err: Error & { code?: string }) => finish(false, err.message === 'timeout' ? 'timeout' : `connection: ${err.code ?? err.message}`),
    );
  });
}
