// Values of answer nodes: exactly, as rationals on BigInt, wherever only +, -, ×, ÷, integer powers, exact roots
// (√8 is not exact, √(9/4) is) and integer functions (floor, |x|, n!, binomials, gcd) are involved; otherwise as
// complex doubles. Sizes are bounded so that 10^{10^{10}} or 1000! ! costs nothing: a power whose result would
// pass 20,000 bits is not computed exactly, and its double is infinite.
import { rat, type Rational } from '../shared/sympy-lite/expr.ts';
import type { Node } from './nodes.ts';

export type C = [number, number];
/** Values for the free symbols: exact ones where the point is rational, and their doubles. */
export interface Point {
  exact: ReadonlyMap<string, Rational>;
  approx: ReadonlyMap<string, C>;
}

const MAX_BITS = 20_000;
const bits = (n: bigint) => (n < 0n ? -n : n).toString(2).length;
const abs = (n: bigint) => (n < 0n ? -n : n);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The integer k-th root of n ≥ 0 when n is a perfect k-th power. */
function exactRoot(n: bigint, k: number): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  const guess = BigInt(Math.round(Math.pow(Number(n), 1 / k)));
  for (const r of [guess - 1n, guess, guess + 1n]) if (r >= 0n && r ** BigInt(k) === n) return r;
  return undefined;
}

const intOf = (r: Rational | undefined) => (r && r.q === 1n ? r.p : undefined);

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

const MAX_TERMS = 10_000;

/** The index range of a Sum or Product when its bounds are integers no more than MAX_TERMS apart. */
function indexRange(args: Node[], at?: Point): [string, bigint, bigint] | undefined {
  const [, index, lo, hi] = args;
  const a = intOf(exact(lo, at));
  const b = intOf(exact(hi, at));
  if (index.k !== 'sym' || a === undefined || b === undefined || b - a > BigInt(MAX_TERMS)) return undefined;
  return [index.name, a, b];
}

