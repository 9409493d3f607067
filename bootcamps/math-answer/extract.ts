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

// ---- LaTeX environments ----------------------------------------------------------------------------------------

function latexEnvironment(prefix: string, boxed: boolean): string {
  const percent = `(?<${prefix}percent>(?:\\\\?%|[Pp]ercent|[Pp]ercentage|[Pp]ct))`;
  const contents = {
    displayDollar: '(?:[^$]|\\$(?!\\$))',
    displayBracket: '(?:[^\\\\]|\\\\(?!\\]))',
    inlineDollar: '(?:\\\\[$]|[^\\n$])',
    inlineParenthesis: '(?:[^\\\\\\n]|\\\\(?!\\)))',
    inlineBracket: '[^\\n\\]\\[]',
  };
  const body = (c: string) => (boxed ? `${c}*?\\\\boxed\\{${c}+?\\}${c}*?` : `${c}+?`);
  const patterns = [
    `(?<!\\\\)\\$\\$(?<${prefix}latexDisplayDollar>${body(contents.displayDollar)})(?<!\\\\)\\$\\$`,
    `(?<!\\\\)\\\\\\[(?<${prefix}latexDisplayBracket>${body(contents.displayBracket)})(?<!\\\\)\\\\\\]`,
    `(?<!\\\\|\\d)\\$(?<${prefix}latexInlineDollar>${body(contents.inlineDollar)})(?<!\\\\)\\$`,
    `(?<!\\\\)\\\\\\((?<${prefix}latexInlineParenthesis>${body(contents.inlineParenthesis)})(?<!\\\\)\\\\\\)`,
    `\\s\\[(?<${prefix}latexInlineBracket>${body(contents.inlineBracket)})\\]\\s`,
  ];
  if (!boxed) patterns.push(`(?<${prefix}latexFraction>-?\\\\frac\\{-?\\d+(?:[.,]\\d+)?\\}\\{-?\\d+(?:[.,]\\d+)?\\})`);
  return `(?:(?:${patterns.join('|')})\\s*${percent}?)`;
}

function joinedEnvironments(boxed: boolean): string {
  const next = [1, 2, 3, 4, 5].map((i) => `${boxed ? '\\s*' : ''}(?:\\s*(?:,?and|,?or|,)\\s*${latexEnvironment(`next${i}_`, boxed)})?`).join('');
  return `(?:${latexEnvironment('first_', boxed)}${next})`;
}

function latexPatterns(boxedPriority: number): ReadonlyArray<readonly [string, number]> {
  const latex = joinedEnvironments(false);
  const patterns: [string, number][] = [
    [`${ci('final answer is')}:?\\s*${latex}\\.?\\s?I hope`, 0],
    [`${ci('final answer')}.{0,100}?\\s+is:?\\s*${latex}`, 50],
    [`${ci('answer')}:.{0,50}?${latex}`, 100],
    [`${ci('answer')}.{0,50}?${latex}`, 200],
    [latex, 300],
  ];
  if (boxedPriority >= 0) {
    patterns.push([joinedEnvironments(true), boxedPriority]);
    // A bare \boxed{...} runs to the last "}"; the box's own end is found when it is normalised.
    patterns.push(['(?<first_latexBoxed>\\\\boxed\\{.+\\})', boxedPriority]);
  }
  return patterns;
}

interface Pattern {
  regex: RegExp;
  priority: number;
  target: 'latex' | 'expr';
}

const compiled = new Map<string, Pattern[][]>();

/** The patterns grouped by priority, LaTeX before plain expressions within a priority (Math-Verify's order). */
function patternGroups(boxedPriority: number, targets: readonly ('latex' | 'expr')[]): Pattern[][] {
  const key = `${boxedPriority}:${targets.join()}`;
  let groups = compiled.get(key);
  if (groups) return groups;
  const all: Pattern[] = [
    ...(targets.includes('latex') ? latexPatterns(boxedPriority).map(([source, priority]) => ({ regex: new RegExp(source, 'gs'), priority, target: 'latex' as const })) : []),
    ...(targets.includes('expr') ? EXPR_PATTERNS.map(([source, priority]) => ({ regex: new RegExp(source, 'g'), priority, target: 'expr' as const })) : []),
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

/** What parse(text) returns: the first value that reads, in priority order, and the first text matched. */
export function readAnswer(text: string, options: ExtractOptions = { boxedPriority: 50 }): Reading {
  let fallback: string | undefined;
  for (const group of patternGroups(options.boxedPriority, options.targets ?? ['latex', 'expr'])) {
    const matches: { m: RegExpExecArray; target: 'latex' | 'expr' }[] = [];
    for (const pattern of group) {
      pattern.regex.lastIndex = 0;
      for (const m of text.matchAll(pattern.regex)) matches.push({ m, target: pattern.target });
    }
    // Rightmost end first; for the same end, the one starting first; ties keep pattern order.
    const order = matches.map((entry, i) => ({ ...entry, i })).sort((a, b) => b.m.index + b.m[0].length - (a.m.index + a.m[0].length) || a.m.index - b.m.index || a.i - b.i);
    for (const { m, target } of order) {
      const groups = m.groups ?? {};
      const result = target === 'latex' ? extractLatex(groups) : { ...extractExpression(groups), complex: false };
      if (result.text && fallback === undefined) fallback = result.text;
      if (result.value) return { value: result.value, fallback, complex: result.complex };
    }
  }
  return { fallback, complex: false };
}
