// The values a math answer reads into: numbers kept exact (rationals, and decimals with their text), symbols,
// sums, products, powers and functions, relations and chains of them, sets, tuples, intervals and matrices.
// The shapes follow what Math-Verify's LaTeX reader (latex2sympy2_extended) builds with evaluate=False, so that
// the comparison (compare.ts) can take the same branches Math-Verify's grader takes.
import { rat, type Rational } from '../shared/sympy-lite/expr.ts';

export type { Rational };

export type RelOp = '=' | '<' | '<=' | '>' | '>=' | '!=';
export type NamedSet = 'Reals' | 'Integers' | 'Naturals' | 'Rationals' | 'Complexes' | 'Primes' | 'Empty';

export type Node =
  /** A number: exact value; `float` holds a decimal's text (sympy's Float), absent for integers and fractions. */
  | { k: 'num'; v: Rational; float?: string }
  | { k: 'sym'; name: string }
  /** zoo is sympy's complex infinity (1/0), which Math-Verify refuses to compare. */
  | { k: 'const'; name: 'pi' | 'E' | 'I' | 'oo' | 'zoo' | 'EulerGamma' }
  | { k: 'add'; args: Node[] }
  | { k: 'mul'; args: Node[] }
  | { k: 'pow'; base: Node; exp: Node }
  /** A known function (sin, log, Abs, floor, factorial, ...) or an undefined one, f(x). */
  | { k: 'fn'; name: string; args: Node[] }
  /** X% as Math-Verify builds it: X times an unevaluated 1/100, so the grader can still see X is a number. */
  | { k: 'pct'; arg: Node }
  | { k: 'rel'; op: RelOp; lhs: Node; rhs: Node }
  /** A chain a = b = c or 1 < x < 2: its relations in written order. */
  | { k: 'and'; args: Node[] }
  /** A finite set; `items` in written order (the grader sorts where sympy would). */
  | { k: 'set'; items: Node[] }
  | { k: 'tuple'; items: Node[] }
  | { k: 'interval'; lo: Node; hi: Node; lopen: boolean; ropen: boolean }
  | { k: 'setop'; op: 'union' | 'intersection' | 'minus'; a: Node; b: Node }
  | { k: 'named'; name: NamedSet }
  | { k: 'matrix'; rows: Node[][] };

export const num = (p: bigint, q = 1n): Node => ({ k: 'num', v: rat(p, q) });
export const ONE = num(1n);
export const MINUS_ONE = num(-1n);
export const sym = (name: string): Node => ({ k: 'sym', name });
export const add = (args: Node[]): Node => ({ k: 'add', args });
export const mul = (args: Node[]): Node => ({ k: 'mul', args });
export const pow = (base: Node, exp: Node): Node => ({ k: 'pow', base, exp });
export const fn = (name: string, args: Node[]): Node => ({ k: 'fn', name, args });

/** a + b with sums flattened, as latex2sympy's add_flat. */
export function addFlat(a: Node, b: Node): Node {
  return add([...(a.k === 'add' ? a.args : [a]), ...(b.k === 'add' ? b.args : [b])]);
}
export function mulFlat(a: Node, b: Node): Node {
  return mul([...(a.k === 'mul' ? a.args : [a]), ...(b.k === 'mul' ? b.args : [b])]);
}
/** -x: a number is negated in place (sympy's -Rational), anything else becomes -1·x. */
export function negate(x: Node): Node {
  if (x.k === 'num') return { ...x, v: { p: -x.v.p, q: x.v.q }, ...(x.float ? { float: x.float.startsWith('-') ? x.float.slice(1) : `-${x.float}` } : {}) };
  return mulFlat(MINUS_ONE, x);
}

