// Asks the model one question: builds the request, sends it with the retry policy, and reads the answer.
import { HttpClient } from './http.ts';
import { withRetries } from './retry-policy.ts';
import { buildRequest, parseAnswer, type GenerationSettings, type ModelAnswer } from './requests.ts';
import { StreamAssembler } from './stream-answer.ts';
import type { ChatTemplate } from '../templates.ts';

export interface ModelClientOptions {
  http: HttpClient;
  settings: GenerationSettings;
  template: ChatTemplate;
  timeoutMs: number;
  /** With settings.stream: no bytes for this long fails the attempt (--stream_idle_timeout). */
  streamIdleTimeoutMs: number;
  maxAttempts: number;
  maxRetryingDelaySec: number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; error: unknown; delayMs: number }) => void;
}

export interface Asked {
  answer: ModelAnswer;
  attempts: number;
  /** Time of the successful attempt, from sending to the parsed answer. */
  latencyMs: number;
  /** Streamed answers: from sending to the first content or reasoning token. */
  ttftMs?: number;
}

export class ModelClient {
  constructor(private readonly options: ModelClientOptions) {}

  /** Throws AttemptsFailed when no attempt succeeds. */
  /** `settings` overrides the client's own for this request (a bootcamp's defaults). */
  async ask(prompt: string, repeat: number, settings: GenerationSettings = this.options.settings): Promise<Asked> {
    const { http, template, timeoutMs, signal } = this.options;
    const request = buildRequest(settings, template, prompt, repeat);
    let latencyMs = 0;
    let ttftMs: number | undefined;
    const { value, attempts } = await withRetries(
      async () => {
        const started = performance.now();
        if (settings.stream) {
          const assembler = new StreamAssembler(settings.api_mode);
          const response = await http.stream(request.endpoint, request.body, {
            timeoutMs,
            idleTimeoutMs: this.options.streamIdleTimeoutMs,
            signal,
            onEvent: (data) => assembler.event(data),
          });
          // A server that ignores "stream" answers with one JSON body; that is an answer too.
          const answer = response.streamed ? assembler.answer() : parseAnswer(response.json, settings.api_mode);
          latencyMs = Math.round(performance.now() - started);
          ttftMs = assembler.firstTokenAt !== undefined ? Math.round(assembler.firstTokenAt - started) : undefined;
          return answer;
        }
        const response = await http.request('POST', request.endpoint, request.body, timeoutMs, signal);
        const answer = parseAnswer(response.json, settings.api_mode);
        latencyMs = Math.round(performance.now() - started);
        return answer;
      },
      { maxAttempts: this.options.maxAttempts, maxDelaySec: this.options.maxRetryingDelaySec, signal, onRetry: this.options.onRetry },
    );
    return { answer: value, attempts, latencyMs, ...(ttftMs !== undefined ? { ttftMs } : {}) };
  }
}
