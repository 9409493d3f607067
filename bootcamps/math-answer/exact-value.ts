// Exact values of answer nodes, as rationals on BigInt, wherever only +, -, ×, ÷, integer powers, exact roots
// (√8 is not exact, √(9/4) is), integer functions (floor, |x|, n!, binomials, gcd) and sums or products over
// small ranges are involved. Sizes are bounded so that 10^{10^{10}} or 1000! ! costs nothing: a value that
// would pass 20,000 bits is not computed exactly (numeric.ts then works in doubles, where it is infinite).
import { gcd, rat, type C, type Rational } from '../shared/sympy-lite/expr.ts';
import type { Node } from './nodes.ts';

export interface Point {
  exact: ReadonlyMap<string, Rational>;
  approx: ReadonlyMap<string, C>;
}

const MAX_BITS = 20_000;
const bits = (n: bigint) => (n < 0n ? -n : n).toString(2).length;
const abs = (n: bigint) => (n < 0n ? -n : n);

/** The integer k-th root of n ≥ 0 when n is a perfect k-th power. */
function exactRoot(n: bigint, k: number): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  const guess = BigInt(Math.round(Math.pow(Number(n), 1 / k)));
  for (const r of [guess - 1n, guess, guess + 1n]) if (r >= 0n && r ** BigInt(k) === n) return r;
  return undefined;
}

export const intOf = (r: Rational | undefined) => (r && r.q === 1n ? r.p : undefined);

function factorialExact(n: bigint): bigint | undefined {
  if (n < 0n || n > 2000n) return undefined;
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
}

/**
 * The exact rational value, or undefined when it is not rational or not cheaply known. A decimal is not exact:
 * sympy computes with a Float in 53-bit floating point, so 14/3. is not 14/3 while 4/2. is 2.
 */
export function exact(n: Node, at?: Point): Rational | undefined {
  switch (n.k) {
    case 'num':
      return n.float === undefined ? n.v : undefined;
    case 'sym':
      return at?.exact.get(n.name);
    case 'pct': {
      const v = exact(n.arg, at);
      return v && rat(v.p, v.q * 100n);
    }
    case 'add': {
      let p = 0n;
      let q = 1n;
      for (const a of n.args) {
        const v = exact(a, at);
        if (!v) return undefined;
        [p, q] = [p * v.q + v.p * q, q * v.q];
        if (bits(p) + bits(q) > MAX_BITS) return undefined;
      }
      return rat(p, q);
    }
    case 'mul': {
      let p = 1n;
      let q = 1n;
      for (const a of n.args) {
        const v = exact(a, at);
        if (!v) return undefined;
        [p, q] = [p * v.p, q * v.q];
        if (q === 0n || bits(p) + bits(q) > MAX_BITS) return undefined;
      }
      return rat(p, q);
    }
    case 'pow': {
      const b = exact(n.base, at);
      const x = exact(n.exp, at);
      if (!b || !x) return undefined;
      if (b.p === 0n) return x.p > 0n ? rat(0n) : undefined;
      if (x.q > 12n) return undefined;
      const k = Number(x.q);
      const root = k === 1 ? b : b.p > 0n ? rootOf(b, k) : undefined;
      if (!root) return undefined;
      const e = abs(x.p);
      if ((bits(root.p) + bits(root.q)) * Number(e > 100_000n ? 100_000n : e) > MAX_BITS) return undefined;
      const r = rat(root.p ** e, root.q ** e);
      return x.p < 0n ? rat(r.q, r.p) : r;
    }
    case 'fn':
      if (n.name === 'Sum' || n.name === 'Product') return bigOperatorExact(n.name, n.args, at);
      return exactFunction(n.name, n.args.map((a) => exact(a, at)));
    default:
      return undefined;
  }
}

export const MAX_TERMS = 10_000;

/** The index range of a Sum or Product when its bounds are integers no more than MAX_TERMS apart. */
export function indexRange(args: Node[], at?: Point): [string, bigint, bigint] | undefined {
  const [, index, lo, hi] = args;
  const a = intOf(exact(lo, at));
  const b = intOf(exact(hi, at));
  if (index.k !== 'sym' || a === undefined || b === undefined || b - a > BigInt(MAX_TERMS)) return undefined;
  return [index.name, a, b];
}

