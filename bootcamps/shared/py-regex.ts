// Python `re` for verifiers, in linear time. The reference verifiers extract answers with Python regexes such as
// \[\[(.*?)\]\] or \[\[(.+?);(.+?)\]\]; run on a backtracking engine (JS RegExp) those go quadratic on hostile
// output (a megabyte of "[["). re2js, a pure-JS port of RE2, matches with Perl/Python's leftmost-first preference
// (lazy quantifiers included) in time linear in the input, so a verifier can keep the reference's own pattern.
// Python's Unicode classes (\s, \d, \w) are spelled out, because RE2's are ASCII-only.
import { RE2JS } from 're2js';

export interface PyRegexFlags {
  /** re.DOTALL */
  dotAll?: boolean;
  /** re.IGNORECASE */
  ignoreCase?: boolean;
  /** re.MULTILINE */
  multiline?: boolean;
}

/** str.isspace(): what Python's \s matches in a str pattern. */
const PY_SPACE = '\\t-\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}';
const PY_WORD = '\\p{L}\\p{N}_';
/** Python's IGNORECASE also equates i and I with dotless ı and dotted İ (sre's fix-ups); RE2's folding does not. */
const DOTLESS_I = '\\x{131}\\x{130}';

/** Whether a class body (between the brackets) holds i or I, alone or in a range. */
function classCoversI(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const lo = c.charCodeAt(0);
      const hi = body.charCodeAt(i + 2);
      if ((lo <= 0x49 && 0x49 <= hi) || (lo <= 0x69 && 0x69 <= hi)) return true;
      i += 2;
      continue;
    }
    if (c === 'i' || c === 'I') return true;
  }
  return false;
}

/**
 * Rewrites the Python pattern into RE2 syntax. Only what differs is touched: \s \S \d \D \w \W get Python's
 * Unicode meaning; constructs whose meaning differs and cannot be rewritten (\b, $, ^ without MULTILINE,
 * lookarounds, backreferences) are refused, so a port never silently changes a reference's behaviour.
 */
export function translatePyPattern(pattern: string, flags: PyRegexFlags = {}): string {
  let out = '';
  let inClass = false;
  let classStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (!inClass && (pattern.startsWith('[\\s\\S]', i) || pattern.startsWith('[\\S\\s]', i))) {
      out += '(?s:.)'; // "any character", whatever \s means
      i += 5;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      i++;
      if (n === undefined) throw new Error('pattern ends with a backslash');
      if (n === 's') out += inClass ? PY_SPACE : `[${PY_SPACE}]`;
      else if (n === 'd') out += inClass ? '\\p{Nd}' : '\\p{Nd}';
      else if (n === 'w') out += inClass ? PY_WORD : `[${PY_WORD}]`;
      else if (n === 'S' || n === 'D' || n === 'W') {
        if (inClass) throw new Error(`\\${n} inside a character class is not supported`);
        out += n === 'S' ? `[^${PY_SPACE}]` : n === 'D' ? '\\P{Nd}' : `[^${PY_WORD}]`;
      } else if (n === 'b' || n === 'B' || /[1-9]/.test(n)) throw new Error(`\\${n} has no linear-time equivalent with Python's meaning`);
      else out += '\\' + n;
      continue;
    }
    if (inClass) {
      if (c === ']' && !(pattern[i - 1] === '[' || (pattern[i - 1] === '^' && pattern[i - 2] === '['))) {
        inClass = false;
        if (flags.ignoreCase && classCoversI(pattern.slice(classStart, i))) out += DOTLESS_I;
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = i + 1;
    } else if (flags.ignoreCase && (c === 'i' || c === 'I')) {
      out += `[iI${DOTLESS_I}]`;
      continue;
    }
    else if (c === '(' && pattern[i + 1] === '?' && pattern[i + 2] !== ':' && pattern[i + 2] !== 'P') throw new Error(`(?${pattern[i + 2]} is not supported`);
    else if ((c === '$' || c === '^') && !flags.multiline) throw new Error(`${c} without MULTILINE differs between Python and RE2; match it by hand`);
    out += c;
  }
  return out;
}

export interface PyMatch {
  /** group(0) and the groups; an unmatched group is undefined (Python's None). */
  groups: (string | undefined)[];
  start: number;
  end: number;
}

const compiled = new Map<string, RE2JS>();

/** Python IGNORECASE's extra equivalents for ASCII letters (sre's fix-ups): ſ for s, K (Kelvin) for k, ı and İ for i. */
const CASE_EXTRAS: Readonly<Record<string, string>> = { s: 'ſ', k: '\u212a', i: 'ıİ' };

