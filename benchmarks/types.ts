// What a named benchmark is: data (where its rows come from, in which files and formats), how a row becomes
// the item a JSONL line would give (prompt, ground_truth, data_source), which bootcamp scores it, and its
// defaults. The runner never learns a benchmark's name; src/benchmarks turns these into item sources.

export type Hub = 'huggingface' | 'modelscope';
/** Where a benchmark's files come from: a hub, or only local copies (--dataset_dir) for data no hub publishes. */
export type SourceHub = Hub | 'local';
export type RowFormat = 'jsonl' | 'csv' | 'parquet';
export type Row = Record<string, unknown>;

export interface DataFile {
  /** The subset this file belongs to ("anatomy"), or undefined when every subset reads it. */
  subset?: string;
  split: string;
  /** Path inside the hub repository, as its resolve URL has it. */
  path: string;
  format: RowFormat;
  /** Checked after download when known (enforced for the default hub endpoints). */
  sha256?: string;
  /** CSV files without a header row: their column names. */
  columns?: readonly string[];
}

export interface BenchmarkSource {
  hub: SourceHub;
  repo: string;
  /** A commit, or a branch name where no commit is pinned (then no checksum is known either). */
  revision: string;
  files: readonly DataFile[];
}

export interface PromptContext {
  subset: string;
  /** The few-shot rows (already chosen: the first N of the benchmark's few-shot split for this subset). */
  fewShot: readonly Row[];
  /** The prompt template text in use: the benchmark's own, a named variant, or --prompt_template's file. */
  template: string;
  /** The few-shot template text in use (when fewShot is non-empty). */
  fewShotTemplate: string;
  /** The benchmark's side files (sideFiles) that this subset reads, by name. */
  side?: Readonly<Record<string, string>>;
  /** The request's own settings (options). */
  options?: Readonly<Record<string, unknown>>;
}

/** What a row becomes: the fields of an input line. */
export interface BenchmarkItem {
  prompt: string;
  ground_truth: unknown;
  data_source: string;
  /**
   * Its images, placed by <image_N> markers in the prompt (else before the text): bytes from the row (written
   * to the cache as files before the item is read), or paths and URLs as a JSONL line gives them.
   */
  images?: readonly (Uint8Array | string)[];
  /** A step of a problem asked step by step (its bootcamp has a chain): the problem and the step's label. */
  chain?: { key: string; label: string; final?: boolean };
}

export interface PromptVariant {
  /** Where it comes from, for `ls` ("EvalScope's mmlu adapter"). */
  origin: string;
  template: string;
  /** Used when few-shot examples are given; defaults to the benchmark's own few-shot template. */
  fewShotTemplate?: string;
}

export interface Benchmark {
  /** Our name, as --datasets / --eval_type take it. */
  readonly name: string;
  readonly prettyName: string;
  /** Other names for the same data: EvalScope's dataset names, NeMo Evaluator's eval_type names. */
  readonly aliases: readonly string[];
  /** Aliases that mean some subsets only (NeMo's arc_challenge is ARC's ARC-Challenge), lower case. */
  readonly subsetAliases?: Readonly<Record<string, readonly string[]>>;
  readonly description: string;
  readonly license: string;
  /** The metric its score is (EvalScope's name). */
  readonly metric: 'acc' | 'pass@1' | 'is_correct' | 'relaxed_acc';
  /** 'image': its items carry images (chat mode only; its Parquet byte columns are read as bytes). */
  readonly modality?: 'image';
  /** The bootcamp every item of it names as data_source (see dataSourceOfRow for benchmarks with two). */
  readonly dataSource: string;
  /** The bootcamp a row's item names, for benchmarks whose rows need two (MMMU's choices and open answers). */
  dataSourceOfRow?(row: Row): string;
  /** With dataSourceOfRow: every bootcamp its rows may name (for `ls`). */
  readonly dataSources?: readonly string[];
  readonly source: BenchmarkSource;
  /** The same files under another hub's repository id (EvalScope's ModelScope ids). */
  readonly mirrors?: Partial<Record<Hub, { repo: string; revision: string }>>;
  readonly subsets: readonly string[];
  /**
   * The subset a row belongs to, for benchmarks whose subsets are a field of rows in shared files (MATH-500's
   * levels; EvalScope's reformat_subset): a subset then reads the rows of its own.
   */
  subsetOfRow?(row: Row): string;
  /** Category of a subset for the report (MMLU's STEM / Humanities / ...); default "default". */
  categoryOf?(subset: string): string;
  readonly evalSplit: string;
  /** The split few-shot examples come from (its first rows, per subset); none when the benchmark has none. */
  readonly fewShotSplit?: string;
  readonly fewShotNum: number;
  /** Named prompts; "default" is EvalScope's. */
  readonly prompts: Readonly<Record<string, PromptVariant>> & { default: PromptVariant };
  /** Turns a row into an item; throws BenchmarkRowError for a row that lacks what it needs. */
  toItem(row: Row, context: PromptContext): BenchmarkItem;
  /**
   * For benchmarks whose rows hold several items (SciCode's problems of several steps): the row's items, in
   * order, used instead of toItem; each is an entry of its own (ids count items, not rows).
   */
  expandRow?(row: Row, context: PromptContext): BenchmarkItem[];
  /** Samples per item it is run with unless --repeats says otherwise (NeMo's n_samples). */
  readonly repeatsDefault?: number;
  /** Generation settings it prefers (below flags and config, above built-in defaults). */
  readonly defaults?: Readonly<{ max_tokens?: number; temperature?: number; top_p?: number }>;
  /** Placeholders its prompt fills beside {question} (for checking a --dataset_args prompt_template). */
  readonly promptPlaceholders?: readonly string[];
  /** Its system message in chat mode, unless --sys_prompt gives one (EvalScope's BenchmarkMeta.system_prompt). */
  readonly systemPrompt?: string;
  /** The subsets run when --dataset_args names none (default: all of them). */
  readonly defaultSubsets?: readonly string[];
  /**
   * Settings of its own in --dataset_args (also inside EvalScope's "extra_params"): each checks and converts its
   * value, or throws a message naming what it expected. Handed to keepRow and subsetsFor.
   */
  readonly options?: Readonly<Record<string, BenchmarkOption>>;
  /**
   * Text files of the same repository that items need besides rows (SciCode's given step solutions), per
   * subset: read once, handed to toItem in its context.
   */
  readonly sideFiles?: readonly { name: string; path: string; subsets: readonly string[] }[];
  /** Whether a row is evaluated under the request's options (LiveCodeBench's date window). */
  keepRow?(row: Row, options: Readonly<Record<string, unknown>>): boolean;
  /** Refuses a request before any data is read (SciCode's test set without its targets file); throws Error. */
  checkRequest?(subsets: readonly string[], options: Readonly<Record<string, unknown>>): void;
  /** Subsets an option names (LiveCodeBench's release_version), overriding the default ones. */
  subsetsFor?(options: Readonly<Record<string, unknown>>): readonly string[] | undefined;
}

export interface BenchmarkOption {
  description: string;
  /** The value as the benchmark uses it; throws Error with what was expected. */
  parse(value: unknown): unknown;
}

/** A row the benchmark cannot turn into an item: becomes an input error for that row, the run goes on. */
export class BenchmarkRowError extends Error {
  override name = 'BenchmarkRowError';
}
