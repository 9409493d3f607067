// Values of answer nodes as complex doubles, for what exact-value.ts cannot do exactly (π, √2, sin, a decimal's
// arithmetic, values at complex points): NaN parts where a value is undefined (sets, relations, an unknown
// symbol), and the comparison of two such values.
import { cadd, ccos, csin, opaque, type C, type Rational } from '../shared/sympy-lite/expr.ts';
import type { Node } from './nodes.ts';
import { exact, indexRange, withValue, type Point } from './exact-value.ts';

export type { C, Point };
export { exact, roundExact } from './exact-value.ts';

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

// Products, quotients, exp, log and powers take real numbers' own path (sympy-lite's do not): with a decimal
// involved, equality is exact equality of doubles, and a real product must be the one real multiplication.
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
