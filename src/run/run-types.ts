// The interfaces between the runner and what the CLI hands it: the person's terminal, and how verifiers are
// found. Kept apart from the runner so that set-up modules can name them without importing the item loop.
import type { AnyBootcamp, VerifyContext } from '../../bootcamps/types.ts';
import type { RunTotals } from './finalize.ts';
import type { Item } from '../input/input-line.ts';
import type { DetailsRow } from '../output/details-row.ts';

/** A stage every scored row passes through before it is written (the LLM judge). */
export interface ReviewStage {
  review(item: Item, row: DetailsRow): Promise<DetailsRow>;
  /**
   * After the model's requests, before the summaries: the rows whose review was left for later (details files).
   * `stop` (the first Ctrl-C) ends it early: nothing new is started and the rows stay marked for --resume.
   * `resumed`: the folder holds rows of earlier sessions, which may have left reviews for later too.
   */
  finish(detailsFiles: readonly string[], stop: AbortSignal, resumed: boolean): Promise<void>;
  /** One line for the end of the run. */
  summary(): string;
  close(): Promise<void>;
}

export interface RunIO {
  /** Messages for the person running it (stderr). */
  log(line: string): void;
  /** The final summary (stdout). */
  print(text: string): void;
  isTTY: boolean;
  now(): Date;
  /** Where default run folders go (output/ under the working directory). */
  outputRoot: string;
  version: string;
  /** The command line, secrets redacted, for run.lock. */
  command?: string;
}

/** How bootcamps are found and what verifiers get besides the output; the CLI builds it from the config. */
export interface ScoringSetup {
  /** A bootcamp for a data source whose family is loaded (see load), or undefined. */
  lookup(dataSource: string): AnyBootcamp | undefined;
  /** Loads the verifiers of these data sources; lookup finds them afterwards. prepare() loads too. */
  load?(dataSources: Iterable<string>): Promise<void>;
  context: VerifyContext;
  /** Checks made before any request for the data sources this run will score (sandbox present, bridge imports). */
  prepare?(dataSources: ReadonlySet<string>): Promise<void>;
  /** The review stage of this run, once its folder is known; undefined when there is none. */
  openReview?(folder: string, signal: AbortSignal): Promise<ReviewStage | undefined>;
  close?(): Promise<void>;
}

export interface RunOutcome {
  exitCode: number;
  folder: string;
  totals?: RunTotals;
}

