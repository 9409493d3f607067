// Asks the model one question: builds the request, sends it with the retry policy, and reads the answer.
// Each attempt goes to the endpoint the endpoint set picks; an attempt that fails there as a dead server's
// would (refused, reset, 5xx, timeout) is sent again at once to another live endpoint, without spending one
// of the item's attempts: a replica dying costs its items nothing but the time they were in flight.
import type { HttpClient } from './http.ts';
import { isEndpointFailure, type Endpoint, type EndpointSet } from './endpoints.ts';
import { AttemptsFailed, withRetries } from './retry-policy.ts';
import { fitImages } from '../images/image-resize.ts';
import { buildRequest, parseAnswer, type GenerationSettings, type ModelAnswer } from './requests.ts';
import { StreamAssembler } from './stream-answer.ts';
import type { ChatTemplate } from '../templates.ts';
import type { ItemImage } from '../images/image-check.ts';
import { encodeImageBody } from './image-parts.ts';

export interface ModelClientOptions {
  endpoints: EndpointSet;
  settings: GenerationSettings;
  template: ChatTemplate;
  timeoutMs: number;
  /** With settings.stream: no bytes for this long fails the attempt (--stream_idle_timeout). */
  streamIdleTimeoutMs: number;
  maxAttempts: number;
  maxRetryingDelaySec: number;
  /** --image_max_side: images larger than this are scaled down for the request. */
  imageMaxSide?: number;
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

/** An image that cannot be scaled down (broken past its header) fails its item, as an answer that never came. */
export class ImageResizeError extends Error {
  override name = 'ImageResizeError';
}

async function scaledDown(images: readonly ItemImage[], maxSide: number): Promise<readonly ItemImage[]> {
  try {
    return await fitImages(images, maxSide);
  } catch (err) {
    if ((err as Error).name === 'UsageError') throw err;
    throw new AttemptsFailed(new ImageResizeError(`cannot scale the image down for --image_max_side (${(err as Error).message})`), 0, 'item');
  }
}

export class ModelClient {
  constructor(private readonly options: ModelClientOptions) {}

  /** Throws AttemptsFailed when no attempt succeeds. */
  /** `settings` overrides the client's own for this request (a bootcamp's defaults). */
  async ask(prompt: string, repeat: number, settings: GenerationSettings = this.options.settings, images?: readonly ItemImage[]): Promise<Asked> {
    const { endpoints, template, timeoutMs, signal } = this.options;
    if (images && this.options.imageMaxSide !== undefined) images = await scaledDown(images, this.options.imageMaxSide);
    const request = buildRequest(settings, template, prompt, repeat, images);
    // Encoded once for every attempt; a local image's bytes are read as each attempt writes them.
    const body = encodeImageBody(request.body, images);
    let latencyMs = 0;
    let ttftMs: number | undefined;
    const send = async (http: HttpClient): Promise<ModelAnswer> => {
      const started = performance.now();
      if (settings.stream) {
        const assembler = new StreamAssembler(settings.api_mode);
        const response = await http.stream(request.endpoint, body, {
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
      const response = await http.request('POST', request.endpoint, body, timeoutMs, signal);
      const answer = parseAnswer(response.json, settings.api_mode);
      latencyMs = Math.round(performance.now() - started);
      return answer;
    };
    const { value, attempts } = await withRetries(
      async () => {
        let rerouted: Set<Endpoint> | undefined;
        let reroutes = 0;
        for (;;) {
          const acquired = endpoints.acquire(signal, timeoutMs, rerouted);
          const endpoint = acquired instanceof Promise ? await acquired : acquired;
          const started = performance.now();
          try {
            const answer = await send(endpoint.http);
            endpoints.done(endpoint, undefined, performance.now() - started);
            return answer;
          } catch (err) {
            endpoints.done(endpoint, err, 0);
            // A dead server's kind of failure is the endpoint's, not the item's: within one attempt, each other
            // live endpoint is tried once before the attempt counts as failed.
            if (endpoints.size > 1 && isEndpointFailure(err) && !signal?.aborted && reroutes++ < endpoints.size * 4) {
              (rerouted ??= new Set()).add(endpoint);
              if (endpoints.anyLiveBesides(rerouted)) continue;
              // Every endpoint is out: wait for the first to answer its probe (acquire waits, up to the timeout).
              if (endpoints.allEjected()) {
                rerouted.clear();
                continue;
              }
            }
            throw err;
          }
        }
      },
      { maxAttempts: this.options.maxAttempts, maxDelaySec: this.options.maxRetryingDelaySec, signal, onRetry: this.options.onRetry },
    );
    return { answer: value, attempts, latencyMs, ...(ttftMs !== undefined ? { ttftMs } : {}) };
  }
}
