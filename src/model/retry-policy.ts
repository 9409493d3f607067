// The one retry policy of the project: which failures are retried, how long to wait, and which end the run.
// Full-jitter exponential backoff capped at --max_retrying_delay, honouring Retry-After and retry-after-ms.
import pRetry, { AbortError } from 'p-retry';
import { ApiError, CancelledError, ConnectionError, MalformedAnswerError, TimeoutError } from './http.ts';

export type FailureClass = 'retry' | 'item' | 'fatal' | 'cancelled';

/**
 * retry: transient (network, timeout, 408, 409, 429, 5xx, a 200 that is not an answer); item: this request will never succeed (400 and other
 * 4xx) and is recorded at once; fatal: credentials or model are wrong (401, 403, 404), so every request would fail.
 */
export function classifyFailure(err: unknown): FailureClass {
  if (err instanceof CancelledError) return 'cancelled';
  if (err instanceof ConnectionError || err instanceof TimeoutError || err instanceof MalformedAnswerError) return 'retry';
  if (err instanceof ApiError) {
    const s = err.status;
    if (s === 408 || s === 409 || s === 429 || s >= 500) return 'retry';
    if (s === 401 || s === 403 || s === 404) return 'fatal';
    return 'item';
  }
  return 'item';
}

/** Seconds the server asked us to wait (Retry-After as seconds or an HTTP date, or retry-after-ms), if any. */
export function serverRetryDelayMs(err: unknown, nowMs: number = Date.now()): number | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const ms = err.headers['retry-after-ms'];
  if (typeof ms === 'string' && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const after = err.headers['retry-after'];
  if (typeof after !== 'string' || after.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export interface RetryOptions {
  /** Total attempts, as the original's --max_retries counts them. */
  maxAttempts: number;
  maxDelaySec: number;
  signal?: AbortSignal;
  /** Injected for tests: uniform [0, 1). */
  random?: () => number;
  /** Called before each wait, for logs and counters. */
  onRetry?: (info: { attempt: number; error: unknown; delayMs: number }) => void;
}

/** Delay before attempt `attempt + 1`: the server's ask if given, else random(0, min(cap, 2^attempt s)); capped. */
export function backoffDelayMs(attempt: number, err: unknown, maxDelaySec: number, random: () => number = Math.random): number {
  const capMs = maxDelaySec * 1000;
  const asked = serverRetryDelayMs(err);
  if (asked !== undefined) return Math.min(asked, capMs);
  return random() * Math.min(capMs, 2 ** attempt * 1000);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError('cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/** Thrown when the attempts end in failure; carries the last error and how many attempts were made. */
export class AttemptsFailed extends Error {
  override name = 'AttemptsFailed';
  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    readonly failure: FailureClass,
  ) {
    super(lastError instanceof Error ? lastError.message : String(lastError));
  }
}

/** Runs `attempt` until it succeeds, a non-retryable failure occurs, or the attempts are used up. */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions): Promise<RetryOutcome<T>> {
  // The first attempt runs directly: nearly every request succeeds at once, and p-retry's per-call set-up
  // (signals, timers, context objects) showed in the profile of a 3,000 items/s run. Failures go on below.
  let firstError: unknown;
  try {
    return { value: await attempt(1), attempts: 1 };
  } catch (err) {
    firstError = err;
  }
  const firstClass = options.signal?.aborted ? 'cancelled' : classifyFailure(firstError);
  if (firstClass !== 'retry' || options.maxAttempts <= 1) throw new AttemptsFailed(firstError, 1, firstClass);
  const firstDelayMs = backoffDelayMs(1, firstError, options.maxDelaySec, options.random);
  options.onRetry?.({ attempt: 1, error: firstError, delayMs: firstDelayMs });
  try {
    await sleep(firstDelayMs, options.signal);
  } catch {
    throw new AttemptsFailed(firstError, 1, 'cancelled');
  }
  let attempts = 1;
  try {
    const value = await pRetry(
      async (retryNumber) => {
        attempts = retryNumber + 1;
        try {
          return await attempt(attempts);
        } catch (err) {
          // Only transient failures go back to p-retry; the rest end the retries at once, without a wait.
          if (classifyFailure(err) !== 'retry') throw new AbortError(err instanceof Error ? err : new Error(String(err)));
          throw err;
        }
      },
      {
        retries: options.maxAttempts - 2,
        // p-retry's own backoff is off: the wait happens in onFailedAttempt, where we know the error's headers.
        minTimeout: 0,
        maxTimeout: 0,
        randomize: false,
        signal: options.signal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft <= 0) return;
          const delayMs = backoffDelayMs(attemptNumber + 1, error, options.maxDelaySec, options.random);
          options.onRetry?.({ attempt: attemptNumber + 1, error, delayMs });
          await sleep(delayMs, options.signal);
        },
      },
    );
    return { value, attempts };
  } catch (err) {
    const last = err instanceof AbortError ? err.originalError : err;
    const failure = options.signal?.aborted ? 'cancelled' : classifyFailure(last);
    throw new AttemptsFailed(last, attempts, failure);
  }
}
