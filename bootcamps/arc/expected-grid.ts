// The grid an Arc line expects: re-arc's verifier program for its task key run on its test input. Worked out
// once per line: when the runner queues the line for asking (Bootcamp.prepare), else the first time an answer
// needs it; never for lines only read (a --strict survey or a dry run must not queue a program per line).
// A program can take 100 ms, and a run reads its first 64 Arc lines at once: the programs run one at a time,
// in 1 ms slices at a lower priority than the run's requests and answers (background-slices.ts).
import { pyJsonLoads } from '../shared/py-json.ts';
import type { PyValue } from '../shared/py-literal.ts';
import { runSteps, type Program } from './interpreter.ts';
import type { Value } from './py-values.ts';
import programsJson from './programs.json' with { type: 'json' };
import { BackgroundSlices } from '../shared/background-slices.ts';

const programs = programsJson as unknown as Record<string, Program>;

export type ExpectedGrid = { grid: PyValue } | { error: string };

interface Job {
  steps: Generator<void, Value>;
  resolve: (result: ExpectedGrid) => void;
}

const queue: Job[] = [];

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

let programsStarted = 0;

/** How many programs have been queued since start (for tests and diagnostics). */
export function programRuns(): number {
  return programsStarted;
}

/** Runs queued programs until the slice ends; true when some are left. */
function runSlice(sliceEnd: number): boolean {
  while (queue.length > 0 && performance.now() < sliceEnd) {
    const job = queue[0];
    try {
      const next = job.steps.next();
      if (!next.done) continue;
      queue.shift();
      job.resolve({ grid: next.value as PyValue });
    } catch (err) {
      queue.shift();
      job.resolve({ error: message(err) });
    }
  }
  return queue.length > 0;
}

const slices = new BackgroundSlices(runSlice);

/** Starts working out a line's expected grid; never rejects. A failure is kept as its message (→ score 0). */
export function expectedGrid(inputGrid: unknown, taskKey: string): Promise<ExpectedGrid> {
  let grid: unknown;
  try {
    grid = typeof inputGrid === 'string' ? pyJsonLoads(inputGrid) : inputGrid;
  } catch (err) {
    return Promise.resolve({ error: message(err) });
  }
  const program = Object.hasOwn(programs, taskKey) ? programs[taskKey] : undefined;
  if (!program) return Promise.resolve({ error: `KeyError: no re-arc verifier for task key ${JSON.stringify(taskKey)}` });
  if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'number'))) {
    return Promise.resolve({ error: 'input_grid is not a grid of integers' });
  }
  programsStarted++;
  return new Promise((resolve) => {
    queue.push({ steps: runSteps(program, grid as number[][]), resolve });
    slices.wake();
  });
}

/** A line's expected grid, worked out on first use and then kept: a thenable that starts the work when awaited. */
export function lazyExpectedGrid(inputGrid: unknown, taskKey: string): PromiseLike<ExpectedGrid> {
  let started: Promise<ExpectedGrid> | undefined;
  return {
    then(onFulfilled, onRejected) {
      started ??= expectedGrid(inputGrid, taskKey);
      return started.then(onFulfilled, onRejected);
    },
  };
}
