// What IFEval's checks share: their kwargs read with a message naming the one missing, "less than" / "at least",
// and Python's str.strip. Kept apart so that each group of checks is a file of its own.
import { isPyWhitespace } from '../shared/py-regex.ts';

/** Python's white space (str.isspace()), as a character class body. */
export const PY_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const NOT_SPACE = new RegExp(`[^${PY_SPACE}]`);

export type Kwargs = Readonly<Record<string, unknown>>;
export type Check = (response: string, kwargs: Kwargs) => boolean;

/** A kwarg the check needs is missing or of the wrong type: the item's verifier error, never a crash. */
export class IFEvalArgumentError extends Error {
  override name = 'IFEvalArgumentError';
}

export function num(kwargs: Kwargs, key: string): number {
  const v = kwargs[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new IFEvalArgumentError(`kwargs.${key}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

export function str(kwargs: Kwargs, key: string): string {
  const v = kwargs[key];
  if (typeof v !== 'string') throw new IFEvalArgumentError(`kwargs.${key}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

export function strList(kwargs: Kwargs, key: string): string[] {
  const v = kwargs[key];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new IFEvalArgumentError(`kwargs.${key}: expected a list of strings`);
  return v as string[];
}

/** "less than" → count < n, "at least" → count >= n, as _COMPARISON_RELATION. */
export function compare(count: number, kwargs: Kwargs, relationKey: string, n: number): boolean {
  const relation = str(kwargs, relationKey);
  if (relation === 'less than') return count < n;
  if (relation === 'at least') return count >= n;
  throw new IFEvalArgumentError(`kwargs.${relationKey}: expected "less than" or "at least", got ${JSON.stringify(relation)}`);
}

/** Python's str.strip(chars) / lstrip / rstrip; without chars, Python's white space. */
export function pyStrip(s: string, chars?: string, side: 'both' | 'left' | 'right' = 'both'): string {
  let start = 0;
  let end = s.length;
  if (chars === undefined) {
    if (side !== 'right') while (start < end && isPyWhitespace(s.charCodeAt(start))) start++;
    if (side !== 'left') while (end > start && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  } else {
    if (side !== 'right') while (start < end && chars.includes(s[start])) start++;
    if (side !== 'left') while (end > start && chars.includes(s[end - 1])) end--;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** `r.strip()` is not empty: some character of it is not Python white space (a native search). */
export function hasNonSpace(s: string): boolean {
  return NOT_SPACE.test(s);
}

/** Python's `if v`: the data set writes absent kwargs as null (HF's copy) or leaves them out; both are dropped. */
export function presentKwargs(kwargs: Readonly<Record<string, unknown>>): Kwargs {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) if (v !== null && v !== undefined && v !== '' && v !== 0 && v !== false && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}

