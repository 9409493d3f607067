// Reading the run's sources into the request queue, with backpressure: every entry of every source in order
// (up to --limit per source), bad entries logged and counted, (id, repeat) pairs already answered skipped, and
// the rest handed to `enqueue`. The runner owns the queue, the scoring and the stop signals; this only feeds.
import type { Writable } from 'node:stream';
import type PQueue from 'p-queue';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import type { Item } from '../input/input-line.ts';
import type { ItemSource } from '../input/item-source.ts';
import { lineLimit, type FileSurvey } from '../input/survey.ts';
import { rowKey } from '../output/details-file.ts';
import type { DeferredWork } from './item-steps.ts';
import type { ProgressState } from './progress.ts';

/** The reader parses and queues lines for at most this long before pending I/O gets a turn. */
const READ_SLICE_MS = 1;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FeedOptions {
  sources: readonly ItemSource[];
  surveys: readonly FileSurvey[];
  /** --limit: per source. */
  limit: number | undefined;
  repeats: number;
  /** --max_concurrent_requests: the queue is kept at most this full, and scoring at most this far behind. */
  concurrency: number;
  /** Per source, the (id, repeat) keys already answered (resume). */
  doneKeys: readonly Set<number>[];
  /** A sharded run: whether (source name, id, repeat) is this shard's; absent, every item is. */
  inShard?: (name: string, id: number, repeat: number) => boolean;
  lookup: (dataSource: string) => AnyBootcamp | undefined;
  progress: ProgressState;
  /** input_errors.jsonl, and the count of bad entries per source (filled in here). */
  inputErrorLog: Writable;
  inputErrorCounts: number[];
  log(line: string): void;
  queue: PQueue;
  scoring: DeferredWork;
  /** Resolves when the run stops sending. */
  stopped: Promise<void>;
  isStopping(): boolean;
  /** Asks for one (item, repeat); called in the queue. */
  ask(sourceIndex: number, name: string, item: Item, repeat: number): Promise<void>;
  /** Asks a problem's steps in order (a chain bootcamp's consecutive items of one key); called in the queue. */
  askChain(sourceIndex: number, name: string, steps: readonly Item[], repeat: number): Promise<void>;
}

export async function feedItems(o: FeedOptions): Promise<void> {
  const { queue, scoring, progress } = o;
  // Backpressure. The request queue is kept topped up to one item per slot whatever the scoring backlog, so
  // a wave of answers always finds its next requests ready; scoring may lag behind by up to `c` items (it
  // runs a slice at a time, after the I/O), and past that reading stops until it catches up. A backlog of
  // 2c cost 5 MB more peak RSS on 200k lines at 0 ms for nothing at 100 ms; scoring at background priority
  // with a 4c backlog, ~30 MB (at 0 ms the loop is always busy, so the backlog never shrinks).
  // At most c queued, c asked and c being scored exist at once, whatever the file size.
  const c = o.concurrency;
  const scoringCap = c;
  const mustWait = () => queue.size >= c || scoring.pending >= scoringCap;

  let readSliceStartedAt = performance.now();
  /** Waits until the queue and the scoring backlog have room (backpressure), then gives pending I/O a turn. */
  const room = async () => {
    if (mustWait()) {
      while (mustWait() && !o.isStopping()) {
        if (queue.size >= c) await Promise.race([queue.onSizeLessThan(c), o.stopped]);
        else await Promise.race([scoring.pendingBelow(scoringCap), o.stopped]);
      }
      // Woken by an answer: refill after the I/O of this turn, so that the answers arriving with it get
      // their next requests out first (the queue still holds one item per slot for them).
      await nextTurn();
      readSliceStartedAt = performance.now();
    } else if (performance.now() - readSliceStartedAt > READ_SLICE_MS) {
      await nextTurn();
      readSliceStartedAt = performance.now();
    }
  };
  for (let fileIndex = 0; fileIndex < o.sources.length && !o.isStopping(); fileIndex++) {
    const source = o.sources[fileIndex];
    const name = source.name;
    const limit = lineLimit(o.limit, o.surveys[fileIndex].lines);
    const unknownSources = new Map<string, number>();
    let seen = 0;
    let shownErrors = 0;
    // A chain bootcamp's consecutive items of one problem, gathered and queued as one task per repeat.
    let chain: Item[] = [];
    const queueChain = async () => {
      const steps = chain;
      chain = [];
      if (steps.length === 0) return;
      for (let repeat = 0; repeat < o.repeats; repeat++) {
        // A problem is one shard's whole: its first step decides.
        if (o.inShard && !o.inShard(name, steps[0].id, repeat)) continue;
        const done = steps.filter((s) => o.doneKeys[fileIndex].has(rowKey(s.id, repeat))).length;
        for (let i = 0; i < done; i++) progress.itemDone(fileIndex, false);
        if (done === steps.length) continue;
        await room();
        if (o.isStopping()) return;
        void queue.add(() => o.askChain(fileIndex, name, steps, repeat));
      }
    };
    for await (const { index, result } of source.entries(o.lookup)) {
      if (seen++ >= limit || o.isStopping()) break;
      if (result.ok && result.item.chain) {
        if (chain.length > 0 && chain[0].chain!.key !== result.item.chain.key) await queueChain();
        chain.push(result.item);
        continue;
      }
      if (chain.length > 0) await queueChain();
      if (!result.ok) {
        // A bad line is the input error of one shard only (the one its first repeat falls in), so that the
        // shards' input_errors.jsonl add up to the unsharded run's.
        if (o.inShard && !o.inShard(name, index, 0)) continue;
        o.inputErrorCounts[fileIndex]++;
        o.inputErrorLog.write(JSON.stringify({ file: name, line: index + 1, error: result.error }) + '\n');
        if (result.unknownSource !== undefined) {
          unknownSources.set(result.unknownSource, (unknownSources.get(result.unknownSource) ?? 0) + 1);
        } else if (shownErrors++ < 10) {
          o.log(`${name}:${index + 1}: ${result.error}`);
        }
        for (let r = 0; r < o.repeats; r++) if (!o.inShard || o.inShard(name, index, r)) progress.itemDone(fileIndex, true);
        continue;
      }
      let prepared = false;
      for (let repeat = 0; repeat < o.repeats; repeat++) {
        if (o.inShard && !o.inShard(name, index, repeat)) continue;
        if (o.doneKeys[fileIndex].has(rowKey(index, repeat))) {
          progress.itemDone(fileIndex, false);
          continue;
        }
        // Checked here first: awaiting room() for every line would cost the hot path a turn of promises.
        if (mustWait() || performance.now() - readSliceStartedAt > READ_SLICE_MS) await room();
        if (o.isStopping()) break;
        // Per-line work the verifier will need (Arc's expected grid) starts now, while the model answers.
        if (!prepared) result.item.bootcamp.prepare?.(result.item.parsedGroundTruth);
        prepared = true;
        void queue.add(() => o.ask(fileIndex, name, result.item, repeat));
      }
    }
    if (!o.isStopping() && chain.length > 0) await queueChain();
    if (shownErrors > 10) o.log(`${name}: ${shownErrors - 10} more bad lines (see input_errors.jsonl)`);
    for (const [dataSource, count] of unknownSources) {
      o.log(`${name}: ${count} line(s) name data_source "${dataSource}", which no bootcamp handles; skipped (see 'ls').`);
    }
  }
}