export function withValue(at: Point | undefined, name: string, value: bigint): Point {
  const exactValues = new Map(at?.exact);
  const approxValues = new Map(at?.approx);
  exactValues.set(name, rat(value));
  approxValues.set(name, [Number(value), 0]);
  return { exact: exactValues, approx: approxValues };
}

function bigOperatorExact(name: string, args: Node[], at?: Point): Rational | undefined {
  const range = indexRange(args, at);
  if (!range) return undefined;
  const [index, a, b] = range;
  let acc = rat(name === 'Sum' ? 0n : 1n);
  for (let i = a; i <= b; i++) {
    const v = exact(args[0], withValue(at, index, i));
    if (!v) return undefined;
    acc = name === 'Sum' ? rat(acc.p * v.q + v.p * acc.q, acc.q * v.q) : rat(acc.p * v.p, acc.q * v.q);
    if (bits(acc.p) + bits(acc.q) > MAX_BITS) return undefined;
  }
  return acc;
}

function rootOf(r: Rational, k: number): Rational | undefined {
  const p = exactRoot(r.p, k);
  const q = exactRoot(r.q, k);
  return p !== undefined && q !== undefined ? rat(p, q) : undefined;
}

function exactFunction(name: string, args: (Rational | undefined)[]): Rational | undefined {
  if (!args.every((a) => a !== undefined)) return undefined;
  const v = args as Rational[];
  const floorOf = (r: Rational) => (r.p >= 0n ? r.p / r.q : -((-r.p + r.q - 1n) / r.q));
  switch (name) {
    case 'floor':
      return rat(floorOf(v[0]));
    case 'ceiling':
      return rat(-floorOf(rat(-v[0].p, v[0].q)));
    case 'Abs':
      return rat(abs(v[0].p), v[0].q);
    case 'factorial': {
      const f = intOf(v[0]);
      const r = f === undefined ? undefined : factorialExact(f);
      return r === undefined ? undefined : rat(r);
    }
    case 'binomial': {
      const [a, b] = [intOf(v[0]), intOf(v[1])];
      if (a === undefined || b === undefined || a < 0n || a > 5000n) return undefined;
      if (b < 0n || b > a) return rat(0n);
      let r = 1n;
      for (let i = 0n; i < b; i++) r = (r * (a - i)) / (i + 1n);
      return rat(r);
    }
    case 'Max':
    case 'Min': {
      const sorted = [...v].sort((x, y) => (x.p * y.q < y.p * x.q ? -1 : 1));
      return name === 'Max' ? sorted[sorted.length - 1] : sorted[0];
    }
    case 'gcd':
    case 'lcm': {
      const ints = v.map(intOf);
      if (!ints.every((i) => i !== undefined)) return undefined;
      const g = (ints as bigint[]).reduce((x, y) => (name === 'gcd' ? gcd(x, y) : x === 0n || y === 0n ? 0n : abs(x * y) / gcd(x, y)));
      return rat(g);
    }
    case 'Mod': {
      if (v[1].p === 0n) return undefined;
      const quotient = rat(v[0].p * v[1].q, v[0].q * v[1].p);
      const f = quotient.p >= 0n ? quotient.p / quotient.q : -((-quotient.p + quotient.q - 1n) / quotient.q);
      return rat(v[0].p * v[1].q - f * v[1].p * v[0].q, v[0].q * v[1].q);
    }
    default:
      return undefined;
  }
}

/** Half-to-even rounding of an exact value to `places` decimals, as sympy's round does on exact numbers. */
export function roundExact(r: Rational, places: number): Rational {
  const scale = 10n ** BigInt(places);
  const scaled = r.p * scale;
  let whole = scaled / r.q;
  let rest = scaled - whole * r.q;
  if (rest < 0n) {
    whole -= 1n;
    rest += r.q;
  }
  if (rest * 2n > r.q || (rest * 2n === r.q && whole % 2n !== 0n)) whole += 1n;
  return rat(whole, scale);
}
