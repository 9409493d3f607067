// What the mock server saw, for tests and the benchmark: requests by kind, requests in flight (most, and the
// time-weighted mean), generation requests per 250 ms, how late the mock answered, and the client's turnaround
// from an answer to its next request on the same connection.

export interface MockStats {
  requests: number;
  /** Wall-clock ms of the first and latest generation request, for throughput measurements. */
  firstGenerationAtMs?: number;
  lastGenerationAtMs?: number;
  /** Generation requests being answered right now, the most at once, and the time-weighted mean. */
  inFlight: number;
  maxInFlight: number;
  meanInFlight: number;
  /**
   * Where the gap to the ideal goes, for the benchmark: how late, on average, the mock sent an answer after its
   * latency was up (its own CPU), and how long a client took from our answer to its next request on the same
   * connection (the client's turnaround).
   */
  meanAnswerLateMs: number;
  meanClientTurnaroundMs: number;
  /** Percentiles of the client's turnaround (ms): a long tail means the client's event loop was busy. */
  clientTurnaroundP50Ms?: number;
  clientTurnaroundP90Ms?: number;
  clientTurnaroundP99Ms?: number;
  /**
   * What the mock's streams actually did (its timers drift under load): the mean ms from a request's arrival
   * (plus --latency-ms) to its first token written, and between consecutive token writes. A load test's
   * accuracy is measured against these.
   */
  meanFirstTokenMs: number;
  meanTokenGapMs: number;
  /** Generation requests received in each 250 ms since the first: a benchmark's start-up shows as low counts. */
  generationsPer250Ms: number[];
  models: number;
  completions: number;
  chat: number;
  failuresInjected: number;
  /** Images received in chat requests' content parts. */
  images: number;
  errors: Record<string, number>;
}

/** Every count at zero, as at start and after DELETE /stats (requests in flight stay counted: `inFlight`). */
function freshCounts(inFlight: number): Omit<MockStats, 'inFlight'> {
  return { requests: 0, models: 0, completions: 0, chat: 0, failuresInjected: 0, images: 0, errors: {}, maxInFlight: inFlight, meanInFlight: 0, meanAnswerLateMs: 0, meanClientTurnaroundMs: 0, meanFirstTokenMs: 0, meanTokenGapMs: 0, generationsPer250Ms: [] };
}

export class MockStatsTracker {
  readonly stats: MockStats = { inFlight: 0, ...freshCounts(0) };
  private firstGenerationPerfMs: number | undefined;
  private inFlightArea = 0;
  private inFlightSinceMs = 0;
  private lateSumMs = 0;
  private lateCount = 0;
  private turnaroundSumMs = 0;
  private turnaroundCount = 0;
  /** When the latest answer on a connection was handed to it (performance.now()). */
  private readonly answeredAt = new WeakMap<object, number>();
  private turnarounds: number[] = [];
  private firstTokenSumMs = 0;
  private firstTokenCount = 0;
  private tokenGapSumMs = 0;
  private tokenGapCount = 0;

  /** A stream wrote its first token `ms` after its answer was due (arrival plus --latency-ms). */
  noteFirstToken(ms: number): void {
    this.firstTokenSumMs += ms;
    this.stats.meanFirstTokenMs = this.firstTokenSumMs / ++this.firstTokenCount;
  }

  /** A stream wrote a token `ms` after its previous one. */
  noteTokenGap(ms: number): void {
    this.tokenGapSumMs += ms;
    this.stats.meanTokenGapMs = this.tokenGapSumMs / ++this.tokenGapCount;
  }

  /** The stats as sent by GET /stats, with the turnaround percentiles worked out. */
  snapshot(): MockStats {
    if (this.turnarounds.length > 0) {
      const sorted = Float64Array.from(this.turnarounds).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      this.stats.clientTurnaroundP50Ms = at(0.5);
      this.stats.clientTurnaroundP90Ms = at(0.9);
      this.stats.clientTurnaroundP99Ms = at(0.99);
    }
    return this.stats;
  }

  /** An answer went out on `socket`, due at dueAtMs (performance.now()). */
  noteAnswered(socket: object | null, dueAtMs: number): void {
    const now = performance.now();
    this.lateSumMs += Math.max(0, now - dueAtMs);
    this.stats.meanAnswerLateMs = this.lateSumMs / ++this.lateCount;
    if (socket) this.answeredAt.set(socket, now);
  }

  private noteArrival(socket: object | null, arrivedAtMs: number): void {
    const previous = socket ? this.answeredAt.get(socket) : undefined;
    if (previous === undefined) return;
    this.turnaroundSumMs += arrivedAtMs - previous;
    this.stats.meanClientTurnaroundMs = this.turnaroundSumMs / ++this.turnaroundCount;
    // Kept for the percentiles, up to a bound: a benchmark's runs are well below it.
    if (this.turnarounds.length < 1_000_000) this.turnarounds.push(arrivedAtMs - previous);
  }

  /** Keeps the time-weighted mean of requests in flight, for the benchmark's "why not ideal" question. */
  trackInFlight(delta: number): void {
    const now = performance.now();
    if (this.stats.firstGenerationAtMs !== undefined) {
      this.inFlightArea += this.stats.inFlight * (now - this.inFlightSinceMs);
      const span = Date.now() - this.stats.firstGenerationAtMs;
      this.stats.meanInFlight = span > 0 ? this.inFlightArea / span : 0;
    }
    this.inFlightSinceMs = now;
    this.stats.inFlight += delta;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
  }

  /** A generation request arrived (its body read) on `socket` at arrivedAtMs (performance.now()). */
  generationArrived(socket: object | null, arrivedAtMs: number): void {
    this.noteArrival(socket, arrivedAtMs);
    this.firstGenerationPerfMs ??= arrivedAtMs;
    const window = Math.floor((arrivedAtMs - this.firstGenerationPerfMs) / 250);
    const counts = this.stats.generationsPer250Ms;
    while (counts.length <= window) counts.push(0);
    counts[window]++;
    const now = Date.now();
    this.stats.firstGenerationAtMs ??= now;
    this.stats.lastGenerationAtMs = now;
    this.trackInFlight(1);
  }

  /** DELETE /stats: every count afresh; requests in flight stay counted. */
  reset(): void {
    for (const key of ['firstGenerationAtMs', 'lastGenerationAtMs', 'clientTurnaroundP50Ms', 'clientTurnaroundP90Ms', 'clientTurnaroundP99Ms'] as const) delete this.stats[key];
    Object.assign(this.stats, freshCounts(this.stats.inFlight));
    this.firstGenerationPerfMs = undefined;
    this.inFlightArea = 0;
    this.lateSumMs = this.lateCount = this.turnaroundSumMs = this.turnaroundCount = 0;
    this.firstTokenSumMs = this.firstTokenCount = this.tokenGapSumMs = this.tokenGapCount = 0;
    this.turnarounds = [];
  }
}
