// The clean-up an extracted LaTeX answer gets before it is read, as Math-Verify's default normalisation does it
// (latex2sympy2_extended's normalize_latex with basic_latex, units, malformed_operators and nits on): the boxed
// content is taken out, \left/\right, \dfrac, \mathrm, quotes, dollars and \displaystyle go, "and"/"or" become
// commas, percent words become \%, a trailing unit word or \text{unit} is dropped, `.5` gains its 0, and
// \frac12, \sqrt2 and 3/4 are written out in full.

/** Where the boxed content is taken from: every box (joined by commas), the last one, or none. */
export type BoxedMode = 'all' | 'last' | 'none';

const LEFT = /\\m?left(\\\{|\{|\\\||\||\[|\(|\\rbracl|\\lgroup|\\lbrace|\\lbrack|\\vert|\\lvert|\\lceil|\\lfloor|\\langle|\\llcorner|\\ulcorner)/g;
const RIGHT = /\\m?right(\\\}|\}|\\\||\||\]|\)|\\rbrack|\\rgroup|\\rbrace|\\vert|\\rvert|\\rceil|\\rfloor|\\rangle|\\lrcorner|\\urcorner)/g;

// The unit words Math-Verify strips from the end of an answer (its list, kept word for word, for parity: the
// list includes oddities such as "integerpoint", single letters and "no change").
const UNIT_WORDS = [
  'integerpoint', 'feet', 'sue', 'digit', 'pound', 'meal', 'edge', 'student', 'children ticket', 'multiple', 'east', 'degree',
  'mph', 'kmph', 'ft', 'm square', ' m east', 'sq m', 'deg', 'mile', 'q .', 'monkey', 'prime', 'ratio', 'profit of rs', 'rd', 'o',
  'gm', 'p . m', 'lb', 'tile', 'per', 'dm', 'lt', 'gain', 'ab', 'way', 'west', 'a .', 'b .', 'c .', 'd .', 'e .', 'f .', 'g .', 'h .',
  't', 'h', 'no change', 'men', 'soldier', 'pie', 'bc', 'excess', 'st', 'inches', 'noon', 'cent', 'by', 'gal', 'kmh', 'c', 'acre',
  'rise', 'a . m', 'th', 'π r 2', 'sq', 'mark', 'l', 'toy', 'coin', 'sq . m', 'gallon', '° f', 'profit', 'minw', 'yr', 'women', 'am',
  'pm', 'hr', 'cu cm', 'square', 'v â € ™', 'are', 'rupee', 'rounds', 'cubic', 'cc', 'mtr', 's', 'ohm', 'number', 'kmph', 'day',
  'hour', 'minute', 'min', 'second', 'man', 'woman', 'sec', 'cube', 'mt', 'sq inch', 'mp', '∏ cm ³', 'hectare', 'more', 'sec', 'unit',
  'cu . m', 'cm 2', 'rs .', 'rs', 'kg', 'g', 'month', 'km', 'm', 'cm', 'mm', 'apple', 'liter', 'loss', 'yard', 'pure', 'year',
  'increase', 'decrease', 'd', 'less', 'Surface', 'litre', 'pi sq m', 's .', 'metre', 'meter', 'inch',
];
// The words go into the pattern as regex source, as the reference joins them ("q ." matches "q" and any character).
const TRAILING_UNIT = new RegExp(`(\\d|\\}|\\s)\\s*(?:(?:${UNIT_WORDS.join('|')})(?:s|es)?)\\s*$`);
const TRAILING_TEXT_UNIT = /(\\(?:text|mbox)\{.*?\})(\^\d|\{\^\d\})?$/;

