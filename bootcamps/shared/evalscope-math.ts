// EvalScope's reading of a math answer (evalscope/metrics/math/parser.py, itself from Qwen2.5-Math), for the
// benchmarks whose scoring follows EvalScope: extract_answer (the last \boxed{} with nested braces, then "the
// answer is", "final answer is", "ANSWER:", else the last number), strip_answer_string's normalisation, and
// math_equal's string and numeric tests. Not ported: math_equal's symbolic branch (sympy) and word2number's
// reading of answers spelled in words; where those would decide, we say "not equal". MathAnswer (issue 19)
// is the bootcamp that judges answers by meaning.
import { pyFloat } from './py-str.ts';

/** The text after the last "boxed": its braced group (nested braces kept), else up to the first "$". */
function afterLastBoxed(text: string): string {
  const tail = text.slice(text.lastIndexOf('boxed') + 'boxed'.length);
  if (tail.length === 0) return '';
  if (tail[0] !== '{') return tail.split('$')[0].trim();
  let depth = 1;
  for (let i = 1; i < tail.length; i++) {
    const c = tail.charCodeAt(i);
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) return tail.slice(1, i);
  }
  return tail.slice(1); // unclosed: everything after the brace, as the reference's loop collects it
}

const NUMBER = /-?\d*\.?\d+/g;
/** sys.get_int_max_str_digits(): the longest decimal string Python's int() reads by default. */
const MAX_INT_DIGITS = 4300;

/**
 * How much of an output is read: its last 100,000 characters (as MathAnswer). EvalScope reads all of it; on a
 * megabyte after "final answer is" its normalisation alone takes tens of milliseconds.
 */
const WINDOW_CHARS = 100_000;

/** extract_answer(pred_str, use_last_number=True), normalised by strip_answer_string. */
export function evalscopeExtractAnswer(output: string): string {
  const text = (output.length > WINDOW_CHARS ? output.slice(-WINDOW_CHARS) : output).replaceAll('\u043a\u0438', '');
  let pred: string;
  if (text.includes('final answer is $') && text.includes('$. I hope')) {
    pred = text.split('final answer is $').slice(1).join('final answer is $').split('$. I hope')[0].trim();
  } else if (text.includes('boxed')) {
    pred = afterLastBoxed(text);
  } else if (text.includes('he answer is')) {
    pred = text.slice(text.lastIndexOf('he answer is') + 'he answer is'.length).trim();
  } else if (text.includes('final answer is')) {
    pred = text.slice(text.lastIndexOf('final answer is') + 'final answer is'.length).trim();
  } else if (text.includes('答案是')) {
    pred = text.split('答案是')[1].trim().split('\n\n')[0].trim();
  } else if (text.includes('ANSWER:')) {
    pred = text.slice(text.lastIndexOf('ANSWER:') + 'ANSWER:'.length).trim();
  } else {
    const numbers = text.replaceAll(',', '').match(NUMBER);
    pred = numbers ? numbers[numbers.length - 1] : '';
  }
  pred = pred.replace(/\n\s*/g, '');
  if (pred.startsWith(':')) pred = pred.slice(1);
  if (pred.endsWith('.')) pred = pred.slice(0, -1);
  if (pred.endsWith('/')) pred = pred.slice(0, -1);
  return stripAnswerString(pred);
}

/** \frac12 → \frac{1}{2} and \frac1{72} → \frac{1}{72}, as _fix_fracs does (its give-up cases kept). */
function fixFracs(s: string): string {
  const parts = s.split('\\frac');
  let out = parts[0];
  for (const part of parts.slice(1)) {
    out += '\\frac';
    if (part.length > 0 && part[0] === '{') {
      out += part;
      continue;
    }
    if (part.length < 2) return s;
    const [a, b] = part;
    out += b !== '{' ? `{${a}}{${b}}${part.slice(2)}` : `{${a}}${b}${part.slice(2)}`;
  }
  return out;
}

