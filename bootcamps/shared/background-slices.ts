// Runs CPU-heavy per-line work (Arc's expected grids) in short slices on the main thread, at a lower priority
// than the run's own work: a slice runs at once while the rest of the process leaves the event loop mostly
// idle, and only now and then while it is busy. At 100 ms model latency the evaluator's event loop is idle
// 60-75% of the time once warm, but saturated for its first second (cold code, first waves of answers); Arc's
// 64 programs landing there at full speed cut that second's throughput to 60-80% of ideal.
// (A worker thread was tried twice: ~40 MB more memory, and no better, as the thread's own start-up competes
// for the same two cores.)

export interface BackgroundSliceOptions {
  /** Wall time of one slice. */
  sliceMs: number;
  /** Run freely while the rest of the process kept the event loop busy less than this share of the time. */
  busyShare: number;
  /** While it is busier: look again after this long... */
  retryMs: number;
  /** ...and run one slice at least this often all the same, so the work is never starved. */
  maxWaitMs: number;
}

export const DEFAULT_BACKGROUND_SLICES: BackgroundSliceOptions = { sliceMs: 1, busyShare: 0.35, retryMs: 2, maxWaitMs: 50 };

/**
 * `work(sliceEnd)` does some work until performance.now() reaches sliceEnd (or it runs out) and says whether
 * any is left. Call `wake()` whenever work is added.
 */
export class BackgroundSlices {
  private scheduled = false;
  /** Exponential average of the share of time the event loop was busy with something other than our slices. */
  private othersShare = 0;
  private lastElu = performance.eventLoopUtilization();
  private ownMs = 0;
  private lastSliceAt = 0;

  constructor(
    private readonly work: (sliceEnd: number) => boolean,
    private readonly options: BackgroundSliceOptions = DEFAULT_BACKGROUND_SLICES,
  ) {}

  wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.lastElu = performance.eventLoopUtilization();
    this.ownMs = 0;
    // The guarantee of one slice per maxWaitMs counts from when the work arrived.
    this.lastSliceAt = performance.now();
    setImmediate(() => this.tick());
  }

  private tick(): void {
    const { sliceMs, busyShare, retryMs, maxWaitMs } = this.options;
    const current = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(current, this.lastElu);
    this.lastElu = current;
    const spanMs = since.active + since.idle;
    if (spanMs > 0) this.othersShare = 0.6 * this.othersShare + (0.4 * Math.max(0, since.active - this.ownMs)) / spanMs;
    this.ownMs = 0;
    const now = performance.now();
    let more = true;
    if (this.othersShare < busyShare || now - this.lastSliceAt >= maxWaitMs) {
      more = this.work(now + sliceMs);
      this.lastSliceAt = performance.now();
      this.ownMs = this.lastSliceAt - now;
    }
    if (!more) {
      this.scheduled = false;
      return;
    }
    if (this.othersShare < busyShare) setImmediate(() => this.tick());
    else setTimeout(() => this.tick(), retryMs);
  }
}