function withValue(at: Point | undefined, name: string, value: bigint): Point {
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

function bigOperatorApprox(name: string, args: Node[], at?: Point): C {
  const range = indexRange(args, at);
  // Bounds that are symbols: the operator stands as a fixed function of its bounds and of its body's values
  // at two index values (so a reordered body is the same sum, another body another).
  if (!range) {
    const index = args[1].k === 'sym' ? args[1].name : '';
    const sample = (v: number) => approx(args[0], { exact: new Map(), approx: new Map([...(at?.approx ?? []), [index, [v, 0] as C]]) });
    return opaque(name, [approx(args[2], at), approx(args[3], at), sample(1.37), sample(2.71)]);
  }
  const [index, a, b] = range;
  let acc: C = name === 'Sum' ? [0, 0] : [1, 0];
  for (let i = a; i <= b; i++) {
    const v = approx(args[0], withValue(at, index, i));
    acc = name === 'Sum' ? cadd(acc, v) : cmul(acc, v);
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

// ---- doubles ------------------------------------------------------------------------------------------------

export function ratToNumber(r: Rational): number {
  const p = Number(r.p);
  const q = Number(r.q);
  if (Number.isFinite(p) && Number.isFinite(q)) return p / q;
  const shift = r.p.toString().length - r.q.toString().length;
  if (shift > 320) return r.p < 0n ? -Infinity : Infinity;
  if (shift < -330) return 0;
  const scale = 10n ** 30n;
  return (Number((r.p * scale) / r.q) / 1e30) || Number(r.p * 10n ** 400n / r.q) / 1e400;
}

const cadd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const cmul = (a: C, b: C): C => {
  // Infinity times a real number stays real (0·∞ terms in the imaginary part would make NaN).
  if (a[1] === 0 && b[1] === 0) return [a[0] * b[0], 0];
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
};
function cdiv(a: C, b: C): C {
  if (b[1] === 0) return [a[0] / b[0], a[1] === 0 ? 0 : a[1] / b[0]];
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}
const cexp = (a: C): C => (a[1] === 0 ? [Math.exp(a[0]), 0] : [Math.exp(a[0]) * Math.cos(a[1]), Math.exp(a[0]) * Math.sin(a[1])]);
const clog = (a: C): C => (a[1] === 0 && a[0] > 0 ? [Math.log(a[0]), 0] : [Math.log(Math.hypot(a[0], a[1])), Math.atan2(a[1], a[0])]);
function cpow(a: C, b: C): C {
  if (b[1] === 0 && Number.isInteger(b[0]) && Math.abs(b[0]) <= 64) {
    let r: C = [1, 0];
    for (let i = 0; i < Math.abs(b[0]); i++) r = cmul(r, a);
    return b[0] < 0 ? cdiv([1, 0], r) : r;
  }
  if (a[1] === 0 && b[1] === 0 && a[0] >= 0) return [Math.pow(a[0], b[0]), 0];
  if (a[0] === 0 && a[1] === 0) return b[0] > 0 ? [0, 0] : [NaN, NaN];
  return cexp(cmul(b, clog(a)));
}
const csin = (a: C): C => [Math.sin(a[0]) * Math.cosh(a[1]), Math.cos(a[0]) * Math.sinh(a[1])];
const ccos = (a: C): C => [Math.cos(a[0]) * Math.cosh(a[1]), -Math.sin(a[0]) * Math.sinh(a[1])];
const real = (f: (x: number) => number) => (a: C): C => (a[1] === 0 ? [f(a[0]), 0] : [NaN, NaN]);

function gammaReal(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaReal(1 - x));
  if (x > 171) return Infinity;
  // Lanczos approximation (g = 7), good to ~15 digits.
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (x + i);
  const t = x + 7.5;
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * s;
}

/** A fixed smooth function for an undefined f(x): the same name and arguments give the same value. */
function opaque(name: string, args: C[]): C {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  let out: C = [((h % 997) + 1) / 331, 0];
  args.forEach((a, i) => (out = cadd(out, csin(cmul(a, [1 + ((h >> (i + 3)) % 7) / 5, 0.3 + i / 7])))));
  return out;
}

const FUNCTIONS: Readonly<Record<string, (args: C[]) => C>> = {
  sin: ([a]) => csin(a),
  cos: ([a]) => ccos(a),
  tan: ([a]) => cdiv(csin(a), ccos(a)),
  cot: ([a]) => cdiv(ccos(a), csin(a)),
  sec: ([a]) => cdiv([1, 0], ccos(a)),
  csc: ([a]) => cdiv([1, 0], csin(a)),
  asin: ([a]) => real(Math.asin)(a),
  acos: ([a]) => real(Math.acos)(a),
  atan: ([a]) => real(Math.atan)(a),
  acot: ([a]) => real((x) => Math.atan(1 / x))(a),
  asec: ([a]) => real((x) => Math.acos(1 / x))(a),
  acsc: ([a]) => real((x) => Math.asin(1 / x))(a),
  sinh: ([a]) => real(Math.sinh)(a),
  cosh: ([a]) => real(Math.cosh)(a),
  tanh: ([a]) => real(Math.tanh)(a),
  asinh: ([a]) => real(Math.asinh)(a),
  acosh: ([a]) => real(Math.acosh)(a),
  atanh: ([a]) => real(Math.atanh)(a),
  exp: ([a]) => cexp(a),
  log: ([a, b]) => cdiv(clog(a), b ? clog(b) : [1, 0]),
  Abs: ([a]) => [Math.hypot(a[0], a[1]), 0],
  floor: ([a]) => real(Math.floor)(a),
  ceiling: ([a]) => real(Math.ceil)(a),
  factorial: ([a]) => real((x) => gammaReal(x + 1))(a),
  gamma: ([a]) => real(gammaReal)(a),
  binomial: ([a, b]) => (a[1] === 0 && b[1] === 0 ? [gammaReal(a[0] + 1) / (gammaReal(b[0] + 1) * gammaReal(a[0] - b[0] + 1)), 0] : [NaN, NaN]),
  Max: (args) => (args.every((a) => a[1] === 0) ? [Math.max(...args.map((a) => a[0])), 0] : [NaN, NaN]),
  Min: (args) => (args.every((a) => a[1] === 0) ? [Math.min(...args.map((a) => a[0])), 0] : [NaN, NaN]),
  Mod: ([a, b]) => (a[1] === 0 && b[1] === 0 ? [a[0] - b[0] * Math.floor(a[0] / b[0]), 0] : [NaN, NaN]),
};

/** Functions with a value here; a call of any other name is an undefined function such as f(x). */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([...Object.keys(FUNCTIONS), 'Sum', 'Product', 'Mod', 'gcd', 'lcm']);

const CONSTANTS: Readonly<Record<string, C>> = { pi: [Math.PI, 0], E: [Math.E, 0], I: [0, 1], oo: [Infinity, 0], zoo: [NaN, NaN], EulerGamma: [0.5772156649015329, 0] };

/** The value as a complex double; NaN parts where it is undefined (sets, relations, an unknown symbol). */
export function approx(n: Node, at?: Point): C {
  const e = exact(n, at);
  if (e) return [ratToNumber(e), 0];
  switch (n.k) {
    case 'num':
      return [ratToNumber(n.v), 0];
    case 'sym':
      return at?.approx.get(n.name) ?? [NaN, NaN];
    case 'const':
      return CONSTANTS[n.name];
    case 'pct': {
      const v = approx(n.arg, at);
      return [v[0] / 100, v[1] / 100];
    }
    case 'add':
      return n.args.reduce<C>((acc, a) => cadd(acc, approx(a, at)), [0, 0]);
    case 'mul':
      return n.args.reduce<C>((acc, a) => cmul(acc, approx(a, at)), [1, 0]);
    case 'pow':
      return cpow(approx(n.base, at), approx(n.exp, at));
    case 'fn': {
      if (n.name === 'Sum' || n.name === 'Product') return bigOperatorApprox(n.name, n.args, at);
      const args = n.args.map((a) => approx(a, at));
      const f = FUNCTIONS[n.name];
      return f ? f(args) : opaque(n.name, args);
    }
    default:
      return [NaN, NaN];
  }
}

/** The real value of a constant expression, or undefined (symbols, complex values, sets). */
export function realApprox(n: Node): number | undefined {
  const [re, im] = approx(n);
  return Number.isNaN(re) || Math.abs(im) > 1e-12 * Math.max(1, Math.abs(re)) ? undefined : re;
}

/** Whether two doubles agree to about 12 significant digits (infinities of one sign agree). */
export function close(a: C, b: C): boolean {
  if (![...a, ...b].every((x) => !Number.isNaN(x))) return false;
  if (!a.every(Number.isFinite) || !b.every(Number.isFinite)) return a[0] === b[0] && a[1] === b[1];
  const scale = Math.max(1, Math.hypot(a[0], a[1]), Math.hypot(b[0], b[1]));
  return Math.hypot(a[0] - b[0], a[1] - b[1]) <= 1e-11 * scale;
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
