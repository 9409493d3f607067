// Builds a Bootcamp from the two halves most InternBootcamp verifiers have: extract_output and _verify_correction,
// combined exactly as Basebootcamp.verify_score does with short_penalty=False and format_penalty=False.
import type { z } from 'zod';
import type { Bootcamp, Extracted } from './types.ts';

export interface BootcampParts<GT, X> {
  name: string;
  answerFormat: string;
  groundTruth: z.ZodType<GT>;
  /** extract_output: null means "no answer found" and scores 0 without calling check. May throw (→ score 0). */
  extract(output: string): X | null;
  /**
   * _verify_correction(extracted, identity): true → 1; a number passes through; false or a throw → 0. May be
   * async when it waits for per-line work (Arc's expected grid).
   */
  check(extracted: X, groundTruth: GT): boolean | number | Promise<boolean | number>;
  /** How the extracted value is shown in details (default: itself). */
  toJson?(extracted: X): Extracted;
  defaults?: Bootcamp<GT>['defaults'];
  /** Per-line work to start when the runner queues the line (see Bootcamp.prepare). */
  prepare?: Bootcamp<GT>['prepare'];
}

/**
 * Basebootcamp.verify_score semantics: extract → None gives 0; judge True gives 1; an int/float judge passes
 * through as a float; anything else (False included, because the reference asserts on the type) gives 0.
 * Exceptions inside are swallowed by the reference, so they give 0 here too (the runner records the message).
 */
export function defineBootcamp<GT, X>(parts: BootcampParts<GT, X>): Bootcamp<GT> {
  const toJson = parts.toJson ?? ((x: X) => x as Extracted);
  // The runner calls extract and then verify on the same output; remember the last extraction so that the
  // (sometimes costly) parse runs once. Safe because extraction is a pure function of the output.
  let lastOutput: string | undefined;
  let lastResult: { value: X | null } | { error: unknown } | undefined;
  const extractOnce = (output: string): X | null => {
    if (output !== lastOutput || lastResult === undefined) {
      lastOutput = output;
      try {
        lastResult = { value: parts.extract(output) ?? null };
      } catch (error) {
        lastResult = { error };
      }
    }
    if ('error' in lastResult) throw lastResult.error;
    return lastResult.value;
  };
  return {
    name: parts.name,
    answerFormat: parts.answerFormat,
    kind: 'native',
    groundTruth: parts.groundTruth,
    defaults: parts.defaults,
    prepare: parts.prepare,
    extract(output: string): Extracted {
      try {
        const x = extractOnce(output);
        return x === null ? null : toJson(x);
      } catch {
        return null;
      }
    },
    verify(output: string, groundTruth: GT): number | Promise<number> {
      const x = extractOnce(output);
      if (x === null) return 0;
      const judge = parts.check(x, groundTruth);
      return judge instanceof Promise ? judge.then(judgeToScore) : judgeToScore(judge);
    },
  };
}

function judgeToScore(judge: boolean | number): number {
  if (judge === true) return 1;
  if (typeof judge === 'number') return judge;
  return 0;
}
