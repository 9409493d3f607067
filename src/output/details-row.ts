// The shape of one details row, with its keys in the order downstream scripts see them.
import type { Usage } from '../model/requests.ts';
import { stringifyExact } from '../../bootcamps/shared/exact-json.ts';

export interface ItemError {
  kind: string;
  status?: number;
  message: string;
  attempts: number;
}

export interface DetailsRow {
  id: number;
  /** Present only in runs with --repeats > 1. */
  repeat?: number;
  /** A step of a problem asked step by step (SciCode): the problem, and the step. */
  problem?: string;
  step?: string;
  data_source: string;
  prompt: string;
  /** An item's images as references (path or URL, type, size, sha256), never their bytes. */
  images?: readonly Readonly<Record<string, unknown>>[];
  output: string;
  output_len: number;
  ground_truth: unknown;
  score: number;
  extracted_output: unknown;
  /** Further measures of the item as [hits, out of] (see ScoreResult.metrics); only for bootcamps that give them. */
  metrics?: Readonly<Record<string, readonly [number, number]>>;
  finish_reason: string | null;
  usage: Usage | null;
  latency_ms: number;
  /** --stream only: ms from sending to the first content or reasoning token. */
  ttft_ms?: number;
  attempts: number;
  reasoning_content?: string;
  error?: ItemError;
  verify_error?: string;
  /** With an LLM judge: the rule's score, kept beside the judge's (which `score` then holds). */
  rule_score?: number;
  /** With an LLM judge: its verdict, reply, model, attempts, whether it came from the cache, and injection suspicion. */
  judge?: Readonly<Record<string, unknown>>;
}

const KEY_ORDER: (keyof DetailsRow)[] = [
  'id', 'repeat', 'problem', 'step', 'data_source', 'prompt', 'images', 'output', 'output_len', 'ground_truth', 'score', 'extracted_output', 'metrics',
  'finish_reason', 'usage', 'latency_ms', 'ttft_ms', 'attempts', 'reasoning_content', 'error', 'verify_error', 'rule_score', 'judge',
];

/** JSON of one value; big integers (bigints) are written digit for digit, a non-finite number as a string. */
function jsonValue(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'bigint') return value.toString();
  return stringifyExact(value) ?? 'null';
}

/**
 * One JSON line, keys in the documented order, optional keys only when set. Built field by field: a replacer
 * function on the whole row made JSON.stringify several times slower on this hot path.
 */
export function serializeRow(row: DetailsRow): string {
  let out = '{';
  for (const key of KEY_ORDER) {
    let value = row[key];
    // extracted_output is always present (null when nothing was extracted), like the original's.
    if (value === undefined) {
      if (key !== 'extracted_output') continue;
      value = null;
    }
    out += (out.length > 1 ? ',"' : '"') + key + '":' + jsonValue(value);
  }
  return out + '}\n';
}