/** "3/4" → \frac{3}{4} when both sides are plain integers written as Python's int() prints them. */
function fixSlash(s: string): string {
  const parts = s.split('/');
  if (parts.length !== 2) return s;
  const [a, b] = parts;
  // int(x) as Python reads it, which refuses more than 4,300 digits (then the reference keeps the text).
  const asInt = (x: string) => (x.includes('sqrt') ? x : /^\s*[+-]?\d+\s*$/.test(x) && x.trim().length <= MAX_INT_DIGITS ? String(BigInt(x.trim())) : undefined);
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia === undefined || ib === undefined || `${ia}/${ib}` !== s) return s;
  return `\\frac{${ia}}{${ib}}`;
}

/**
 * re.sub(open + r'(.*?)\}', replace, s) without the regex: Python's lazy match from every "open" rescans the
 * rest of the text, quadratic on an output of many "\text{". Here each match ends at the next "}"; once no "}"
 * follows, no later "open" can match either.
 */
function replaceBraced(s: string, open: string, replace: (inner: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const at = s.indexOf(open, from);
    if (at < 0) break;
    const close = s.indexOf('}', at + open.length);
    if (close < 0) break;
    out += s.slice(from, at) + replace(s.slice(at + open.length, close));
    from = close + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** re.sub(r'\\text{.*?}$', '', s) on a one-line string: from the first "\text{" on, when the text ends in "}". */
function withoutTrailingText(s: string): string {
  const at = s.indexOf('\\text{');
  return at >= 0 && s.endsWith('}') && s.length > at + 6 ? s.slice(0, at) : s;
}

const UNICODE_DIGIT = /\p{Nd}/u;
/** Python's \d (any script's decimal digit) at s[i]; ASCII answered without the regex. */
function isDigitAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 48 && c <= 57;
  return UNICODE_DIGIT.test(s[i]);
}

/**
 * re.sub(r'(\d+)\.0*([^\d])', r'\1\2', s) then re.sub(r'(\d+)\.0*$', r'\1', s) ("12.00 m" → "12 m",
 * "5.000" → "5"), in one linear scan: the regexes backtrack over every digit of a long digit run.
 */
function dropZeroDecimals(s: string): string {
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < s.length) {
    if (!isDigitAt(s, i)) {
      i++;
      continue;
    }
    let j = i;
    while (isDigitAt(s, j)) j++;
    if (s.charCodeAt(j) !== 46 /* . */) {
      i = j;
      continue;
    }
    let k = j + 1;
    while (s.charCodeAt(k) === 48 /* 0 */) k++;
    if (k < s.length && !isDigitAt(s, k)) {
      // The match: the digits, then the [^\d] it consumed; the "." and its zeros go.
      out += s.slice(copiedTo, j) + s[k];
      copiedTo = k + 1;
      i = k + 1;
    } else {
      i = j + 1; // no match from this run: go on after the "."
    }
  }
  out = copiedTo === 0 ? s : out + s.slice(copiedTo);
  const tail = /\.0*$/.exec(out);
  return tail && isDigitAt(out, tail.index - 1) ? out.slice(0, tail.index) : out;
}

