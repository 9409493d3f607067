// The steps of one problem of a chain bootcamp (SciCode), asked in order within one slot of the run's queue:
// each step's prompt is built from the answers to the earlier steps, its ground truth records what those
// answers make of it, and its scoring runs beside the next step's request. Resume continues a problem at its
// first unanswered step, reading the earlier answers from the details file. A step that cannot be answered
// (attempts spent) ends the problem there: it and the steps after it are written as errors, asked again on
// --resume. Each step is a details row of its own; a problem's last step also says whether every step passed.
import type { Item } from '../input/input-line.ts';
import type { Asked } from '../model/model-client.ts';
import type { DetailsRow } from '../output/details-row.ts';
import type { AskOutcome } from './item-steps.ts';
import { rowKey } from '../output/details-file.ts';
import { readDoneRows, type DoneRow } from '../output/done-steps.ts';

/** A step already answered in an earlier session: its answer, and its score. */
export type DoneStep = DoneRow;

export interface ChainDeps {
  /** Asks the model one step (the prompt already built into the item). */
  ask(item: Item, repeat: number): Promise<AskOutcome>;
  /** Scores an answered step into its row (the judge's review included). */
  score(item: Item, repeat: number, asked: Asked): Promise<DetailsRow>;
  /** Writes a row (counted in progress). */
  record(row: DetailsRow): Promise<void>;
  /** Runs scoring off the request path (the runner's deferred work). */
  defer(task: () => Promise<void>): void;
  /** The step's row from an earlier session, when it was answered without error. */
  done(item: Item, repeat: number): Promise<DoneStep | undefined>;
  /** Stops the run (401/403/404 from the server). */
  fatal(outcome: Extract<AskOutcome, { kind: 'fatal' }>): void;
  isStopping(): boolean;
}

/** The step's item with its prompt and ground truth as the earlier answers make them. */
function stepItem(item: Item, earlier: readonly string[]): Item {
  const chain = item.bootcamp.chain!;
  const groundTruth = chain.withEarlier(item.parsedGroundTruth, earlier);
  return { ...item, prompt: chain.prompt(item.parsedGroundTruth, earlier), ground_truth: groundTruth, parsedGroundTruth: groundTruth };
}

export async function runChain(steps: readonly Item[], repeat: number, deps: ChainDeps): Promise<void> {
  const earlier: string[] = [];
  const scores: Promise<number>[] = [];
  const names = steps[0].bootcamp.chain!.metrics;
  for (const [k, item] of steps.entries()) {
    // The problem's last step (a run cut by --limit may end a problem early: then no verdict on it).
    const last = item.chain?.final ?? k === steps.length - 1;
    const previous = await deps.done(item, repeat);
    if (previous) {
      earlier.push(previous.output);
      scores.push(Promise.resolve(previous.score));
      continue;
    }
    if (deps.isStopping()) return;
    const step = stepItem(item, earlier);
    const outcome = await deps.ask(step, repeat);
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'fatal') return deps.fatal(outcome);
    if (outcome.kind === 'failed') {
      // Without this answer the later prompts cannot be built: they are errors too, until --resume.
      await deps.record(outcome.row);
      const why = outcome.row.error?.message ?? 'no answer';
      for (const later of steps.slice(k + 1)) {
        const row = { ...outcome.row, id: later.id, step: later.chain?.label, prompt: '', ground_truth: later.ground_truth };
        await deps.record({ ...row, error: { kind: 'EarlierStepFailed', message: `step ${item.chain?.label} of this problem got no answer (${why})`, attempts: 0 }, attempts: 0 });
      }
      return;
    }
    earlier.push(outcome.asked.answer.output);
    const earlierScores = [...scores];
    let settle!: (score: number) => void;
    scores.push(new Promise((resolve) => (settle = resolve)));
    deps.defer(async () => {
      let row: DetailsRow;
      try {
        row = await deps.score(step, repeat, outcome.asked);
      } catch (err) {
        settle(0);
        throw err;
      }
      settle(row.score);
      if (names) {
        const metrics: Record<string, readonly [number, number]> = { ...row.metrics, [names.step]: [row.score, 1] };
        if (last) {
          const all = await Promise.all([...earlierScores, Promise.resolve(row.score)]);
          metrics[names.whole] = [all.every((s) => s === 1) ? 1 : 0, 1];
        }
        row = { ...row, metrics };
      }
      await deps.record(row);
    });
  }
}

export interface ChainWiring {
  ask(fileIndex: number, item: Item, repeat: number): Promise<AskOutcome>;
  score(item: Item, repeat: number, asked: Asked): Promise<DetailsRow>;
  record(fileIndex: number, name: string, row: DetailsRow): Promise<void>;
  defer(task: () => Promise<void>): void;
  /** Per source, the (id, repeat) keys answered in an earlier session. */
  doneKeys: readonly Set<number>[];
  detailsFile(name: string): string;
  fatal(outcome: Extract<AskOutcome, { kind: 'fatal' }>): void;
  isStopping(): boolean;
}

/** The runner's askChain: each source's earlier rows read once, when a chain of it has some answered. */
export function chainProcessor(w: ChainWiring): (fileIndex: number, name: string, steps: readonly Item[], repeat: number) => Promise<void> {
  const doneRows = new Map<number, Promise<Map<number, DoneRow>>>();
  const rowsOf = (fileIndex: number, name: string) => {
    let rows = doneRows.get(fileIndex);
    if (!rows) doneRows.set(fileIndex, (rows = readDoneRows(w.detailsFile(name))));
    return rows;
  };
  return (fileIndex, name, steps, repeat) =>
    runChain(steps, repeat, {
      ask: (item) => w.ask(fileIndex, item, repeat),
      score: w.score,
      record: (row) => w.record(fileIndex, name, row),
      defer: w.defer,
      done: async (item) => (w.doneKeys[fileIndex].has(rowKey(item.id, repeat)) ? (await rowsOf(fileIndex, name)).get(rowKey(item.id, repeat)) : undefined),
      fatal: w.fatal,
      isStopping: w.isStopping,
    });
}
