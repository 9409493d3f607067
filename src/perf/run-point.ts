// One point of a load test: `parallel` requests in flight at most, `number` of them (or as many as fit in
// `durationSec`), sent as fast as the parallelism allows or, with a rate, at Poisson arrivals of that many
// requests a second (exponential gaps from a seeded generator, as EvalScope and vLLM draw them). Warm-up
// requests go first and are left out of every figure. The wall time runs from the first measured send to the
// last measured completion.
import type { RequestTimeline } from './timeline.ts';

export interface PointPlan {
  parallel: number;
  /** Requests to measure; ignored when durationSec is set. */
  number: number;
  durationSec?: number;
  /** Requests per second (Poisson arrivals); Infinity or -1 for as fast as the parallelism allows. */
  rate: number;
  warmup: number;
  seed: number;
}

export interface PointResult {
  timelines: RequestTimeline[];
  /** The request index each timeline was for (into the prompt list, cycled). */
  indices: number[];
  wallMs: number;
  startedAt: Date;
}

import { seededRng } from '../samples/rng.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export interface PointCallbacks {
  /** Sends request number `index` (of the prompt list, cycled) and resolves with its timeline. */
  send(index: number): Promise<RequestTimeline>;
  /** Called after each measured request completes. */
  onDone?(timeline: RequestTimeline): void;
  /** Set to stop early (Ctrl-C): requests in flight finish, no new one starts. */
  stopped?(): boolean;
}

async function runClosedLoop(count: number, parallel: number, next: (i: number) => Promise<void>, until?: number, stopped?: () => boolean): Promise<void> {
  let started = 0;
  const worker = async () => {
    for (;;) {
      if (stopped?.()) return;
      if (until !== undefined ? performance.now() >= until : started >= count) return;
      const i = started++;
      await next(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
}

export async function runPoint(plan: PointPlan, io: PointCallbacks): Promise<PointResult> {
  let index = 0;
  // Warm-up: the same parallelism, results discarded.
  await runClosedLoop(plan.warmup, plan.parallel, async () => {
    await io.send(index++);
  });
  const timelines: RequestTimeline[] = [];
  const indices: number[] = [];
  const startedAt = new Date();
  const t0 = performance.now();
  const until = plan.durationSec !== undefined ? t0 + plan.durationSec * 1000 : undefined;
  const measured = async () => {
    const i = index++;
    const timeline = await io.send(i);
    timelines.push(timeline);
    indices.push(i);
    io.onDone?.(timeline);
  };
  if (!Number.isFinite(plan.rate) || plan.rate <= 0) {
    await runClosedLoop(plan.number, plan.parallel, measured, until, io.stopped);
  } else {
    // Open loop: arrivals on a Poisson clock; at most `parallel` in flight (a late arrival waits for a slot).
    const random = seededRng(plan.seed);
    let inFlight = 0;
    const waiters: (() => void)[] = [];
    const all: Promise<void>[] = [];
    let due = t0;
    for (let n = 0; until !== undefined ? true : n < plan.number; n++) {
      if (io.stopped?.()) break;
      if (n > 0) due += (-Math.log(1 - random()) / plan.rate) * 1000;
      if (until !== undefined && due >= until) break;
      await sleep(due - performance.now());
      while (inFlight >= plan.parallel) await new Promise<void>((resolve) => waiters.push(resolve));
      inFlight++;
      all.push(
        measured().finally(() => {
          inFlight--;
          waiters.shift()?.();
        }),
      );
    }
    await Promise.all(all);
  }
  // A loop, not Math.min(...spread): a long --duration run has more timelines than a call takes arguments.
  let first = Infinity;
  let last = -Infinity;
  for (const t of timelines) {
    if (t.sentMs < first) first = t.sentMs;
    if (t.endMs > last) last = t.endMs;
  }
  return { timelines, indices, wallMs: timelines.length ? last - first : 0, startedAt };
}
