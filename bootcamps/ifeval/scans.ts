// The scans IFEval's checks are made of, each with Python's meaning and linear on any input: keywords (Python
// regexes, plain ones searched natively), whole words, bullet lines, placeholders, highlights.
import { isPyWhitespace, literalFinder, PyRegex } from '../shared/py-regex.ts';
import { detectLanguage } from './language.ts';
import { NOT_SPACE, PY_SPACE } from './args.ts';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** re.search(r"\b" + word + r"\b", text, re.IGNORECASE) for a plain word (what the data gives). */
export function hasWholeWord(text: string, word: string): boolean {
  if (/[\\^$.*+?()[\]{}|]/.test(word)) return new PyRegex(word, { ignoreCase: true }).search(text) !== null; // not a plain word: no \b, best effort
  const hay = text.toLowerCase();
  const needle = word.toLowerCase();
  if (needle === '') return false;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay[at - 1] : '';
    const after = hay[at + needle.length] ?? '';
    const startOk = WORD_CHAR.test(needle[0]) ? !WORD_CHAR.test(before) : WORD_CHAR.test(before);
    const endOk = WORD_CHAR.test(needle[needle.length - 1]) ? !WORD_CHAR.test(after) : WORD_CHAR.test(after);
    if (startOk && endOk) return true;
  }
  return false;
}

/** A keyword is a Python regex; most are plain words, searched natively (with IGNORECASE's equivalents). */
const PLAIN = /^[\p{L}\p{N} '-]+$/u;
const keywordCache = new Map<string, { plain?: RegExp; re?: PyRegex }>();
function keywordMatcher(keyword: string) {
  let m = keywordCache.get(keyword);
  if (!m) {
    m = PLAIN.test(keyword) ? { plain: literalFinder(keyword, true, 'gu') } : { re: new PyRegex(keyword, { ignoreCase: true }) };
    if (keywordCache.size > 1000) keywordCache.clear();
    keywordCache.set(keyword, m);
  }
  return m;
}
/** Characters that IGNORECASE matches to an ASCII letter but lower-casing does not map to one (or maps to two). */
const CASE_TRAPS = /[ſ\u212aıİ]/;

export function keywordCount(text: string, keyword: string, stopAt = Infinity): number {
  const m = keywordMatcher(keyword);
  if (m.re) return countMatches(m.re, text);
  // An ASCII keyword in a text without the few case traps: lower-case both and count with indexOf.
  if (/^[\x20-\x7e]+$/.test(keyword) && !CASE_TRAPS.test(text)) {
    const hay = text.toLowerCase();
    const needle = keyword.toLowerCase();
    let n = 0;
    for (let at = hay.indexOf(needle); at >= 0 && n < stopAt; at = hay.indexOf(needle, at + needle.length)) n++;
    return n;
  }
  const re = m.plain!;
  re.lastIndex = 0;
  let n = 0;
  while (n < stopAt && re.exec(text)) n++;
  return n;
}

/**
 * len(re.findall(r"^\s*\*[^\*].*$", text, re.M)) (marker "*") or of r"^\s*-.*$" (marker "-"), in one pass: a
 * match starts at a line start, its \s* may cross blank lines, and it runs to the end of the line. A start
 * that fails fails for every line start inside the same white-space run, so the scan goes on after it (the
 * backtracking regex took minutes on a megabyte of white space).
 */
export function countLineItems(text: string, marker: '*' | '-'): number {
  const n = text.length;
  let count = 0;
  let start = 0; // a line start
  while (start < n) {
    let q = start;
    while (q < n && isPyWhitespace(text.charCodeAt(q))) q++;
    if (q >= n) break;
    const bullet = text[q] === marker && (marker === '-' || (q + 1 < n && text[q + 1] !== '*'));
    // The match (or the failed start) ends at the end of q's line; the next line start follows it. A "*"
    // bullet's [^*] may be the newline itself: then its .* runs over the next line too.
    let from = bullet && marker === '*' ? q + 2 : q + 1;
    if (from > n) from = n;
    const eol = text.indexOf('\n', from);
    if (bullet) count++;
    if (eol < 0) break;
    start = eol + 1;
  }
  return count;
}
/** \s*p\.\s?s\..*$ found anywhere: the same as finding p\.\s?s\. (the rest can always match). */
export const PS_NATIVE = new RegExp(`p\\.[${PY_SPACE}]?s\\.`);
export const PPS_NATIVE = new RegExp(`p\\.[${PY_SPACE}]?p\\.[${PY_SPACE}]?s`);
export const DIVIDER_NATIVE = new RegExp(`[${PY_SPACE}]?\\*\\*\\*[${PY_SPACE}]?`);

/** re.findall(r"\[.*?\]", text), counted in one pass: a "[" without a "]" before the line's end matches nothing. */
export function countPlaceholders(text: string): number {
  let n = 0;
  let i = text.indexOf('[');
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && text[j] !== ']' && text[j] !== '\n') j++;
    if (j < text.length && text[j] === ']') {
      n++;
      i = text.indexOf('[', j + 1);
    } else i = text.indexOf('[', j);
  }
  return n;
}

/** Highlighted sections as the reference counts them: *x* and **x** with something besides spaces inside. */
export function countHighlights(text: string): number {
  let n = 0;
  const single = /\*([^\n*]*)\*/g;
  for (let m = single.exec(text); m; m = single.exec(text)) if (NOT_SPACE.test(m[1])) n++;
  const double = /\*\*([^\n*]*)\*\*/g;
  for (let m = double.exec(text); m; m = double.exec(text)) if (NOT_SPACE.test(m[1])) n++;
  return n;
}

export const CONSTRAINED = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

export function countMatches(re: PyRegex, text: string): number {
  let n = 0;
  for (const _ of re.finditer(text)) n++;
  return n;
}

export function language(response: string, expected: string): boolean {
  const detected = detectLanguage(response);
  return detected === undefined ? true : detected === expected;
}

