// Wires the stages of a run together — read lines, ask the model, score, write — and owns concurrency,
// backpressure and cancellation. Nothing else in the project starts queues or timers for items.
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import { setMaxListeners } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { Config } from '../config/config.ts';
import { EXIT, FatalApiError, InputError } from '../errors.ts';
import { loadTemplate, type ChatTemplate } from '../templates.ts';
import type { ItemSource } from '../input/item-source.ts';
import { benchmarkSummary, sourcesForRun, type RunSources } from './run-sources.ts';
import type { Item } from '../input/input-line.ts';
import { lineLimit, type FileSurvey } from '../input/survey.ts';
import { refuseImagesInCompletionMode } from '../images/image-source.ts';
import { loadResizer } from '../images/image-resize.ts';
import { checkEndpoints } from '../model/health-check.ts';
import { resolveSystemPrompt } from '../model/requests.ts';
import { RunPaths } from '../output/run-paths.ts';
import { DetailsWriter } from '../output/details-writer.ts';
import type { DetailsRow } from '../output/details-row.ts';
import { askItem, DeferredWork, scoreItem } from './item-steps.ts';
import { feedItems } from './item-feed.ts';
import { chainProcessor } from './chain-run.ts';
import type { AnswerFingerprint } from '../output/eval-args.ts';
import { ProgressLogWriter } from '../output/progress-log.ts';
import type { RunFolderChoice } from '../resume/locate-run.ts';
import { RunLock } from '../output/run-lock.ts';
import { diskWriteError } from '../output/disk-errors.ts';
import { finalizeRun, summarySettings, type RunTotals } from './finalize.ts';
import { ProgressState } from './progress.ts';
import { shardFilter, shardShare } from './shard-membership.ts';
import { ProgressDisplay } from '../ui/progress-display.ts';
import type { ReviewStage, RunIO, RunOutcome, ScoringSetup } from './run-types.ts';
import { answerFingerprint, checkResumable, chooseRunFolder, createEndpointSet, createModelClient, generationSettings, readDoneKeys, recordEndpointStats, settingsPerSource, writeRunArgs } from './run-setup.ts';

export type { RunIO, RunOutcome, ScoringSetup } from './run-types.ts';

const GRACE_MS = 10_000;

