// The model endpoints of a run (one, or several replicas of one model) and which one gets the next request:
// the live endpoint with the fewest requests in flight, ties by round robin. An endpoint whose requests fail
// as a dead server's do (refused or reset connections, 5xx, timeouts) several times in a row is ejected for a
// cool-down that doubles while it keeps failing; a probe (GET /models listing the model) brings it back.
// With one endpoint nothing is ever ejected: there is no other to send to, and the retry policy's backoff
// is the right answer to its failures.
import { ApiError, ConnectionError, CancelledError, HttpClient, TimeoutError } from './http.ts';

export interface EndpointStats {
  url: string;
  /** Requests sent (attempts, retries included). */
  requests: number;
  /** Of those, failed ones (any failure but a cancellation). */
  errors: number;
  /** Mean time of the successful requests. */
  mean_latency_ms: number | null;
  /** Times it was taken out of the rotation. */
  ejections: number;
  /** "up", "ejected", or "left out" (never answered a probe). */
  state: string;
}

export interface Endpoint {
  readonly url: string;
  readonly http: HttpClient;
}

interface EndpointState extends Endpoint {
  inFlight: number;
  failuresInARow: number;
  /** Set while out of the rotation; cleared by a probe that succeeds. */
  ejected: boolean;
  /** Never admitted (down at the start of the run) until a probe succeeds. */
  neverUp: boolean;
  cooldownMs: number;
  /** A real answer came since it was last let back in: its next ejection starts the cool-down afresh. */
  answeredSinceBack: boolean;
  probeTimer?: NodeJS.Timeout;
  requests: number;
  errors: number;
  latencySumMs: number;
  successes: number;
  ejections: number;
}

export interface EndpointSetOptions {
  urls: readonly string[];
  makeClient: (url: string) => HttpClient;
  /** At most this many requests in flight on one endpoint (--per_endpoint_concurrency); default no cap. */
  perEndpointCap?: number;
  /** Failures of the dead-server kind in a row that eject an endpoint. Default 3. */
  ejectAfter?: number;
  /** First cool-down; doubled for each ejection in a row. Default 1000 ms. */
  baseCooldownMs?: number;
  /** Default 60 s. */
  maxCooldownMs?: number;
  /** Resolves when the endpoint answers as a live one would (GET /models lists the model). */
  probe: (http: HttpClient) => Promise<void>;
  log: (line: string) => void;
}

/** True for the failures a dead or overloaded-to-death server produces; a 429 or a 400 says it is alive. */
export function isEndpointFailure(err: unknown): boolean {
  return err instanceof ConnectionError || err instanceof TimeoutError || (err instanceof ApiError && err.status >= 500);
}

/** Every endpoint out of the rotation, for longer than the attempt may wait: an ordinary, retried failure. */
export class AllEndpointsDownError extends ConnectionError {
  override name = 'AllEndpointsDownError';
}

export class EndpointSet {
  private readonly states: EndpointState[];
  private next = 0;
  private readonly waiters = new Set<() => void>();
  private closed = false;
  private readonly ejectAfter: number;
  private readonly baseCooldownMs: number;
  private readonly maxCooldownMs: number;

  constructor(private readonly options: EndpointSetOptions) {
    this.ejectAfter = options.ejectAfter ?? 3;
    this.baseCooldownMs = options.baseCooldownMs ?? 1000;
    this.maxCooldownMs = options.maxCooldownMs ?? 60_000;
    this.states = options.urls.map((url) => ({
      url,
      http: options.makeClient(url),
      inFlight: 0,
      failuresInARow: 0,
      ejected: false,
      neverUp: false,
      cooldownMs: this.baseCooldownMs,
      answeredSinceBack: true,
      requests: 0,
      errors: 0,
      latencySumMs: 0,
      successes: 0,
      ejections: 0,
    }));
  }

  get size(): number {
    return this.states.length;
  }

  get all(): readonly Endpoint[] {
    return this.states;
  }

  /** The first endpoint's client: for the single-endpoint paths (dry run, warm-up of one). */
  get first(): HttpClient {
    return this.states[0].http;
  }

  /** Endpoints that did not pass the start-up check: out of the rotation, probed until they answer. */
  leaveOut(urls: ReadonlySet<string>): void {
    for (const s of this.states) {
      if (!urls.has(s.url)) continue;
      s.neverUp = true;
      s.ejected = true;
      this.scheduleProbe(s);
    }
  }

  private hasRoom(s: EndpointState): boolean {
    return !s.ejected && (this.options.perEndpointCap === undefined || s.inFlight < this.options.perEndpointCap);
  }

  /** The live endpoint with room and the fewest in flight (ties: the one after the last chosen), or undefined. */
  private pick(exclude?: ReadonlySet<Endpoint>): EndpointState | undefined {
    const n = this.states.length;
    let best: EndpointState | undefined;
    let bestAt = 0;
    for (let k = 0; k < n; k++) {
      const at = (this.next + k) % n;
      const s = this.states[at];
      if (!this.hasRoom(s) || exclude?.has(s)) continue;
      if (!best || s.inFlight < best.inFlight) {
        best = s;
        bestAt = at;
      }
    }
    if (best) this.next = (bestAt + 1) % n;
    return best;
  }

  /** Whether every endpoint is out of the rotation. */
  allEjected(): boolean {
    return this.states.every((s) => s.ejected);
  }

