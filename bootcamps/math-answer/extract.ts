// Finds the answer in a model's output as Math-Verify's parse() does with its default targets (LaTeX and plain
// expressions): patterns in priority order, "final answer is ... I hope" first, then "final answer ... is" and
// \boxed{} (priority 50), "answer:" (100), "answer" (200), then any $...$, \[...\], \(...\) or bare \frac{a}{b}
// and any plain number or expression (300). Within a priority the rightmost match is tried first, and the first
// that reads is the answer; the first text matched is kept too (compared as text when neither side reads).
// Up to five answers joined by "," / "and" / "or" form one set. Percent signs make hundredths.
import { LatexSyntaxError } from './latex-lexer.ts';
import { readLatex } from './latex-read.ts';
import { normalizeLatex } from './normalize.ts';
import { readPlainExpression } from './plain-expr.ts';
import { LatexSpans } from './latex-spans.ts';
import type { Node } from './nodes.ts';
import { decimalRational, rat } from '../shared/sympy-lite/expr.ts';

export interface Reading {
  /** The value read (at most one), as Math-Verify's parse returns it before its fallback string. */
  value?: Node;
  /** The first text matched, normalised (compared as text when values cannot be). */
  fallback?: string;
  /** Whether the value's text mentions i, \mathbb{C}, \det, ... (Math-Verify then lets symbols be complex). */
  complex: boolean;
}

export interface ExtractOptions {
  /** Priority of the \boxed{} patterns: 50 as Math-Verify's default, 0 to prefer boxes over "final answer". */
  boxedPriority: number;
  /** Which of Math-Verify's targets to look for (default both, its parse() default). */
  targets?: readonly ('latex' | 'expr')[];
}

/** Longest text read as one answer: longer candidates are compared as text only (parsing them is not bounded). */
const MAX_ANSWER_CHARS = 10_000;

/** sys.get_int_max_str_digits(): the longest number sympy (through Python's int) reads. */
export const MAX_DIGITS = 4300;

