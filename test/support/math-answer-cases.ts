// Cases for MathAnswer's parity with Math-Verify: our own pairs covering what the issue lists (fractions,
// decimals, thousands, units, sets, tuples, intervals, relations, matrices, symbols, hostile text), and cases
// generated from every shared MATH-500 row (its own solution, equivalent rewrites of its answer, perturbed
// answers). test/fixtures/math-answer/record_math_verify.py records Math-Verify's verdict for each; the test
// checks ours against it. Run with --write FILE to write the cases as JSON lines for the recorder.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface MathCase {
  id: string;
  gold: string;
  pred: string;
  /** What the case was built to show: 1 for an equal rewrite, 0 for a perturbation (Math-Verify's verdict rules). */
  intended?: 0 | 1;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const MATH500_PATH = path.resolve(here, '../../../shared/data/math500/test.jsonl');

/** A short digest of a case's texts: a recorded verdict applies only to the texts it was recorded for. */
export const caseDigest = (c: MathCase) => createHash('sha256').update(`${c.gold}\u0000${c.pred}`).digest('hex').slice(0, 16);

// Our own pairs: [gold, prediction]. Grouped by what they exercise.
const OWN: ReadonlyArray<readonly [string, string]> = [
  // fractions and decimals
  ['\\frac{1}{2}', '0.5'], ['\\frac{1}{2}', '$\\dfrac12$'], ['\\frac{1}{2}', 'The answer is 1/2.'], ['\\frac{1}{2}', '1/2'], ['\\frac{1}{2}', '$\\tfrac{1}{2}$'],
  ['0.5', '$\\frac{1}{2}$'], ['\\frac{1}{3}', '0.333333'], ['\\frac{1}{3}', '0.33'], ['\\frac{1}{3}', '0.3333333333'], ['.4', '0.4'],
  ['0.4', '$.4$'], ['\\frac{2}{4}', '\\boxed{\\frac{1}{2}}'], ['-\\frac{3}{4}', '$\\frac{-3}{4}$'], ['-\\frac{3}{4}', '$-0.75$'],
  ['2\\frac{1}{2}', '2.5'], ['2\\frac{1}{2}', '$\\frac{5}{2}$'], ['\\frac{7}{3}', '$2\\frac{1}{3}$'], ['1.5', '1.50'],
  ['3.14159', '$\\pi$'], ['\\pi', '3.14159'], ['\\pi', '3.141593'], ['1.2e3', '1200'], ['1200', '$1.2E3$'], ['1200', '$1.2 \\times 10^3$'],
  // thousands separators and decimal commas
  ['7425000', '7,425,000'], ['7,425,000', '7425000'], ['1000', '1 000'], ['1000', '1,000.0'], ['1,22', '1.22'], ['1000,99', '1000.99'],
  ['2.74', 'Soucis : 2,74 $ a..'], ['1000', '$1,000$'], ['1000', '$1, 000$'], ['12345', '12 345 dollars'],
  // units, degrees, percent, currency
  ['30', '$30^\\circ$'], ['30^\\circ', '30'], ['30', '$30^{\\circ}$'], ['5', '$5 \\text{ cm}$'], ['5', '$5\\text{ cm}^2$'],
  ['12', '\\boxed{12 \\text{ inches}}'], ['20\\%', '20'], ['20\\%', '0.2'], ['20\\%', '$20\\%$'], ['20', '20 percent'],
  ['0.2', '$20\\%$'], ['50', 'It costs $\\$50$.'], ['100', 'It costs $100.'], ['\\$18.90', '18.90'], ['18.90', '$\\$18.90$'],
  // radicals, pi, powers, i
  ['2\\sqrt{2}', '$\\sqrt{8}$'], ['\\sqrt{8}', '$2\\sqrt2$'], ['\\frac{\\sqrt{2}}{2}', '$\\frac{1}{\\sqrt{2}}$'], ['\\frac{\\sqrt{3}}{3}', '0.57735'],
  ['\\sqrt[3]{8}', '2'], ['\\sqrt[3]{2}', '$2^{1/3}$'], ['288\\pi', '$288 \\pi$'], ['288\\pi', '$\\pi \\cdot 288$'], ['2^{10}', '1024'],
  ['\\frac{1+i}{2}', '$0.5 + 0.5i$'], ['\\sqrt{-4}', '$2i$'], ['3 \\times 10^{8}', '300000000'], ['3 \\times 10^{8}', '3e8'],
  ['0.5\\%', '0.005'], ['1\\frac{1}{2}', '3/2'], ['\\frac{1}{2}x', '$x/2$'], ['\\sum_{k=1}^{10} k', '55'], ['\\frac{\\pi}{2}', '$90^\\circ$'],
  ['6 - 5i', '$-5i + 6$'], ['6 - 5i', '$6 + 5i$'], ['3+2i', '$2i+3$'], ['i', '$\\sqrt{-1}$'], ['\\infty', '$\\infty$'], ['-\\infty', '$-\\infty$'],
  // symbolic expressions
  ['p - q', '$-q + p$'], ['p - q', '$q - p$'], ['x^2 + 2x + 1', '$(x+1)^2$'], ['(x+1)^2', '$x^2 + 2x + 2$'], ['\\frac{x}{2}', '$0.5x$'],
  ['2x', '$x + x$'], ['\\sin^2 x + \\cos^2 x', '1'], ['\\frac{a+b}{2}', '$\\frac{b+a}{2}$'], ['\\log_2 8', '3'], ['\\ln e', '1'],
  ['e^{i\\pi}', '-1'], ['\\binom{5}{2}', '10'], ['5!', '120'], ['|x|', '$\\sqrt{x^2}$'], ['\\frac{1}{x}', '$x^{-1}$'],
  // equations and assignments
  ['x = 3', '3'], ['3', '$x = 3$'], ['x = 3', '$y = 3$'], ['x = 3', '$x = 3$'], ['a = b = 7', '7'], ['7', '$a = b = 7$'],
  ['2x + z = 1', '1'], ['y = 2x + 1', '$y = 1 + 2x$'], ['2x = 4', '$x = 2$'], ['x = 2', '$2x = 4$'], ['y = x^2', '$x^2 = y$'],
  ['x \\approx 3.14', '3.14'], ['k = 5', '$k=5$'], ['101', '$a + 2z = 2z + a = 101$'], ['x + y = 1', '$y = 1 - x$'],
  ['2x + 2y = 2', '$x + y = 1$'], ['y = 2x', '$2x = y$'], ['f(x) = 2x', '$2x$'], ['2x', '$f(x) = 2x$'], ['x > 2', '$2x > 4$'],
  ['x^2 < 4', '$-2 < x < 2$'], ['x \\in [1, 2]', '$[1, 2]$'],
  // inequalities and intervals
  ['x > 3', '$3 < x$'], ['x \\ge 3', '$[3, \\infty)$'], ['x > 3', '$(3, \\infty)$'], ['1 < x < 2', '$(1, 2)$'], ['(1, 2)', '$1 < x < 2$'],
  ['x \\le -1', '$(-\\infty, -1]$'], ['x < -1', '$(-\\infty, -1]$'], ['(1, 2]', '$(1, 2]$'], ['(1, 2]', '$[1, 2]$'], ['[1, 2)', '$[1, 2)$'], ['[1, 2)', '$[1, 2]$'],
  ['(-\\infty, -2) \\cup (3, \\infty)', '$(3, \\infty) \\cup (-\\infty, -2)$'], ['(-\\infty, -2) \\cup (3, \\infty)', '$(-\\infty, 3)$'],
  ['(-\\infty, 0) \\cup (0, \\infty)', '$x \\neq 0$'], ['[-2, 5]', '$-2 \\le x \\le 5$'], ['x^2 < 4', '$(-2, 2)$'],
  // sets, tuples, lists
  ['\\{1, 2\\}', '$\\{2, 1\\}$'], ['\\{1, 2\\}', '$\\{1, 3\\}$'], ['1, 2', '$2, 1$'], ['1, 2, 3', '$3, 2, 1$'], ['(1, 2)', '$(2, 1)$'],
  ['(1, 2)', '$(1, 2)$'], ['(1, 2, 3)', '$(1, 2, 3)$'], ['(1, 2, 3)', '$(3, 2, 1)$'], ['(6, 31, -1)', '$(6, 31, -1)$'], ['(1, 2)', '1, 2'],
  ['(3, \\frac{\\pi}{2})', '$\\left( 3, \\frac{\\pi}{2} \\right)$'], ['\\{1, 3\\} \\cup \\{2, 4\\}', '$\\{1, 2, 3, 4\\}$'], ['\\pm 2', '$2, -2$'],
  ['x = \\pm 2', '$-2, 2$'], ['\\{1, 1, 2\\}', '$\\{1, 2\\}$'], ['1, 2, 2', '$2, 1$'], ['(0, \\infty)', '$x > 0$'], ['1, 2', '$\\boxed{1} and \\boxed{2}$'], ['2, 1', 'The roots are $1$ and $2$.'], ['\\emptyset', '$\\{\\}$'],
  // matrices
  ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', '$\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}$'],
  ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', '$\\begin{bmatrix} 1 & 2 \\\\ 3 & 5 \\end{bmatrix}$'],
  ['\\begin{pmatrix} 2 \\\\ 4 \\end{pmatrix}', '$2\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$'],
  // text answers and letters
  ['\\text{Evelyn}', '$\\text{Evelyn}$'], ['\\text{Evelyn}', 'Evelyn'], ['\\text{(C)}', '$\\text{C}$'], ['\\text{yes}', '$yes$'],
  ['e', '$e$'], ['\\text{odd}', '\\boxed{\\text{odd}}'],
  // extraction: boxes, final answer, priorities, rightmost first
  ['5', 'So \\boxed{3} is wrong; the final answer is \\boxed{5}.'], ['5', '\\boxed{\\boxed{5}}'], ['5', '\\fbox{5}'],
  ['5', 'Final Answer: The final answer is $5$. I hope it is correct.'], ['5', 'The final answer is 5'], ['5', 'Answer: 5'],
  ['5', 'We get 3 and then 5.'], ['5', 'First $5$ then the answer: $3$.'], ['5', '$x = 5$ so the answer is $\\boxed{5}$'],
  ['\\frac{14}{3}', '$\\frac{-8}{-4}+\\frac{-5}{-3}+\\frac{-2}{-2}=2+\\frac{5}{3}+1=\\boxed{\\frac{14}{3}}$'],
  ['10', '\\[ x = 10 \\]'], ['10', '\\( 10 \\)'], ['10', 'the result is [ 10 ] here'], ['1, 2, 3', '$\\boxed{1}, \\boxed{2}, \\boxed{3}$'],
  ['-5', '-5'], ['0', '0'], ['0', 'nothing here'], ['5', ''], ['5', '\\boxed{5'], ['5', '\\boxed{}'],
  // hostile and odd inputs (they must simply not match, fast)
  ['1', `$${'{'.repeat(3000)}1${'}'.repeat(3000)}$`], ['1', `$${'\\frac{1}{'.repeat(300)}1${'}'.repeat(300)}$`], ['1', '$10^{10^{10}}$'],
  ['10^{10^{10}}', '$10^{10^{10}}$'], ['1', '$\\frac{1}{0}$'], ['\\frac{14}{3}', 'The answer is 14/3.'], ['\\frac{14}{3}', 'The answer is 14/3'], ['12:00', '$1:00$'], ['2', '$2(3)$'], ['5', '$2(3)$'], ['x(2)', '$2x$'],
];