const REMOVED = /\\mathrm\{th\}|\\!\s*|\\text\s*\{\s*\}|\\\$|\$|(?<!\\)["']|\\displaystyle/g;

// One pass of replacements, the first alternative that matches at a position winning (as one alternation).
const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['\\\\math(?:rm|it|bf)', '\\text'],
  ['\\\\text(?:normal|bf|it|rm)', '\\text'],
  ['\\\\(?:d|t|c)frac', '\\frac'],
  ['\\s\\.', ' 0.'],
  ['\\{\\.', '{0.'],
  ['~=', '\\approx'],
  ['\\s*\\{\\s*,\\s*\\}', ','],
  ['(?<![a-zA-Z])(?:,?\\s*(?:and|or))(?![a-zA-Z])', ','],
  ['(?:,?\\s*\\\\text\\{\\s*(?:and|or)\\s*\\})', ','],
  ['(?<!\\\\)\\\\\\s', ' '],
  ['infinity', '\\infty'],
  [',?(?:\\\\ldots)', ' '],
  ['\\s*\\bpercentage\\b', '\\%'],
  ['\\\\text\\{percentage\\}', '%'],
  ['\\s*\\bpercent\\b', '\\%'],
  ['\\\\text\\{percent\\}', '%'],
  ['\\s*\\bpct\\b', '\\%'],
  ['\\\\text\\{pct\\}', '%'],
  ['(?:(?<!\\\\)inf(?!inity))', '\\infty'],
  [' sqrt', '\\sqrt'],
];
const REPLACE_ALL = new RegExp(REPLACEMENTS.map(([source]) => `(${source})`).join('|'), 'g');

const PERMUTATION = /\(([a-zA-Z0-9+\-*/\\ ]+?)\)_\{([a-zA-Z0-9+\-*/\\ ]+?)\}/g;
const DOUBLE_BACKSLASH_COMMAND = /\\\\(?=[a-zA-Z])/g;

const MALFORMED: ReadonlyArray<readonly [RegExp, string]> = [
  [/\^\s?\((.*?)\)/g, '^{$1}'],
  [/sqrt\s?\((.*?)\)/g, '\\sqrt{$1}'],
  [/\\frac\s?(\d)\s?(\d+)/g, '\\frac{$1}{$2}'],
  [/\\log_\s?(\d)\s?(\d+)/g, '\\log_{$1}{$2}'],
  [/\\frac\s?\{(.*?)\}\s?(\d)/g, '\\frac{$1}{$2}'],
  [/\\frac\s?(\d)\s?\{(.*?)\}/g, '\\frac{$1}{$2}'],
  [/\\sqrt\s?(\d)/g, '\\sqrt{$1}'],
];

const SEPARATOR = /\b(?:and|or)\b|,|;/;

