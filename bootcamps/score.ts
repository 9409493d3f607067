// Scores one model output with one bootcamp, with the reference's verify_score semantics and our error reporting.
import type { AnyBootcamp, VerifyContext } from './types.ts';

export interface ScoreResult {
  score: number;
  extracted_output: unknown;
  /** Set when the verifier threw: the reference silently scores that 0; we keep the message for the user. */
  verify_error?: string;
  /**
   * Further measures of this item, each as [hits, out of] (IFEval's instruction-level accuracy: instructions
   * followed, instructions given). Summaries add them up per file and bootcamp: sum of hits / sum of totals.
   */
  metrics?: Readonly<Record<string, readonly [number, number]>>;
}

/** Recursively freezes a parsed JSON value so that no verifier can mutate a ground truth shared across repeats. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** A score must be a finite number; true/false map to 1/0 as in Python, anything else is the verifier's bug → 0. */
function toScore(judge: unknown): number {
  if (judge === true) return 1;
  if (judge === false) return 0;
  if (typeof judge === 'number' && Number.isFinite(judge)) return judge;
  throw new TypeError(`verifier returned ${typeof judge} ${String(judge)}, expected a number or boolean`);
}

export async function scoreOutput(
  bootcamp: AnyBootcamp,
  output: string,
  groundTruth: unknown,
  context: VerifyContext = {},
): Promise<ScoreResult> {
  if (bootcamp.score) {
    try {
      return await bootcamp.score(output, groundTruth, context);
    } catch (err) {
      return { score: 0, extracted_output: null, verify_error: errorMessage(err) };
    }
  }
  let extracted: unknown = null;
  try {
    const x = bootcamp.extract(output);
    extracted = x === undefined ? null : x;
  } catch {
    extracted = null; // the reference's run_eval wraps extract_output in a bare except → None
  }
  try {
    const score = toScore(await bootcamp.verify(output, groundTruth, context));
    return { score, extracted_output: extracted };
  } catch (err) {
    return { score: 0, extracted_output: extracted, verify_error: errorMessage(err) };
  }
}