export const isRelation = (n: Node): boolean => n.k === 'rel' || (n.k === 'and' && n.args.length > 0 && n.args.every((a) => a.k === 'rel'));
export const isEquation = (n: Node): boolean => (n.k === 'rel' && n.op === '=') || (n.k === 'and' && n.args.length > 0 && n.args.every((a) => a.k === 'rel' && a.op === '='));
export const isSetLike = (n: Node): boolean => n.k === 'set' || n.k === 'interval' || n.k === 'setop' || n.k === 'named';

/** The direct parts of a node, in order (none for numbers, symbols and constants). */
export function childrenOf(n: Node): Node[] {
  switch (n.k) {
    case 'add':
    case 'mul':
    case 'fn':
    case 'and':
      return n.args;
    case 'pow':
      return [n.base, n.exp];
    case 'pct':
      return [n.arg];
    case 'rel':
      return [n.lhs, n.rhs];
    case 'set':
    case 'tuple':
      return n.items;
    case 'interval':
      return [n.lo, n.hi];
    case 'setop':
      return [n.a, n.b];
    case 'matrix':
      return n.rows.flat();
    default:
      return [];
  }
}

/**
 * latex2sympy's is_expr_of_only_symbols, the test for the left side of an assignment x = 3: a symbol, a
 * reciprocal of such, or anything whose parts all pass (so xy, |AB| and f(x) pass too; x^2 and 2x do not).
 */
export function onlySymbols(n: Node): boolean {
  if (n.k === 'sym') return true;
  if (n.k === 'pow' && n.exp.k === 'num' && n.exp.v.p === -1n && n.exp.v.q === 1n && (n.base.k === 'sym' || childrenOf(n.base).every(onlySymbols))) return true;
  const parts = n.k === 'pct' ? [n.arg, { k: 'num', v: { p: 1n, q: 100n } } as Node] : childrenOf(n);
  return parts.length > 0 && parts.every(onlySymbols);
}

/** The node with each direct part replaced by `f(part)` (numbers, symbols and constants as they are). */
export function mapChildren(n: Node, f: (part: Node) => Node): Node {
  switch (n.k) {
    case 'add':
    case 'mul':
    case 'fn':
    case 'and':
      return { ...n, args: n.args.map(f) };
    case 'pow':
      return { ...n, base: f(n.base), exp: f(n.exp) };
    case 'pct':
      return { ...n, arg: f(n.arg) };
    case 'rel':
      return { ...n, lhs: f(n.lhs), rhs: f(n.rhs) };
    case 'set':
    case 'tuple':
      return { ...n, items: n.items.map(f) };
    case 'interval':
      return { ...n, lo: f(n.lo), hi: f(n.hi) };
    case 'setop':
      return { ...n, a: f(n.a), b: f(n.b) };
    case 'matrix':
      return { ...n, rows: n.rows.map((row) => row.map(f)) };
    default:
      return n;
  }
}

/** The node with every symbol renamed by `rename`. */
export function renameSymbols(n: Node, rename: (name: string) => string): Node {
  return n.k === 'sym' ? { k: 'sym', name: rename(n.name) } : mapChildren(n, (x) => renameSymbols(x, rename));
}

/** Whether a decimal (sympy's Float) appears anywhere: arithmetic with one is then done in floating point. */
export function hasFloat(n: Node): boolean {
  return (n.k === 'num' && n.float !== undefined) || childrenOf(n).some(hasFloat);
}

/** Symbols a node mentions (sorted), the free variables symbolic comparison evaluates at points. */
export function freeSymbols(n: Node, into = new Set<string>()): Set<string> {
  if (n.k === 'sym') into.add(n.name);
  else for (const part of childrenOf(n)) freeSymbols(part, into);
  return into;
}

const REL_TEXT: Record<RelOp, string> = { '=': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '!=': '!=' };

function ratText(v: Rational): string {
  return v.q === 1n ? String(v.p) : `${v.p}/${v.q}`;
}

/**
 * A readable, canonical text of a value, in sympy's str style where it has one (`1/2`, `x**2`, `sqrt(2)`,
 * `Interval.open(1, 2)`, `{1, 2}`): what details show as the extracted answer, and the key two values are
 * compared by first (Math-Verify's structural `a == b`). Numbers longer than 40 digits are shortened.
 */