/** strip_answer_string: the normalisation both sides get before they are compared. */
export function stripAnswerString(input: string): string {
  let s = input.trim().replaceAll('\n', '');
  s = s.replace(/\.+$/, '');
  s = s.replaceAll('\\!', '');
  s = replaceBraced(s, '\\begin{array}{', () => '\\begin{pmatrix}').replaceAll('\\end{array}', '\\end{pmatrix}').replaceAll('bmatrix', 'pmatrix');
  s = s.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\neq', '\\ne').replaceAll('\\leq', '\\le').replaceAll('\\geq', '\\ge');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '').replaceAll('\\{', '{').replaceAll('\\}', '}');
  s = s.replace(/(cm|inches)\}\^2/g, '$1}');
  // A trailing \text{...} is a unit (dollars, miles) unless it is all there is.
  const withoutUnit = withoutTrailingText(s).trim();
  if (withoutUnit !== '' && withoutUnit !== s) s = withoutUnit;
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  s = s.replaceAll('\\$', '').replaceAll('$', '').replaceAll('\\(', '').replaceAll('\\)', '');
  s = replaceBraced(s, '\\text{', (inner) => inner);
  for (const key of ['x=', 'y=', 'z=', 'x\\in', 'y\\in', 'z\\in', 'x\\to', 'y\\to', 'z\\to']) s = s.replaceAll(key, '');
  s = s.replaceAll('\\emptyset', '{}').replaceAll('(-\\infty,\\infty)', '\\mathbb{R}');
  s = s.replaceAll('\\%', '').replaceAll('%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  const alnum = (t: string) => t.length > 0 && /^[\p{L}\p{N}]+$/u.test(t);
  // Python's str.isalnum on the whole string, brackets included, is never true: this unwrap never fires. Kept
  // as the reference has it, for the day someone fixes it there.
  if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('(') && s.endsWith(')')) || (s.startsWith('[') && s.endsWith(']'))) {
    if (alnum(s)) s = s.slice(1, -1);
  }
  s = s.replaceAll('infinity', '\\infty');
  if (!s.includes('\\infty')) s = s.replaceAll('inf', '\\infty');
  s = s.replaceAll('+\\inity', '\\infty');
  s = s.replaceAll('and', '').replaceAll('\\mathbf', '');
  s = replaceBraced(s, '\\mbox{', () => '');
  s = s.replaceAll("'", '').replaceAll('"', '');
  if (s.includes('j') && !s.includes('i')) s = s.replaceAll('j', 'i');
  s = dropZeroDecimals(s);
  if (s.length === 0) return s;
  if (s[0] === '.') s = '0' + s;
  const sides = s.split('=');
  if (sides.length === 2 && sides[0].length <= 2) s = sides[1];
  s = s.replace(/\\sqrt(\w+)/g, '\\sqrt{$1}');
  s = s.replaceAll(' ', '');
  s = fixSlash(fixFracs(s));
  s = s.replace(/\\(?=-?\d+(\\|\)|,|\]|$))/g, '');
  s = s.replace(/thgrade$/, '');
  if (/^\s*-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$/.test(s)) s = s.replaceAll(',', '');
  if (/^(\s*-?\d+\s*,)*\s*-?\d+\s*$/.test(s)) {
    const parts = s.split(',').map((n) => n.trim());
    // Python's int() raises beyond 4,300 digits, and the reference then sorts [-1, -1] instead.
    s = parts.some((n) => n.replace('-', '').length > MAX_INT_DIGITS)
      ? '-1,-1'
      : parts
          .map((n) => BigInt(n))
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          .join(',');
  }
  return s;
}

/** parse_digits: float() of the text without commas, or a percentage as a fraction; undefined otherwise. */
function parseDigits(text: string): number | undefined {
  const num = text.replaceAll(',', '');
  const f = pyFloat(num);
  if (f !== undefined) return f;
  if (num.endsWith('%')) {
    let rest = num.slice(0, -1);
    if (rest.endsWith('\\')) rest = rest.slice(0, -1);
    const g = pyFloat(rest);
    if (g !== undefined) return g / 100;
  }
  return undefined;
}

/** math.isclose(a, b, rel_tol=1e-4). */
function isClose(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * math_equal(prediction, reference) for answers compared as text or as numbers: equal ignoring case and outer
 * white space, or both numbers and close (rel_tol 1e-4), the reference also tried as a percentage (x/100,
 * x*100) as the reference does by default. The symbolic branch is not ported (see the top of this file).
 */
export function evalscopeMathEqual(prediction: string, reference: string): boolean {
  if (prediction.trim().toLowerCase() === reference.trim().toLowerCase()) return true;
  const p = parseDigits(prediction);
  const r = parseDigits(reference);
  if (p === undefined || r === undefined) return false;
  return [r / 100, r, r * 100].some((candidate) => isClose(p, candidate));
}
