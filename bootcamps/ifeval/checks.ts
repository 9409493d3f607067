// IFEval's 25 instruction checks, registered by instruction id, each a pure function of the response and the
// instruction's kwargs, with the reference's semantics (google-research instruction_following_eval,
// instructions.py): its regexes with Python's meaning, its quirks (paragraphs counted without the empty
// ones but indexed with them; a keyword is a regular expression; "less than" / "at least").
import { pyJsonLoads } from '../shared/py-json.ts';
import { isPyWhitespace, literalFinder, PyRegex } from '../shared/py-regex.ts';
import { countSentences, countUpperTokens, countWords, pyIsLower, pyIsUpper } from './text.ts';
import { detectLanguage } from './language.ts';

export type Kwargs = Readonly<Record<string, unknown>>;
export type Check = (response: string, kwargs: Kwargs) => boolean;

/** A kwarg the check needs is missing or of the wrong type: the item's verifier error, never a crash. */
export class IFEvalArgumentError extends Error {
  override name = 'IFEvalArgumentError';
}

function num(kwargs: Kwargs, key: string): number {
  const v = kwargs[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new IFEvalArgumentError(`kwargs.${key}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

function str(kwargs: Kwargs, key: string): string {
  const v = kwargs[key];
  if (typeof v !== 'string') throw new IFEvalArgumentError(`kwargs.${key}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function strList(kwargs: Kwargs, key: string): string[] {
  const v = kwargs[key];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new IFEvalArgumentError(`kwargs.${key}: expected a list of strings`);
  return v as string[];
}

/** "less than" → count < n, "at least" → count >= n, as _COMPARISON_RELATION. */
function compare(count: number, kwargs: Kwargs, relationKey: string, n: number): boolean {
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

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** re.search(r"\b" + word + r"\b", text, re.IGNORECASE) for a plain word (what the data gives). */
function hasWholeWord(text: string, word: string): boolean {
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

function keywordCount(text: string, keyword: string, stopAt = Infinity): number {
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

const PY_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/**
 * len(re.findall(r"^\s*\*[^\*].*$", text, re.M)) (marker "*") or of r"^\s*-.*$" (marker "-"), in one pass: a
 * match starts at a line start, its \s* may cross blank lines, and it runs to the end of the line. A start
 * that fails fails for every line start inside the same white-space run, so the scan goes on after it (the
 * backtracking regex took minutes on a megabyte of white space).
 */
function countLineItems(text: string, marker: '*' | '-'): number {
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
const PS_NATIVE = new RegExp(`p\\.[${PY_SPACE}]?s\\.`);
const PPS_NATIVE = new RegExp(`p\\.[${PY_SPACE}]?p\\.[${PY_SPACE}]?s`);
const DIVIDER_NATIVE = new RegExp(`[${PY_SPACE}]?\\*\\*\\*[${PY_SPACE}]?`);
const NOT_SPACE = new RegExp(`[^${PY_SPACE}]`);

/** re.findall(r"\[.*?\]", text), counted in one pass: a "[" without a "]" before the line's end matches nothing. */
function countPlaceholders(text: string): number {
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
function countHighlights(text: string): number {
  let n = 0;
  const single = /\*([^\n*]*)\*/g;
  for (let m = single.exec(text); m; m = single.exec(text)) if (NOT_SPACE.test(m[1])) n++;
  const double = /\*\*([^\n*]*)\*\*/g;
  for (let m = double.exec(text); m; m = double.exec(text)) if (NOT_SPACE.test(m[1])) n++;
  return n;
}

const CONSTRAINED = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];

function countMatches(re: PyRegex, text: string): number {
  let n = 0;
  for (const _ of re.finditer(text)) n++;
  return n;
}

function language(response: string, expected: string): boolean {
  const detected = detectLanguage(response);
  return detected === undefined ? true : detected === expected;
}

export const CHECKS: Readonly<Record<string, Check>> = {
  'keywords:existence': (r, k) => [...strList(k, 'keywords')].sort().every((kw) => keywordCount(r, kw, 1) > 0),
  'keywords:frequency': (r, k) => compare(keywordCount(r, pyStrip(str(k, 'keyword'))), k, 'relation', num(k, 'frequency')),
  'keywords:forbidden_words': (r, k) => !strList(k, 'forbidden_words').some((w) => hasWholeWord(r, w)),
  'keywords:letter_frequency': (r, k) => {
    const letter = pyStrip(str(k, 'letter')).toLowerCase();
    const text = r.toLowerCase();
    let n = 0;
    if (letter !== '') for (let at = text.indexOf(letter); at >= 0; at = text.indexOf(letter, at + letter.length)) n++;
    return compare(n, k, 'let_relation', num(k, 'let_frequency'));
  },
  'language:response_language': (r, k) => language(r, str(k, 'language')),
  'length_constraints:number_sentences': (r, k) => compare(countSentences(r), k, 'relation', num(k, 'num_sentences')),
  'length_constraints:number_paragraphs': (r, k) => {
    const paragraphs = r.split(DIVIDER_NATIVE);
    let n = paragraphs.length;
    for (const [i, p] of paragraphs.entries()) {
      if (pyStrip(p) !== '') continue;
      if (i === 0 || i === paragraphs.length - 1) n--;
      else return false;
    }
    return n === num(k, 'num_paragraphs');
  },
  'length_constraints:number_words': (r, k) => compare(countWords(r), k, 'relation', num(k, 'num_words')),
  'length_constraints:nth_paragraph_first_word': (r, k) => {
    const paragraphs = r.split('\n\n');
    const n = paragraphs.filter((p) => pyStrip(p) !== '').length;
    const nth = num(k, 'nth_paragraph');
    // The reference counts non-empty paragraphs but indexes the list with the empty ones in it.
    if (nth > n) return false;
    const paragraph = pyStrip(paragraphs[nth - 1] ?? '');
    if (paragraph === '') return false;
    let word = pyStrip(paragraph.split(/[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/)[0]);
    word = pyStrip(pyStrip(word, "'", 'left'), '"', 'left');
    let first = '';
    for (const ch of word) {
      if ('.,?!\'"'.includes(ch)) break;
      first += ch.toLowerCase();
    }
    return n === num(k, 'num_paragraphs') && first === str(k, 'first_word').toLowerCase();
  },
  'detectable_content:number_placeholders': (r, k) => countPlaceholders(r) >= num(k, 'num_placeholders'),
  'detectable_content:postscript': (r, k) => {
    const marker = pyStrip(str(k, 'postscript_marker'));
    const text = r.toLowerCase();
    if (marker === 'P.P.S') return PPS_NATIVE.test(text);
    if (marker === 'P.S.') return PS_NATIVE.test(text);
    return new PyRegex('\\s*' + marker.toLowerCase() + '.*$', { multiline: true }).search(text) !== null;
  },
  'detectable_format:number_bullet_lists': (r, k) => countLineItems(r, '*') + countLineItems(r, '-') === num(k, 'num_bullets'),
  'detectable_format:constrained_response': (r) => CONSTRAINED.some((option) => pyStrip(r).includes(option)),
  'detectable_format:number_highlighted_sections': (r, k) => countHighlights(r) >= num(k, 'num_highlights'),
  'detectable_format:multiple_sections': (r, k) => {
    const splitter = pyStrip(str(k, 'section_spliter'));
    return countMatches(new PyRegex('\\s?' + splitter + '\\s?\\d+\\s?'), r) >= num(k, 'num_sections');
  },
  'detectable_format:json_format': (r) => {
    let value = pyStrip(r);
    for (const prefix of ['```json', '```Json', '```JSON', '```']) if (value.startsWith(prefix)) value = value.slice(prefix.length);
    if (value.endsWith('```')) value = value.slice(0, -3);
    try {
      pyJsonLoads(pyStrip(value));
      return true;
    } catch {
      return false;
    }
  },
  'detectable_format:title': (r) => (r.match(/<<[^\n]+>>/g) ?? []).some((t) => pyStrip(pyStrip(pyStrip(t, '<', 'left'), '>', 'right')) !== ''),
  'combination:two_responses': (r) => {
    const parts = r.split('******');
    const valid: string[] = [];
    for (const [i, p] of parts.entries()) {
      if (pyStrip(p) === '') {
        if (i !== 0 && i !== parts.length - 1) return false;
      } else valid.push(p);
    }
    return valid.length === 2 && pyStrip(valid[0]) !== pyStrip(valid[1]);
  },
  'combination:repeat_prompt': (r, k) => pyStrip(r).toLowerCase().startsWith(pyStrip(str(k, 'prompt_to_repeat')).toLowerCase()),
  'startend:end_checker': (r, k) => pyStrip(pyStrip(r), '"').toLowerCase().endsWith(pyStrip(str(k, 'end_phrase')).toLowerCase()),
  'change_case:capital_word_frequency': (r, k) => compare(countUpperTokens(r), k, 'capital_relation', num(k, 'capital_frequency')),
  'change_case:english_capital': (r) => pyIsUpper(r) && language(r, 'en'),
  'change_case:english_lowercase': (r) => pyIsLower(r) && language(r, 'en'),
  'punctuation:no_comma': (r) => !r.includes(','),
  'startend:quotation': (r) => {
    const v = pyStrip(r);
    return v.length > 1 && v[0] === '"' && v[v.length - 1] === '"';
  },
};

/** Python's `if v`: the data set writes absent kwargs as null (HF's copy) or leaves them out; both are dropped. */
export function presentKwargs(kwargs: Readonly<Record<string, unknown>>): Kwargs {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) if (v !== null && v !== undefined && v !== '' && v !== 0 && v !== false && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}