/** Top-level separators (not inside braces or brackets) of a LaTeX answer. */
function topLevelCommas(text: string): number[] {
  const at: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) at.push(i);
  }
  return at;
}

const FRACTION = /^(-?)\\d?frac\{(\d+)\}\{(\d+)\}$/;
const terminates = (q: bigint) => {
  while (q % 2n === 0n) q /= 2n;
  while (q % 5n === 0n) q /= 5n;
  return q === 1n;
};

function decimalOf(sign: string, p: bigint, q: bigint): string | undefined {
  if (!terminates(q)) return undefined;
  let digits = 0;
  let scale = 1n;
  while ((p * scale) % q !== 0n) {
    scale *= 10n;
    digits++;
  }
  const whole = (p * scale) / q;
  const text = whole.toString().padStart(digits + 1, '0');
  return `${sign}${digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text}`;
}

function rewrites(answer: string): [string, string, 0 | 1][] {
  const out: [string, string, 0 | 1][] = [];
  const add = (kind: string, pred: string, intended: 0 | 1) => out.push([kind, pred, intended]);
  const boxed = (s: string) => `So the answer is $\\boxed{${s}}$.`;
  add('boxed', boxed(answer), 1);
  add('final-answer', `Final Answer: The final answer is $${answer}$. I hope it is correct.`, 1);
  if (answer.includes('\\frac')) add('dfrac', boxed(answer.replaceAll('\\frac', '\\dfrac')), 1);
  if (answer.includes('(') && !answer.includes('\\left')) add('left-right', boxed(answer.replaceAll('(', '\\left(').replaceAll(')', '\\right)')), 1);
  const fraction = FRACTION.exec(answer.replace(/\s/g, ''));
  if (fraction) {
    const [, sign, p, q] = fraction;
    const decimal = decimalOf(sign, BigInt(p), BigInt(q));
    if (decimal) add('decimal', boxed(decimal), 1);
    add('slash', `The answer is ${sign}${p}/${q}`, 1);
  }
  if (/^-?\d+$/.test(answer)) {
    const n = BigInt(answer);
    if (n >= 1000n || n <= -1000n) add('thousands', boxed(n.toLocaleString('en-US')), 1);
    add('unit', boxed(`${answer}\\text{ cm}`), 1);
    add('assignment', `$x = ${answer}$`, 1);
    add('digit', boxed(String(n + (n % 10n === 9n ? -1n : 1n))), 0);
    if (n !== 0n) add('sign', boxed(String(-n)), 0);
  }
  if (/^-?\d*\.\d+$/.test(answer)) {
    const [whole, frac] = answer.replace('-', '').split('.');
    const p = BigInt((whole || '0') + frac);
    const q = 10n ** BigInt(frac.length);
    add('fraction', boxed(`${answer.startsWith('-') ? '-' : ''}\\frac{${p}}{${q}}`), 1);
  }
  const commas = topLevelCommas(answer);
  const bracketed = /^[([].*[)\]]$/.test(answer.trim());
  const thousands = /\d,(?:\\!)?\s*\d{3}/.test(answer);
  if (commas.length > 0 && !bracketed && !thousands) {
    const parts = answer.split(/,(?![^{(\[]*[})\]])/).map((s) => s.trim());
    if (parts.length > 1) add('set-order', boxed([...parts].reverse().join(', ')), 1);
  }
  if (bracketed && commas.length === 0) {
    const inner = answer.trim().slice(1, -1);
    const parts = inner.split(/,(?![^{(\[]*[})\]])/).map((s) => s.trim());
    if (parts.length >= 2 && parts[0] !== parts[1]) add('swap-tuple', boxed(`${answer.trim()[0]}${[parts[1], parts[0], ...parts.slice(2)].join(', ')}${answer.trim().slice(-1)}`), 0);
    const open = answer.trim()[0];
    const close = answer.trim().slice(-1);
    if (parts.length === 2 && (open !== close || open === '(') && !inner.includes('\\infty')) {
      add('open-closed', boxed(`${open === '(' ? '[' : '('}${inner}${close}`), 0);
    }
  }
  // a + b → b + a at the top level, for answers of two terms
  const sum = /^([^+\-{}]+?)\s*([+-])\s*([^+\-{}]+)$/.exec(answer.trim());
  if (sum && !answer.includes(',') && !answer.includes('=')) add('reorder-sum', boxed(`${sum[2] === '-' ? '-' : ''}${sum[3]} + ${sum[1]}`), 1);
  const product = /^(\d+)\s*(\\pi|\\sqrt\{\d+\}|[a-z])$/.exec(answer.trim());
  if (product) add('reorder-product', boxed(`${product[2]} \\cdot ${product[1]}`), 1);
  // The digit changed is one that counts: not a base subscript (52_8), an exponent of a unit, or a digit past
  // the sixth decimal place (which the comparison rounds away).
  const lastDigit = /\d(?=\D*$)/.exec(answer);
  const digitCounts = !/[_^]|\\mbox|\\text/.test(answer) && !/\.\d{6,}/.test(answer) && !/\.0{4,}/.test(answer);
  if (lastDigit && digitCounts && !/^-?\d+$/.test(answer)) {
    const d = Number(lastDigit[0]);
    add('digit', boxed(answer.slice(0, lastDigit.index) + String(d === 9 ? 8 : d + 1) + answer.slice(lastDigit.index + 1)), 0);
  }
  return out;
}

export function ownCases(): MathCase[] {
  return OWN.map(([gold, pred], i) => ({ id: `own:${i}`, gold, pred }));
}

/** Cases from every row of the shared MATH-500 file (read in place). */
export function math500Cases(file = MATH500_PATH): MathCase[] {
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { answer: string; solution: string; unique_id: string });
  // The gold as the math_500 benchmark hands it on: MATH-500's answers are LaTeX, so inside $...$.
  return rows.flatMap((row) => {
    const gold = `$${row.answer}$`;
    return [
      { id: `math500:${row.unique_id}:solution`, gold, pred: row.solution, intended: 1 as const },
      ...rewrites(row.answer).map(([kind, pred, intended]) => ({ id: `math500:${row.unique_id}:${kind}`, gold, pred, intended })),
    ];
  });
}

if (process.argv[2] === '--write') {
  const cases = [...ownCases(), ...math500Cases()];
  writeFileSync(process.argv[3], cases.map((c) => JSON.stringify({ ...c, digest: caseDigest(c) })).join('\n') + '\n');
  console.log(`${cases.length} cases written to ${process.argv[3]}`);
}
