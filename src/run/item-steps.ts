// The two steps every item goes through after it is read: asking the model (which holds one of the
// --max_concurrent_requests slots) and scoring plus shaping its details row (which does not).
import type { Config } from '../config/config.ts';
import { FatalApiError } from '../errors.ts';
import type { Item } from '../input/input-line.ts';
import { ApiError } from '../model/http.ts';
import type { Asked, ModelClient } from '../model/model-client.ts';
import { outputLength, type GenerationSettings } from '../model/requests.ts';
import { AttemptsFailed } from '../model/retry-policy.ts';
import { scoreOutput } from '../../bootcamps/score.ts';
import type { VerifyContext } from '../../bootcamps/types.ts';
import type { DetailsRow, ItemError } from '../output/details-row.ts';
import { redactText } from '../redact.ts';
import { imageRecord } from '../images/image-check.ts';

export type AskOutcome =
  | { kind: 'answered'; asked: Asked }
  /** Attempts exhausted or not retryable: the row to write. */
  | { kind: 'failed'; row: DetailsRow }
  /** Interrupted mid-request: nothing is written, --resume asks again. */
  | { kind: 'cancelled' }
  /** The server refused us for good (401/403/404): the run must stop. */
  | { kind: 'fatal'; error: FatalApiError };

export function rowBase(item: Item, repeat: number, repeats: number) {
  return {
    id: item.id,
    ...(repeats > 1 ? { repeat } : {}),
    ...(item.chain ? { problem: item.chain.key, step: item.chain.label } : {}),
    data_source: item.data_source,
    prompt: item.prompt,
    ...(item.images ? { images: item.images.map(imageRecord) } : {}),
  };
}

export async function askItem(model: ModelClient, item: Item, repeat: number, config: Config, settings?: GenerationSettings): Promise<AskOutcome> {
  try {
    if (item.imageInputs && !item.images) throw new Error(`item ${item.id}'s images were not checked before it was asked`);
    return { kind: 'answered', asked: await model.ask(item.prompt, repeat, settings, item.images) };
  } catch (err) {
    if (!(err instanceof AttemptsFailed)) throw err;
    if (err.failure === 'cancelled') return { kind: 'cancelled' };
    const last = err.lastError;
    const status = last instanceof ApiError ? last.status : undefined;
    const message = redactText(last instanceof Error ? last.message : String(last), [config.api_key]);
    if (err.failure === 'fatal') {
      const why =
        status === 404
          ? `the server does not know model '${config.model_name}' or the endpoint (${message}); check --model_name and --url`
          : `the server refused the request (${message}); check --api_key`;
      return { kind: 'fatal', error: new FatalApiError(why) };
    }
    const error: ItemError = { kind: last instanceof Error ? last.name : 'Error', ...(status !== undefined ? { status } : {}), message, attempts: err.attempts };
    return {
      kind: 'failed',
      row: {
        ...rowBase(item, repeat, config.repeats),
        output: '',
        output_len: 0,
        ground_truth: item.ground_truth,
        score: 0,
        extracted_output: null,
        finish_reason: null,
        usage: null,
        latency_ms: 0,
        attempts: err.attempts,
        error,
      },
    };
  }
}

export async function scoreItem(item: Item, repeat: number, asked: Asked, repeats: number, context: VerifyContext): Promise<DetailsRow> {
  const scored = await scoreOutput(item.bootcamp, asked.answer.output, item.parsedGroundTruth, context);
  return {
    ...rowBase(item, repeat, repeats),
    output: asked.answer.output,
    output_len: outputLength(asked.answer),
    ground_truth: item.ground_truth,
    score: scored.score,
    extracted_output: scored.extracted_output,
    finish_reason: asked.answer.finish_reason,
    usage: asked.answer.usage,
    latency_ms: asked.latencyMs,
    ...(asked.ttftMs !== undefined ? { ttft_ms: asked.ttftMs } : {}),
    attempts: asked.attempts,
    ...(asked.answer.reasoning_content !== undefined ? { reasoning_content: asked.answer.reasoning_content } : {}),
    ...(scored.verify_error !== undefined ? { verify_error: scored.verify_error } : {}),
    ...(scored.metrics !== undefined ? { metrics: scored.metrics } : {}),
  };
}

/** Wall time one turn of deferred work may take before pending I/O (answers, the next requests) gets a turn. */
const SLICE_MS = 1;

/**
 * Scoring deferred to its own turns of the event loop, at most ~SLICE_MS each. When a wave of answers arrives
 * together, each one's slot is handed to the next request first and the scoring runs after; and a backlog of
 * scoring is worked off a slice at a time, so answers that arrive meanwhile are not kept waiting behind it
 * (at 100 ms model latency, a whole backlog in one turn held some requests back by 20-80 ms). `pending` feeds
 * the reader's backpressure.
 */
export class DeferredWork {
  private count = 0;
  private queued: (() => Promise<void>)[] = [];
  /** Index of the next task of `queued` to start. */
  private next = 0;
  private scheduled = false;
  private waiters: (() => void)[] = [];
  private belowWaiters: { limit: number; wake: () => void }[] = [];
  private failure: unknown;

  get pending(): number {
    return this.count;
  }

  run(task: () => Promise<void>): void {
    this.count++;
    this.queued.push(task);
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled) {
      // One immediate per turn runs the tasks queued so far, up to the slice: cheaper than one immediate per task.
      this.scheduled = true;
      setImmediate(() => this.runSlice());
    }
  }

  private runSlice(): void {
    this.scheduled = false;
    const sliceEnd = performance.now() + SLICE_MS;
    while (this.next < this.queued.length) {
      const task = this.queued[this.next++];
      task()
        .catch((err: unknown) => {
          this.failure ??= err;
        })
        .finally(() => this.settle());
      if (performance.now() >= sliceEnd) break;
    }
    if (this.next === this.queued.length) {
      this.queued = [];
      this.next = 0;
    } else {
      // Under a steady backlog the array never empties: drop the started tasks now and then.
      if (this.next >= 1024) {
        this.queued = this.queued.slice(this.next);
        this.next = 0;
      }
      this.schedule();
    }
  }

  private settle(): void {
    this.count--;
    if (this.belowWaiters.length > 0) {
      const still = this.belowWaiters.filter((w) => this.count >= w.limit);
      for (const w of this.belowWaiters) if (this.count < w.limit) w.wake();
      this.belowWaiters = still;
    }
    if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once fewer than `limit` tasks are pending. */
  pendingBelow(limit: number): Promise<void> {
    if (this.count < limit) return Promise.resolve();
    return new Promise((wake) => this.belowWaiters.push({ limit, wake }));
  }

  /** Resolves when nothing is pending; rethrows the first failure (a bug in a verifier wrapper or the writer). */
  async drained(): Promise<void> {
    if (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure !== undefined) throw this.failure;
  }
}