const ci = (words: string) => words.replace(/[a-zA-Z]/g, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`);
const END = '(?=\\n?$)';

// ---- plain expressions and numbers ----------------------------------------------------------------------------

const NUMBER =
  '(?<!\\d)(?:(?<integer1>-?[1-9]\\d{0,2}(?:[ ,]\\d{3})+)(?<decimal1>\\.\\d+)?|(?<integer2>-?\\d+)(?<decimal2>[.,]\\d+)|(?<decimal3>\\.\\d+)|(?<integer3>-?\\d+))' +
  '(?<percent>\\s*(?:%|[Pp]ercent|\\s*[Pp]ercentage|\\s*[Pp]ct))?';
const OPERATORS = '+\\-*×/^()÷';
const EXPR_CHARS = `[\\d.\\s${OPERATORS}]`;
const EXPR = `(?<expr>-?\\(?-?\\d${EXPR_CHARS}*[${OPERATORS}]${EXPR_CHARS}+\\)?)`;
const CURRENCY = '[$€£¥₹₽₪₩₫฿₡₢₣₤₥₦₧₨₭₮₯₰₱₲₳₴₵₶₷₸₺₻₼₾₿]';
const EXPR_PREFIX = '(?:^|\\s|=)(?:\\*\\*)?';
const EXPR_SUFFIX = `(?:\\*\\*)?(?:\\.|,|:|\\s|\\)|\\$|${END})`;
const EXPR_ANCHORED = `(?:${EXPR_PREFIX}${EXPR}${EXPR_SUFFIX})`;
const NUMBER_ANCHORED = `(?:${EXPR_PREFIX}${CURRENCY}?${NUMBER})`;
const EXPR_OR_NUMBER = `(?:${EXPR_ANCHORED}|${NUMBER_ANCHORED})`;

const EXPR_PATTERNS: ReadonlyArray<readonly [string, number]> = [
  [`${ci('final answer is')}:?\\s*${EXPR_OR_NUMBER}\\.?\\s?I hope`, 0],
  [`${ci('final answer')}.{0,100}?\\s+is:?${EXPR_OR_NUMBER}`, 50],
  [`${ci('answer')}:(?:.{0,100}=\\s*|.{0,50}?)${EXPR_OR_NUMBER}(?!\\s*=)`, 100],
  [`${ci('answer')}(?:.{0,100}=\\s*|.{0,50}?)${EXPR_OR_NUMBER}(?!\\s*=)`, 200],
  [EXPR_ANCHORED, 300],
  [NUMBER_ANCHORED, 300],
];

// ---- LaTeX environments (matched by latex-spans.ts, in linear time) ----------------------------------------

interface Candidate {
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
}

interface Pattern {
  priority: number;
  target: 'latex' | 'expr';
  matches(text: string, spans: LatexSpans): Iterable<Candidate>;
}

const FINAL_ANSWER_IS = new RegExp(ci('final answer is'), 'g');
const FINAL_ANSWER = new RegExp(ci('final answer'), 'g');
const ANSWER_COLON = new RegExp(`${ci('answer')}:`, 'g');
const ANSWER = new RegExp(ci('answer'), 'g');
const LEAD_COLON = /:?\s*/y;
const LEAD_IS = /\s+is:?\s*/y;
const TAIL_HOPE = /\.?\s?I hope/y;

function latexPatterns(boxedPriority: number): Pattern[] {
  const patterns: Pattern[] = [
    { priority: 0, target: 'latex', matches: (_t, spans) => spans.anchored(FINAL_ANSWER_IS, 0, LEAD_COLON, TAIL_HOPE) },
    // final answer.{0,100}?\s+is:?\s*LATEX: "is" may come up to 100 characters after "final answer".
    { priority: 50, target: 'latex', matches: (_t, spans) => spans.anchored(FINAL_ANSWER, 100, LEAD_IS, undefined) },
    { priority: 100, target: 'latex', matches: (_t, spans) => spans.anchored(ANSWER_COLON, 50, undefined, undefined) },
    { priority: 200, target: 'latex', matches: (_t, spans) => spans.anchored(ANSWER, 50, undefined, undefined) },
    { priority: 300, target: 'latex', matches: (_t, spans) => spans.plain(false) },
  ];
  if (boxedPriority >= 0) {
    patterns.push({ priority: boxedPriority, target: 'latex', matches: (_t, spans) => spans.plain(true) });
    // A bare \boxed{...} runs to the last "}"; the box's own end is found when it is normalised.
    patterns.push({ priority: boxedPriority, target: 'latex', matches: (_t, spans) => spans.bareBoxed() });
  }
  return patterns;
}

function regexPattern(source: string, priority: number): Pattern {
  const regex = new RegExp(source, 'g');
  return {
    priority,
    target: 'expr',
    *matches(text) {
      regex.lastIndex = 0;
      for (const m of text.matchAll(regex)) yield { start: m.index, end: m.index + m[0].length, groups: m.groups ?? {} };
    },
  };
}

const compiled = new Map<string, Pattern[][]>();

/** The patterns grouped by priority, LaTeX before plain expressions within a priority (Math-Verify's order). */
function patternGroups(boxedPriority: number, targets: readonly ('latex' | 'expr')[]): Pattern[][] {
  const key = `${boxedPriority}:${targets.join()}`;
  let groups = compiled.get(key);
  if (groups) return groups;
  const all: Pattern[] = [
    ...(targets.includes('latex') ? latexPatterns(boxedPriority) : []),
    ...(targets.includes('expr') ? EXPR_PATTERNS.map(([source, priority]) => regexPattern(source, priority)) : []),
  ];
  const priorities = [...new Set(all.map((p) => p.priority))].sort((a, b) => a - b);
  groups = priorities.map((priority) => all.filter((p) => p.priority === priority));
  compiled.set(key, groups);
  return groups;
}

const COMPLEX_HINT = /\\mathbb\{C\}|\\i\b|\bi\b|\\text\{i\}|\\mathrm\{i\}|\\imath\b|\\det|\\operatorname\{tr\}|\\operatorname\{rank\}|\\text\{rank\}|\\arg\{|\\Re\{|\\Im\{|\\operatorname\{Re\}|\\operatorname\{Im\}|\\text\{Re\}|\\text\{Im\}/;

/** Whether Math-Verify would read this answer's symbols as complex. */
export const looksComplex = (latex: string): boolean => COMPLEX_HINT.test(latex);

const EQUALS = /(?<!\\|<|!|>)=/;

/** parse_latex_cached: the text as it is, else (no commas) the part after its last "=" in a chain a = b = c. */
function readLatexAnswer(latex: string): Node | undefined {
  if (latex.length > MAX_ANSWER_CHARS) return undefined;
  try {
    return readLatex(latex);
  } catch (error) {
    if (!(error instanceof LatexSyntaxError)) throw error;
  }
  if (!latex.includes(',') && !latex.includes(';')) {
    const parts = latex.split(EQUALS);
    if (parts.length > 2) {
      try {
        return readLatex(parts[parts.length - 1]);
      } catch (error) {
        if (!(error instanceof LatexSyntaxError)) throw error;
      }
    }
  }
  return undefined;
}

const percentOf = (n: Node): Node => ({ k: 'pct', arg: n });

function extractLatex(groups: Record<string, string | undefined>): { value?: Node; text: string; complex: boolean } {
  const found: { latex: string; prefix: string; name: string }[] = [];
  for (const prefix of ['first', 'next1', 'next2', 'next3', 'next4', 'next5']) {
    const entry = Object.entries(groups).find(([name, v]) => name.startsWith(`${prefix}_latex`) && v);
    if (entry) found.push({ latex: entry[1]!, prefix, name: entry[0].slice(prefix.length + 1) });
  }
  if (found.length === 0) return { text: '', complex: false };
  const texts: string[] = [];
  const values: (Node | undefined)[] = [];
  let complex = false;
  for (const { latex, prefix, name } of found) {
    const normalised = latex.length > MAX_ANSWER_CHARS ? latex : normalizeLatex(latex, name === 'latexBoxed' ? 'last' : 'all');
    texts.push(normalised);
    complex ||= looksComplex(normalised);
    const value = readLatexAnswer(normalised);
    values.push(value && groups[`${prefix}_percent`] ? percentOf(value) : value);
  }
  if (values.length > 1 && values.every((v) => v !== undefined)) {
    const items = (values as Node[]).flatMap((v) => (v.k === 'set' ? v.items : [v]));
    return { value: { k: 'set', items }, text: texts.join(' and '), complex };
  }
  return { value: values[0], text: texts[0], complex };
}

function extractExpression(groups: Record<string, string | undefined>): { value?: Node; text: string } {
  const integer = ['integer1', 'integer2', 'integer3'].map((g) => groups[g]).find(Boolean) ?? '';
  const decimal = ['decimal1', 'decimal2', 'decimal3'].map((g) => groups[g]).find(Boolean) ?? '';
  if (integer || decimal) {
    // Python's int() reads at most 4,300 digits; Math-Verify's parse fails on a longer number.
    if (integer.length + decimal.length > MAX_DIGITS) return { text: '' };
    const whole = integer.replace(/[, ]/g, '').replace(/^(-?)0+/, '$1');
    const digits = `${whole === '' || whole === '-' ? `${whole}0` : whole}${decimal.replace(',', '.')}`;
    const value = decimal ? decimalRational(digits.replace('-', '')) : undefined;
    let n: Node = decimal
      ? { k: 'num', v: rat(digits.startsWith('-') ? -value!.p : value!.p, value!.q), float: digits }
      : { k: 'num', v: rat(BigInt(digits)) };
    if (groups.percent) n = percentOf(n);
    return { value: n, text: digits };
  }
  const expr = groups.expr ?? '';
  if (expr) {
    const value = readPlainExpression(expr.replace(/\n/g, ' '));
    return { value, text: expr };
  }
  return { text: expr };
}

/**
 * How much of an output is searched: its last 100,000 characters (about 25,000 tokens), where a final answer
 * stands. Math-Verify searches everything, under a 5-second timeout; a bound keeps every output cheap.
 */
export const SEARCH_WINDOW_CHARS = 100_000;

/** What parse(text) returns: the first value that reads, in priority order, and the first text matched. */
export function readAnswer(fullText: string, options: ExtractOptions = { boxedPriority: 50 }): Reading {
  const text = fullText.length > SEARCH_WINDOW_CHARS ? fullText.slice(-SEARCH_WINDOW_CHARS) : fullText;
  const spans = new LatexSpans(text);
  let fallback: string | undefined;
  for (const group of patternGroups(options.boxedPriority, options.targets ?? ['latex', 'expr'])) {
    const matches: { m: Candidate; target: 'latex' | 'expr'; i: number }[] = [];
    for (const pattern of group) for (const m of pattern.matches(text, spans)) matches.push({ m, target: pattern.target, i: matches.length });
    // Rightmost end first; for the same end, the one starting first; ties keep pattern order.
    const order = matches.sort((a, b) => b.m.end - a.m.end || a.m.start - b.m.start || a.i - b.i);
    for (const { m, target } of order) {
      const groups = m.groups;
      const result = target === 'latex' ? extractLatex(groups) : { ...extractExpression(groups), complex: false };
      if (result.text && fallback === undefined) fallback = result.text;
      if (result.value) return { value: result.value, fallback, complex: result.complex };
    }
  }
  return { fallback, complex: false };
}
