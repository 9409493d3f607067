// The contract between the runner and every bootcamp: what a verifier is, and nothing about how it is run.
// A bootcamp is registered under the exact `data_source` string its input lines carry.
import type { z } from 'zod';

/** What `extract` may return: anything JSON can hold (Python tuples become arrays), or null for "nothing found". */
export type Extracted = unknown;

/** How a bootcamp is scored; `ls` shows it, and the runner uses it to pick an executor. */
export type VerifierKind = 'native' | 'python' | 'sandbox';

/** One program run in a sandbox: the interface every sandbox (bwrap, docker, remote) implements. */
export interface ExecuteRequest {
  /** Files to place in the fresh working directory, by relative path. */
  files: Record<string, string>;
  /** argv; the first element is looked up on the sandbox's PATH (e.g. ["python3", "main.py"]). */
  command: string[];
  stdin?: string;
  timeoutMs: number;
  memoryMb: number;
  /** Host files shown read-only inside at `target` (SciCode's test_data.h5); local sandboxes only. */
  mounts?: readonly { host: string; target: string }[];
}

export interface ExecuteResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** True when stdout or stderr was cut at the output cap. */
  truncated?: boolean;
}

export interface SandboxExecutor {
  /** Runs the program; rejects only when the sandbox itself failed (the program's own failure is a result). */
  execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult>;
}

/** What the runner hands a verifier besides the output and ground truth. */
export interface VerifyContext {
  /** Present only when the user enabled a sandbox (--use_sandbox); code bootcamps must refuse to run without it. */
  sandbox?: SandboxExecutor;
  /** Limits for each program a code bootcamp runs (--sandbox_timeout, --sandbox_memory_mb). */
  sandboxLimits?: { timeoutMs: number; memoryMb: number };
  /** Aborted when the run is interrupted. */
  signal?: AbortSignal;
  /** Which of sandboxLimits the user set (--sandbox_timeout, --sandbox_memory_mb): they then beat a bootcamp's own. */
  sandboxLimitsGiven?: { timeout?: boolean; memory?: boolean };
}

/**
 * A bootcamp whose items are steps of one problem asked in order (SciCode): each step's prompt is built from
 * the answers to the earlier ones, and its ground truth records what those answers make of it.
 */
export interface ChainSteps<GT> {
  /** The prompt of this step, from the raw answers to the earlier asked steps of its problem (in order). */
  prompt(gt: GT, earlier: readonly string[]): string;
  /** This step's ground truth with what the earlier answers give it (written to its details row). */
  withEarlier(gt: GT, earlier: readonly string[]): GT;
  /** Metric names: each step's score, and on a problem's last step whether every step passed. */
  metrics?: { step: string; whole: string };
}

export interface Bootcamp<GT = unknown> {
  /** The data_source name, e.g. "Game24". */
  readonly name: string;
  /** Items are steps of a problem, asked in order (see ChainSteps). */
  readonly chain?: ChainSteps<GT>;
  /** What a sandbox bootcamp's programs need in the sandbox's Python, checked once before any request. */
  readonly requires?: { modules: readonly string[]; check: string; hint: string };
  /** One line for `ls`: the answer format this bootcamp scores, e.g. "\\boxed{expression} using every number once". */
  readonly answerFormat: string;
  readonly kind?: VerifierKind;
  /** Validates (and may normalise) the line's ground_truth; a failure is an input error for that line. */
  readonly groundTruth: z.ZodType<GT>;
  /**
   * What the reference's `extract_output(output)` returns, as JSON (tuples → arrays, None → null).
   * Must never throw for any string; return null instead. Must not hang on hostile input.
   */
  extract(output: string): Extracted;
  /**
   * The reference's `verify_score(output, gt, short_penalty=False, format_penalty=False)`.
   * true → 1, false → 0, a number passes through; a thrown error becomes 0 with its message recorded.
   * `groundTruth` is deeply frozen: a verifier must never mutate it.
   */
  verify(output: string, groundTruth: GT, context?: VerifyContext): number | boolean | Promise<number | boolean>;
  /**
   * For verifiers outside this process (the Python bridge): score and extract in one call. When present the
   * runner uses it instead of extract + verify.
   */
  score?(
    output: string,
    groundTruth: GT,
    context?: VerifyContext,
  ): Promise<{ score: number; extracted_output: unknown; verify_error?: string; metrics?: Readonly<Record<string, readonly [number, number]>> }>;
  /**
   * Starts per-line work verify will need (Arc runs a program to get its expected grid), called by the runner
   * when a line is queued for asking, so the work overlaps the model's answer. Never called for lines only
   * read (a --strict survey, a dry run, lines already answered on resume). Must not throw.
   */
  prepare?(groundTruth: GT): void;
  /**
   * Open-ended answers no rule can check: under --judge_strategy auto an LLM judge scores this bootcamp's items
   * (the rule score is kept beside it). `template` names a shipped judge template; `gold` is the reference text
   * shown to the judge (default: the ground truth's "answer", or the ground truth itself).
   */
  readonly judge?: { template?: string; gold?(groundTruth: GT): string };
  /** Generation settings this bootcamp prefers (lowest precedence above built-in defaults). */
  readonly defaults?: Readonly<{ max_tokens?: number; temperature?: number; top_p?: number }>;
}

/** A registry entry with its ground-truth type erased, as the runner sees it. */
export type AnyBootcamp = Bootcamp<any>;