/** The end of the braced group opened at `open` (its "}" index), or -1 when it never closes before `limit`. */
function closingBrace(text: string, open: number, limit: number): number {
  let depth = 1;
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/**
 * The contents of the \boxed{}/\fbox{} commands, read from the right. 'last' keeps going left only while the
 * boxes are close together (under 10 characters apart, or under 70 with a separator such as "and" or a comma
 * between two different boxes); 'all' takes every box. Repeated identical neighbours count once; the text
 * itself comes back when it has no box.
 */
export function boxedContents(text: string, mode: 'all' | 'last'): string {
  const found: string[] = [];
  let searchEnd = text.length;
  let limit = text.length;
  let previousStart = -1;
  for (;;) {
    const boxed = text.lastIndexOf('\\boxed', searchEnd - 1);
    const fbox = text.lastIndexOf('\\fbox', searchEnd - 1);
    if (boxed < 0 && fbox < 0) break;
    const start = Math.max(boxed, fbox);
    let at = start + (boxed > fbox ? 6 : 5);
    while (at < limit && /\s/.test(text[at])) at++;
    if (at >= limit) break;
    if (text[at] !== '{') {
      if (found.length === 0) found.push(text.slice(at));
      break;
    }
    const close = closingBrace(text, at, limit);
    if (close < 0) {
      if (found.length === 0) found.push(text.slice(at));
      break;
    }
    const content = text.slice(at + 1, close).trim();
    if (mode === 'last' && previousStart >= 0) {
      const between = text.slice(close + 1, previousStart);
      const near = between.length < 10 || (content !== found[found.length - 1] && between.length < 70 && SEPARATOR.test(between));
      if (!near) break;
    }
    if (found.length === 0 || found[found.length - 1] !== content) found.push(content);
    previousStart = start;
    limit = start;
    searchEnd = start;
  }
  return found.length === 0 ? text : found.reverse().join(',');
}

function fixFracs(text: string): string {
  const parts = text.split('\\frac');
  let out = parts[0];
  for (let part of parts.slice(1)) {
    part = part.trimStart();
    out += '\\frac';
    if (part.startsWith('{')) out += part;
    else if (part.length < 2) return text;
    else if (part[1] !== '{') out += `{${part[0]}}{${part[1]}}${part.slice(2)}`;
    else out += `{${part[0]}}${part.slice(1)}`;
  }
  return out;
}

function fixSqrt(text: string): string {
  if (!text.includes('\\sqrt')) return text;
  const parts = text.split('\\sqrt');
  let out = parts[0];
  for (let part of parts.slice(1)) {
    part = part.trimStart();
    out += part.length > 0 && part[0] !== '{' && part[0] !== '[' ? `\\sqrt{${part[0]}}${part.slice(1)}` : `\\sqrt${part}`;
  }
  return out;
}

/** "3/4" → \frac{3}{4} when the text is exactly two integers as Python's int() reads and prints them. */
function fixSlash(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const asInt = (s: string) => (/^\s*[+-]?\d+\s*$/.test(s) && s.trim().length <= 4300 ? String(BigInt(s.trim())) : undefined);
  const a = asInt(parts[0]);
  const b = asInt(parts[1]);
  if (a === undefined || b === undefined || `${a}/${b}` !== text) return text;
  return `\\frac{${a}}{${b}}`;
}

export function normalizeLatex(input: string, boxed: BoxedMode = 'all'): string {
  let text = boxed === 'none' ? input : boxedContents(input, boxed);
  // basic_latex
  text = text.replaceAll('\\mathrm{T}', 'T').replaceAll('\\mathrm{d}', 'd').replaceAll('{\\rm d}', 'd');
  text = text.replaceAll('\\left[\\begin{matrix}', '\\begin{bmatrix}').replaceAll('\\end{matrix}\\right]', '\\end{bmatrix}');
  text = text.replace(LEFT, '$1').replace(RIGHT, '$1');
  text = text.replace(PERMUTATION, (_m, n: string, k: string) => `\\frac{(${n})!}{((${n})-(${k}))!}`);
  text = text.replace(REMOVED, '');
  text = text.replace(REPLACE_ALL, (...groups: unknown[]) => {
    const index = groups.slice(1, 1 + REPLACEMENTS.length).findIndex((g) => g !== undefined);
    return REPLACEMENTS[index][1];
  });
  text = text.replace(/[\n\t]/g, ' ');
  if (!text.includes('matrix')) text = text.replace(DOUBLE_BACKSLASH_COMMAND, '\\');
  // units
  const withoutTextUnit = text.replace(TRAILING_TEXT_UNIT, '').trim();
  if (withoutTextUnit !== '' && withoutTextUnit !== text) text = withoutTextUnit;
  for (let round = 0; round < 2; round++) {
    const withoutUnit = text.replace(TRAILING_UNIT, '$1');
    if (withoutUnit !== '' && withoutUnit !== text) text = withoutUnit;
  }
  // nits
  if (text.startsWith('.')) text = `0${text}`;
  if (text === '0.5') text = '\\frac{1}{2}';
  // malformed_operators
  for (const [pattern, replacement] of MALFORMED) text = text.replace(pattern, replacement);
  text = text.replaceAll(' sqrt', '\\sqrt');
  text = fixSlash(fixFracs(fixSqrt(text)));
  return text.trim();
}