export class EvaluationRun {
  private readonly stopController = new AbortController();
  private readonly hardController = new AbortController();
  private interrupts = 0;
  private fatal: FatalApiError | undefined;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: Config,
    private readonly scoring: ScoringSetup,
    private readonly io: RunIO,
  ) {
    // Every in-flight request listens on these signals; thousands of listeners are expected, not a leak.
    setMaxListeners(0, this.stopController.signal, this.hardController.signal);
  }

  /** SIGINT/SIGTERM: the first stops sending and gives in-flight requests 10 s; the second stops at once. */
  interrupt(): void {
    this.interrupts++;
    if (this.interrupts === 1) {
      this.io.log(`Interrupted: no new requests; waiting up to ${GRACE_MS / 1000} s for those in flight (Ctrl-C again to stop now).`);
      this.stopController.abort();
      this.graceTimer = setTimeout(() => this.hardController.abort(), GRACE_MS);
      this.graceTimer.unref();
    } else {
      this.io.log('Stopping now.');
      this.stopController.abort();
      this.hardController.abort();
    }
  }

  /** The server refused us for good: the first such error is the run's outcome, and everything stops now. */
  private stopFatally(error: FatalApiError): void {
    if (this.fatal) return;
    this.fatal = error;
    this.stopController.abort();
    this.hardController.abort();
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  async run(): Promise<RunOutcome> {
    const { config, io } = this;
    const template = loadTemplate(config.template);
    const inputs = await sourcesForRun(config, io);
    const { sources, skipped } = inputs;
    const names = sources.map((s) => s.name);
    for (const name of skipped) io.log(`Skipping non-JSONL file: ${name}`);
    if (config.timeout < 60_000) {
      io.log(`Note: --timeout is in milliseconds here (${config.timeout} ms = ${(config.timeout / 1000).toFixed(1)} s per attempt). The original handed it to a seconds-based client, so its "--timeout 6000" meant 100 minutes.`);
    }

    const systemPrompt = config.api_mode === 'chat_completion' ? resolveSystemPrompt(config.sys_prompt, template, config.sources.template !== 'default') : undefined;
    const fingerprint = answerFingerprint(config, template, systemPrompt, names, inputs.benchmarks);

    // Survey before touching the output folder, so that a refused run leaves nothing behind.
    const surveys: FileSurvey[] = [];
    for (const source of sources) surveys.push(await source.survey({ strict: config.strict, lookup: this.scoring.lookup, load: this.scoring.load }));
    refuseImagesInCompletionMode(config.api_mode, surveys, names);
    // --image_max_side's library is loaded now: a machine without it stops here, not at each item.
    if (config.image_max_side !== undefined && surveys.some((s) => (s.imageLines ?? 0) > 0)) await loadResizer();
    const problems = surveys.flatMap((s) => s.problems);
    if (problems.length > 0) {
      const shown = problems.slice(0, 20).join('\n  ');
      throw new InputError(`--strict: ${problems.length} bad input line(s):\n  ${shown}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    }
    const dataSources = new Set(surveys.flatMap((s) => [...s.dataSources.keys()]));
    await this.scoring.prepare?.(dataSources);

    const choice = chooseRunFolder(config, io);
    return this.runInFolder(config, template, inputs, surveys, dataSources, fingerprint, systemPrompt, choice);
  }

  private async runInFolder(
    config: Config,
    template: ChatTemplate,
    inputs: RunSources,
    surveys: FileSurvey[],
    dataSources: Set<string>,
    fingerprint: AnswerFingerprint,
    systemPrompt: string | undefined,
    choice: RunFolderChoice,
  ): Promise<RunOutcome> {
    const { io } = this;
    const sources: ItemSource[] = inputs.sources;
    const names = sources.map((s) => s.name);
    const paths = new RunPaths(choice.folder);
    let lock: RunLock | undefined;
    const { previous, forced } = checkResumable(config, choice, paths, fingerprint);

    const endpoints = createEndpointSet(config, io.log);
    let review: ReviewStage | undefined;
    try {
      if (config.check_model_url) {
        io.log(endpoints.size === 1 ? `Checking ${endpoints.first.url('models')} for model '${config.model_name}'...` : `Checking ${endpoints.size} endpoints for model '${config.model_name}'...`);
        const down = await checkEndpoints(endpoints.all, {
          modelName: config.model_name,
          intervalSec: config.check_interval,
          maxAttempts: config.check_max_attempts,
          log: io.log,
          signal: this.stopController.signal,
        });
        endpoints.leaveOut(down);
      }
      // A stage after the rule (the LLM judge), checked before the folder is written to.
      review = await this.scoring.openReview?.(choice.folder, this.hardController.signal);

      // Before anything is read or written in the folder: a second process on it stops here (exit 2).
      lock = RunLock.acquire(choice.folder, { command: io.command ?? 'run_eval', force: config.force, log: io.log });

      // The connection pool opens while the run folder is set up and resume state is read, not during the first wave.
      const warming = endpoints.warm(config.max_concurrent_requests);
      mkdirSync(paths.detailsDir, { recursive: true });
      writeRunArgs({ config, paths, fingerprint, version: io.version, startedAt: io.now(), previous, forced, resuming: choice.resuming, dataSources, lookup: this.scoring.lookup, benchmarks: inputs.benchmarks });
      io.log(`Evaluating model ${config.model_name}${choice.resuming ? ' (resuming)' : ''}. Run folder: ${choice.folder}`);
      const shard = config.shardSpec;
      if (shard) io.log(`Shard ${shard.index} of ${shard.count} (0-based, from ${shard.source}): this run asks for its share of the items; merge the shards with scripts/merge.ts.${shard.source === '--shard' ? '' : ' (--shard 0/1 runs every item.)'}`);

      // Resume: what is already answered without error is never asked again; a torn last row is cut off.
      const doneKeys = await readDoneKeys(paths, names, io.log);

      const repeats = config.repeats;
      const inShard = shardFilter(config.shardSpec);
      const progress = new ProgressState(
        names.map((name, i) => {
          const limited = lineLimit(config.limit, surveys[i].lines);
          // A shard's share, counted as if the file had no blank lines (a display total, not a check).
          const total = inShard ? shardShare(name, limited, repeats, inShard) : limited * repeats;
          return { name: name.replace(/\.jsonl$/, ''), total, alreadyDone: 0 };
        }),
        Date.now(),
      );
      // A write the disk refuses stops the run: nothing more is sent, in-flight requests are cancelled (--resume
      // asks for them again), what is on disk stays, and the error is the run's outcome (exit 2).
      let diskError: unknown;
      const onDiskError = (err: unknown) => {
        if (diskError !== undefined) return;
        diskError = err;
        this.stopController.abort();
        this.hardController.abort();
      };
      const progressLog = new ProgressLogWriter(paths.progressLog, progress, Date.now, 1000, onDiskError);
      progressLog.start();
      const display = new ProgressDisplay(progress, { isTTY: io.isTTY, quiet: config.quiet, log: io.log });
      display.start();

      const settings = generationSettings(config, systemPrompt);
      const model = createModelClient(config, endpoints, settings, template, this.hardController.signal, io.log);
      const writer = new DetailsWriter(paths, onDiskError);
      // Recomputed on every run (resume re-reads every line), so the file starts empty each time.
      const inputErrorLog = createWriteStream(paths.inputErrors);
      inputErrorLog.on('error', (err) => onDiskError(diskWriteError(err, paths.inputErrors) ?? err));
      const inputErrorCounts = names.map(() => 0);

      const queue = new PQueue({ concurrency: config.max_concurrent_requests });
      const stopped = new Promise<void>((resolve) => this.stopController.signal.addEventListener('abort', () => resolve(), { once: true }));
      // A server that never completes a handshake is the requests' problem (they time out and say so), not the warm-up's.
      await Promise.race([warming, stopped, sleep(5000, undefined, { ref: false })]);

      const settingsFor = settingsPerSource(config, settings, sources);
      const scoring = new DeferredWork();
      const record = async (fileIndex: number, name: string, row: DetailsRow) => {
        await writer.write(name, row);
        progress.itemDone(fileIndex, row.error !== undefined);
      };
      const processItem = async (fileIndex: number, name: string, item: Item, repeat: number) => {
        if (this.stopping) return;
        const outcome = await askItem(model, item, repeat, config, settingsFor(fileIndex, item.bootcamp));
        switch (outcome.kind) {
          case 'answered':
            scoring.run(async () => {
              const row = await scoreItem(item, repeat, outcome.asked, repeats, this.scoring.context);
              await record(fileIndex, name, review ? await review.review(item, row) : row);
            });
            return;
          case 'failed':
            return record(fileIndex, name, outcome.row);
          case 'cancelled':
            return; // nothing written: --resume asks again
          case 'fatal':
            return this.stopFatally(outcome.error);
        }
      };
      // Chain bootcamps (SciCode): a problem's steps in one queue task; earlier answers read back on --resume.
      const processChain = chainProcessor({
        ask: (fileIndex, item, repeat) => askItem(model, item, repeat, config, settingsFor(fileIndex, item.bootcamp)),
        score: async (item, repeat, asked) => {
          const row = await scoreItem(item, repeat, asked, repeats, this.scoring.context);
          return review ? review.review(item, row) : row;
        },
        record,
        defer: (task) => scoring.run(task),
        doneKeys,
        detailsFile: (name) => paths.details(name),
        fatal: (outcome) => this.stopFatally(outcome.error),
        isStopping: () => this.stopping,
      });
      try {
        await feedItems({
          sources,
          surveys,
          limit: config.limit,
          repeats,
          concurrency: config.max_concurrent_requests,
          doneKeys,
          inShard,
          lookup: this.scoring.lookup,
          progress,
          inputErrorLog,
          inputErrorCounts,
          log: io.log,
          queue,
          scoring,
          stopped,
          isStopping: () => this.stopping,
          ask: processItem,
          askChain: processChain,
        });
        await Promise.race([queue.onIdle(), this.hardStopped()]);
        if (this.hardController.signal.aborted) queue.clear();
        await queue.onIdle();
        await scoring.drained();
      } finally {
        if (this.graceTimer) clearTimeout(this.graceTimer);
        display.stop();
        await writer.close();
        await new Promise<void>((resolve) => (inputErrorLog.destroyed ? resolve() : inputErrorLog.end(() => resolve())));
        if (diskError === undefined) {
          try {
            progressLog.stop();
          } catch (err) {
            onDiskError(err);
          }
        } else progressLog.stopTimer();
      }
      // Nothing is summarised from a run the disk stopped: meta, xlsx and results.yml would need the same disk.
      if (diskError !== undefined) throw diskError;
      // Reviews left for after the model's requests (the judge's deferred rows); an interrupted run leaves
      // them marked for --resume.
      if (review && !this.stopping && !this.fatal) await review.finish(names.map((n) => paths.details(n)), this.stopController.signal, choice.resuming);

      let totals: RunTotals;
      try {
        totals = await finalizeRun({
          settings: summarySettings(config),
          paths,
          files: names,
          inputErrorCounts,
          fileDataSources: surveys.map((s) => [...s.dataSources.keys()]),
          benchmarks: inputs.benchmarks.map(benchmarkSummary),
          startedAtMs: progress.startedAtMs,
          io,
        });
      } catch (err) {
        // compacting details or writing the summaries on a full disk: the same message as a refused row
        throw diskWriteError(err, (err as { path?: string }).path ?? paths.root) ?? err;
      }
      progressLog.write();
      recordEndpointStats(paths, endpoints.stats(), io);
      if (review) io.log(review.summary());
      const exitCode = this.fatal ? this.fatal.exitCode : this.interrupts > 0 ? EXIT.interrupted : totals.itemErrors + totals.inputErrors > 0 ? EXIT.itemErrors : EXIT.ok;
      if (this.fatal) io.log(`Stopped: ${this.fatal.message}`);
      if (this.interrupts > 0) io.log(`Interrupted. Continue with --resume ${choice.folder}`);
      return { exitCode, folder: choice.folder, totals };
    } finally {
      await review?.close();
      endpoints.close();
      lock?.release();
    }
  }

  private hardStopped(): Promise<void> {
    return new Promise((resolve) => {
      if (this.hardController.signal.aborted) return resolve();
      this.hardController.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
}

