// Python's str methods that verifiers lean on, with Python's idea of whitespace and digits (which differ from
// JavaScript's: Python counts \x1c-\x1f as whitespace and not \ufeff; int() reads any Unicode decimal digit).

/** str.isspace() for one UTF-16 code unit (every Python whitespace character is in the BMP). */
export function pyIsSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x20) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** str.strip() with no argument. */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && pyIsSpace(s.charCodeAt(start))) start++;
  while (end > start && pyIsSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** str.split() with no argument: runs of whitespace separate, no empty strings. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && pyIsSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !pyIsSpace(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
  return out;
}

const DIGIT_RUN = /^\p{Nd}+$/u;

function decimalValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  // Unicode's decimal digits come in runs of ten starting at zero, and adjacent runs are whole multiples of ten.
  let k = 0;
  while (k < 100 && /\p{Nd}/u.test(String.fromCodePoint(cp - k - 1))) k++;
  return k % 10;
}

/**
 * int(s) for a str: surrounding whitespace, an optional sign, decimal digits (any script) with single
 * underscores between them. Returns undefined where Python raises ValueError. Large values lose precision.
 */
export function pyInt(s: string): number | undefined {
  let t = pyStrip(s);
  let sign = 1;
  if (t.startsWith('+') || t.startsWith('-')) {
    if (t[0] === '-') sign = -1;
    t = t.slice(1);
  }
  if (t === '' || t.startsWith('_') || t.endsWith('_') || t.includes('__')) return undefined;
  const digits = t.replace(/_/g, '');
  if (!DIGIT_RUN.test(digits)) return undefined;
  let value = 0;
  for (const ch of digits) value = value * 10 + decimalValue(ch);
  return sign * value || 0;
}

/** The texts between each `open` and the next `close`, left to right, non-overlapping: re.findall(open(.*?)close, DOTALL) for literal delimiters, in linear time. */
export function findAllBetween(text: string, open: string, close: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const start = text.indexOf(open, pos);
    if (start < 0) break;
    const end = text.indexOf(close, start + open.length);
    if (end < 0) break;
    out.push(text.slice(start + open.length, end));
    pos = end + close.length;
  }
  return out;
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_FLOAT_SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * float(s) for a str: surrounding whitespace, decimal or exponent notation with single underscores between
 * digits (any script's decimal digits), inf/infinity/nan in any case. Returns undefined where Python raises.
 */
export function pyFloat(s: string): number | undefined {
  const t = toAsciiDigits(pyStrip(s));
  if (PY_FLOAT_SPECIAL.test(t)) {
    const negative = t.startsWith('-');
    if (/nan/i.test(t)) return NaN;
    return negative ? -Infinity : Infinity;
  }
  if (!PY_FLOAT.test(t)) return undefined;
  return Number(t.replaceAll('_', ''));
}

/** str.strip(chars): removes any of `chars` from both ends. */
export function pyStripChars(s: string, chars: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && chars.includes(s[start])) start++;
  while (end > start && chars.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Every Unicode decimal digit replaced by its ASCII digit (what Python's number parsers accept). */
export function toAsciiDigits(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.replace(/\p{Nd}/gu, (d) => String(decimalValue(d))) : s;
}

/** str.splitlines(): splits on every line boundary Python knows (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029). */
export function pySplitLines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 0 && lines[lines.length - 1] === '' && s.length > 0) lines.pop();
  return s.length === 0 ? [] : lines;
}

/** A Python string literal of any text, for programs a bootcamp writes (JSON's escapes are all Python's too). */
export function pyStringLiteral(text: string): string {
  return JSON.stringify(text);
}