  /** Whether some endpoint other than those in `exclude` is in the rotation. */
  anyLiveBesides(exclude: ReadonlySet<Endpoint>): boolean {
    return this.states.some((s) => !s.ejected && !exclude.has(s));
  }

  /**
   * An endpoint for the next request, counted as in flight until `done`. Waits while every live endpoint is at
   * its cap, and while every endpoint is ejected (up to `maxWaitMs`, then AllEndpointsDownError).
   */
  acquire(signal: AbortSignal | undefined, maxWaitMs: number, exclude?: ReadonlySet<Endpoint>): Endpoint | Promise<Endpoint> {
    const found = this.pick(exclude);
    if (found) {
      found.inFlight++;
      return found;
    }
    return this.waitForRoom(signal, maxWaitMs, exclude);
  }

  private async waitForRoom(signal: AbortSignal | undefined, maxWaitMs: number, exclude?: ReadonlySet<Endpoint>): Promise<Endpoint> {
    const deadline = performance.now() + maxWaitMs;
    for (;;) {
      if (signal?.aborted || this.closed) throw new CancelledError('cancelled');
      const found = this.pick(exclude);
      if (found) {
        found.inFlight++;
        return found;
      }
      // Only the wait for a dead rotation is bounded: a full one frees a slot with the next answer.
      const allDown = this.states.every((s) => s.ejected || exclude?.has(s));
      const leftMs = deadline - performance.now();
      if (allDown && leftMs <= 0) throw new AllEndpointsDownError(`every endpoint is out of the rotation (${this.states.map((s) => s.url).join(', ')}); waiting for one to answer its probe`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        const timer = allDown ? setTimeout(wake, Math.max(1, leftMs)) : undefined;
        this.waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** A request on `endpoint` ended: its outcome counts toward the endpoint's health. */
  done(endpoint: Endpoint, error: unknown, latencyMs: number): void {
    const s = endpoint as EndpointState;
    s.inFlight--;
    if (!(error instanceof CancelledError)) s.requests++;
    if (error === undefined) {
      s.successes++;
      s.latencySumMs += latencyMs;
      s.failuresInARow = 0;
      // A real answer ends the doubling; a probe alone does not (a server whose /models works but whose
      // completions fail would otherwise flap at the shortest cool-down).
      if (!s.ejected) {
        s.cooldownMs = this.baseCooldownMs;
        s.answeredSinceBack = true;
      }
    } else if (!(error instanceof CancelledError)) {
      s.errors++;
      if (isEndpointFailure(error)) {
        s.failuresInARow++;
        // A refused connection is unambiguous (nothing listens there any more): out at once.
        const refused = error instanceof ConnectionError && error.code === 'ECONNREFUSED';
        if (this.states.length > 1 && !s.ejected && (refused || s.failuresInARow >= this.ejectAfter)) this.eject(s, refused);
      } else s.failuresInARow = 0;
    }
    if (this.waiters.size > 0) this.wakeWaiters();
  }

  private eject(s: EndpointState, refused: boolean): void {
    // Out again without a single answer since its probe let it back: it keeps failing, so the wait doubles.
    if (!s.answeredSinceBack) s.cooldownMs = Math.min(this.maxCooldownMs, s.cooldownMs * 2);
    s.answeredSinceBack = false;
    s.ejected = true;
    s.ejections++;
    const why = refused ? 'refused a connection' : `failed ${s.failuresInARow} requests in a row`;
    this.options.log(`Endpoint ${s.url} ${why}; out of the rotation for ${(s.cooldownMs / 1000).toFixed(1)} s, then probed.`);
    this.scheduleProbe(s);
  }

  private scheduleProbe(s: EndpointState): void {
    if (this.closed) return;
    s.probeTimer = setTimeout(() => void this.probe(s), s.cooldownMs);
    s.probeTimer.unref();
  }

  private async probe(s: EndpointState): Promise<void> {
    s.probeTimer = undefined;
    if (this.closed) return;
    try {
      await this.options.probe(s.http);
    } catch {
      if (this.closed) return;
      s.cooldownMs = Math.min(this.maxCooldownMs, s.cooldownMs * 2);
      this.scheduleProbe(s);
      return;
    }
    if (this.closed) return;
    s.ejected = false;
    s.failuresInARow = 0;
    this.options.log(`Endpoint ${s.url} answered its probe; back in the rotation.`);
    s.neverUp = false;
    this.wakeWaiters();
  }

  stats(): EndpointStats[] {
    return this.states.map((s) => ({
      url: s.url,
      requests: s.requests,
      errors: s.errors,
      mean_latency_ms: s.successes > 0 ? Math.round(s.latencySumMs / s.successes) : null,
      ejections: s.ejections,
      state: s.neverUp ? 'left out' : s.ejected ? 'ejected' : 'up',
    }));
  }

  /** Opens connections ahead of the first requests, the run's total shared over the endpoints in the rotation. */
  async warm(total: number): Promise<void> {
    const live = this.states.filter((s) => !s.ejected);
    const each = Math.ceil(total / Math.max(1, live.length));
    const cap = this.options.perEndpointCap ?? each;
    await Promise.all(live.map((s) => s.http.warm(Math.min(each, cap))));
  }

  close(): void {
    this.closed = true;
    for (const s of this.states) {
      if (s.probeTimer) clearTimeout(s.probeTimer);
      s.http.close();
    }
    this.wakeWaiters();
  }
}