export function show(n: Node): string {
  switch (n.k) {
    case 'num': {
      const text = n.float ?? ratText(n.v);
      return text.length > 48 ? `${text.slice(0, 20)}…(${text.length} chars)` : text;
    }
    case 'sym':
      return n.name;
    case 'const':
      return n.name;
    case 'add':
      return n.args.map((a, i) => (i === 0 ? showTerm(a) : signedTerm(a))).join('');
    case 'mul': {
      // sympy's way: x*y/(2*z), -x for -1*x.
      const isReciprocal = (a: Node) => a.k === 'pow' && a.exp.k === 'num' && !a.exp.float && a.exp.v.p === -1n && a.exp.v.q === 1n;
      const factor = (a: Node) => (a.k === 'add' || a.k === 'rel' ? `(${show(a)})` : showFactor(a));
      const top = n.args.filter((a) => !isReciprocal(a));
      const bottom = n.args.filter(isReciprocal).map((a) => (a as Extract<Node, { k: 'pow' }>).base);
      const negative = top.length > 1 && top[0].k === 'num' && !top[0].float && top[0].v.p === -1n && top[0].v.q === 1n;
      const shownTop = (negative ? top.slice(1) : top).map(factor).join('*') || '1';
      const shownBottom = bottom.length === 0 ? '' : bottom.length === 1 && bottom[0].k !== 'mul' ? `/${factor(bottom[0])}` : `/(${bottom.map((b) => (b.k === 'mul' ? show(b) : factor(b))).join('*')})`;
      return `${negative ? '-' : ''}${shownTop}${shownBottom}`;
    }
    case 'pow':
      if (n.exp.k === 'num' && !n.exp.float && n.exp.v.p === 1n && n.exp.v.q === 2n) return `sqrt(${show(n.base)})`;
      return `${showFactor(n.base, true)}**${showFactor(n.exp, true)}`;
    case 'fn':
      return `${n.name}(${n.args.map(show).join(', ')})`;
    case 'pct':
      return `${showFactor(n.arg)}%`;
    case 'rel':
      return n.op === '=' ? `Eq(${show(n.lhs)}, ${show(n.rhs)})` : `${show(n.lhs)} ${REL_TEXT[n.op]} ${show(n.rhs)}`;
    case 'and':
      return n.args.map(show).join(' & ');
    case 'set':
      return n.items.length === 0 ? 'EmptySet' : `{${n.items.map(show).join(', ')}}`;
    case 'tuple':
      return `(${n.items.map(show).join(', ')})`;
    case 'interval': {
      const kind = n.lopen && n.ropen ? '.open' : n.lopen ? '.Lopen' : n.ropen ? '.Ropen' : '';
      return `Interval${kind}(${show(n.lo)}, ${show(n.hi)})`;
    }
    case 'setop':
      return `${n.op === 'union' ? 'Union' : n.op === 'intersection' ? 'Intersection' : 'Complement'}(${show(n.a)}, ${show(n.b)})`;
    case 'named':
      return n.name === 'Empty' ? 'EmptySet' : n.name;
    case 'matrix':
      return `Matrix([${n.rows.map((r) => `[${r.map(show).join(', ')}]`).join(', ')}])`;
  }
}

function showTerm(n: Node): string {
  return show(n);
}
function signedTerm(n: Node): string {
  const text = show(n);
  return text.startsWith('-') ? ` - ${text.slice(1)}` : ` + ${text}`;
}
function showFactor(n: Node, inPower = false): string {
  const text = show(n);
  const atomic = n.k === 'sym' || n.k === 'const' || n.k === 'fn' || (n.k === 'num' && !text.includes('/') && !(inPower && text.startsWith('-')));
  return atomic || (n.k === 'pow' && !inPower) ? text : `(${text})`;
}