/** A native, fixed-length (so linear) search for a literal, with Python's IGNORECASE equivalents when asked. */
export function literalFinder(literal: string, ignoreCase: boolean, flags = 'u'): RegExp {
  let source = '';
  for (const ch of literal) {
    const lower = ch.toLowerCase();
    if (ignoreCase && /[a-z]/.test(lower)) source += `[${lower}${lower.toUpperCase()}${CASE_EXTRAS[lower] ?? ''}]`;
    else source += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(source, flags);
}

export interface PyRegexOptions extends PyRegexFlags {
  /**
   * A literal every match contains (e.g. the closing tag). Outputs without it are skipped before the engine
   * runs: exact, and it keeps hostile outputs (a megabyte of openers) from costing the engine's per-character time.
   */
  mustContain?: string;
}

export class PyRegex {
  private readonly re: RE2JS;
  private readonly groupCount: number;
  private readonly required?: RegExp;

  constructor(
    readonly pattern: string,
    flags: PyRegexOptions = {},
  ) {
    if (flags.mustContain) this.required = literalFinder(flags.mustContain, flags.ignoreCase ?? false);
    const key = `${flags.dotAll ? 's' : ''}${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}/${pattern}`;
    let re = compiled.get(key);
    if (!re) {
      const bits = (flags.dotAll ? RE2JS.DOTALL : 0) | (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0);
      re = RE2JS.compile(translatePyPattern(pattern, flags), bits);
      compiled.set(key, re);
    }
    this.re = re;
    this.groupCount = re.groupCount();
  }

  private toMatch(m: ReturnType<RE2JS['matcher']>): PyMatch {
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= this.groupCount; g++) groups.push(m.group(g) ?? undefined);
    return { groups, start: m.start(), end: m.end() };
  }

  /** re.search: the first match, or null. */
  search(text: string): PyMatch | null {
    if (this.required && !this.required.test(text)) return null;
    const m = this.re.matcher(text);
    return m.find() ? this.toMatch(m) : null;
  }

  /** Every non-overlapping match, left to right (re.finditer). */
  *finditer(text: string): Generator<PyMatch> {
    if (this.required && !this.required.test(text)) return;
    const m = this.re.matcher(text);
    while (m.find()) yield this.toMatch(m);
  }

  /** re.findall: group(0) without groups, group(1) with one, a tuple (array) with more; None becomes "". */
  findall(text: string): (string | string[])[] {
    const out: (string | string[])[] = [];
    for (const match of this.finditer(text)) {
      if (this.groupCount === 0) out.push(match.groups[0]!);
      else if (this.groupCount === 1) out.push(match.groups[1] ?? '');
      else out.push(match.groups.slice(1).map((g) => g ?? ''));
    }
    return out;
  }

  /** The last findall item, without building the whole list; undefined when there is none. */
  lastFindall(text: string): string | string[] | undefined {
    let last: PyMatch | undefined;
    for (const match of this.finditer(text)) last = match;
    if (!last) return undefined;
    if (this.groupCount === 0) return last.groups[0]!;
    if (this.groupCount === 1) return last.groups[1] ?? '';
    return last.groups.slice(1).map((g) => g ?? '');
  }

  /** re.sub with a literal replacement (no group references). */
  sub(replacement: string, text: string): string {
    let out = '';
    let at = 0;
    for (const match of this.finditer(text)) {
      out += text.slice(at, match.start) + replacement;
      at = match.end;
    }
    return out + text.slice(at);
  }
}

/** True for a character Python's \s matches in a str pattern (str.isspace()). */
export function isPyWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x20) || code === 0x85 || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
  );
}

/** re.sub(r'\s+', '', s): every run of Python whitespace removed (one native character class: linear). */
const PY_SPACE_RUNS = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
export function removePyWhitespace(s: string): string {
  return s.replace(PY_SPACE_RUNS, '');
}

/**
 * re.findall(OPEN(.*?)CLOSE, re.DOTALL | re.IGNORECASE) for literal delimiters, by hand in one pass: the bodies
 * between each opener and the next closer, left to right (Python's IGNORECASE equivalents included).
 */
export function findAllBetweenIgnoreCase(text: string, open: string, close: string): string[] {
  const opener = literalFinder(open, true, 'gu');
  const closer = literalFinder(close, true, 'gu');
  const out: string[] = [];
  for (;;) {
    const o = opener.exec(text);
    if (!o) break;
    closer.lastIndex = o.index + o[0].length;
    const c = closer.exec(text);
    if (!c) break;
    out.push(text.slice(o.index + o[0].length, c.index));
    opener.lastIndex = c.index + c[0].length;
  }
  return out;
}
