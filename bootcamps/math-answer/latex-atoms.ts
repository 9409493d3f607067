// The leaves of a LaTeX answer as latex2sympy2_extended builds them: numbers (an integer, or a decimal kept with
// its text), symbols (lower-cased; Greek names; pi and gamma as constants; \text{...} as its letters), and the
// number rules it applies when combining them (integer ÷ integer is a Rational, 1/0 is zoo, and an integer
// before a positive rational is a mixed number).
import { mul, mulFlat, MINUS_ONE, num, pow, sym, type Node } from './nodes.ts';
import { decimalRational, rat } from '../shared/sympy-lite/expr.ts';

export const isInteger = (n: Node) => n.k === 'num' && !n.float && n.v.q === 1n;

export function numberNode(text: string): Node {
  if (/^\d+$/.test(text)) return num(BigInt(text.replace(/^0+(?=\d)/, '')));
  const [mantissa, exponent] = text.split('E');
  const value = decimalRational(`${mantissa}${exponent !== undefined ? `e${exponent}` : ''}`);
  // A float keeps its own digits; sympy prints 1.5E3 as 1500.0, which only the text shown differs in.
  return { k: 'num', v: rat(value.p, value.q), float: text };
}

/** The symbol an atom's text stands for, as get_symbol makes it: Greek names, pi and gamma as constants, lower case. */
export function symbolFor(text: string): Node {
  const name = text.startsWith('\\') ? text.slice(1) : text;
  const lower = name.toLowerCase();
  if (name === 'pi' || lower === 'pi') return { k: 'const', name: 'pi' };
  if (name === 'gamma' || name === 'Gamma' || lower === 'gamma') return { k: 'const', name: 'EulerGamma' };
  return sym(lower);
}

/** An accent token's symbol text: \bar{x} → bar{x}; \text{(A)} → a; \mathbf{v} → math{v}. */
export function accentText(raw: string): string {
  const open = raw.indexOf('{');
  let name = raw.slice(0, open);
  let inner = raw.slice(open + 1, -1).replace(/ /g, '');
  if (name === 'bar' || name === 'overline') name = 'bar';
  else if (name === 'vec' || name === 'overrightarrow') name = 'vec';
  else if (name === 'tilde' || name === 'widetilde') name = 'tilde';
  else if (name.includes('text') || name.includes('mbox')) {
    name = '';
    inner = inner.replace(/[()]/g, '');
  } else if (name.includes('math')) name = 'math';
  return name ? `${name}{${inner}}` : inner;
}
/** Rational(a, b) of two integers; a zero denominator gives sympy's complex infinity, zoo. */
export function divideIntegers(a: Node, b: Node): Node {
  const x = (a as { v: { p: bigint } }).v.p;
  const y = (b as { v: { p: bigint } }).v.p;
  return y === 0n ? { k: 'const', name: 'zoo' } : { k: 'num', v: rat(x, y) };
}

export function fraction(top: Node, bottom: Node): Node {
  if (isInteger(top) && isInteger(bottom)) return divideIntegers(top, bottom);
  return mul([top, pow(bottom, MINUS_ONE)]);
}

/** Two items side by side: a mixed number when an integer meets a positive rational, else their product. */
export function juxtapose(left: Node, right: Node): Node {
  if (left.k === 'num' && isInteger(left) && right.k === 'num' && !right.float && right.v.p > 0n) {
    const whole = left.v.p;
    return { k: 'num', v: rat(whole < 0n ? whole * right.v.q - right.v.p : whole * right.v.q + right.v.p, right.v.q) };
  }
  if (left.k === 'matrix' || right.k === 'matrix') return mul([left, right]);
  return mulFlat(left, right);
}
