// Whether two parsed expressions are equal the way the references' sympy checks find them equal
// (`simplify(a - b) == 0`, `simplify(a - b).equals(0)`, `a.equals(b)`):
// - numbers only: exactly, in rational arithmetic;
// - a decimal against an exact number: as sympy's Float does it, both rounded to the decimal's precision
//   (0.1 equals 1/10 at 53 bits; 0.3333333333333333, 16 digits so 56 bits, does not equal 1/3);
// - otherwise numerically, at fixed points of the complex plane for every symbol, to 1e-14 relative.
// sympy proves some identities symbolically and tests others numerically; on the forms answers take
// (polynomials, exp, trigonometric and logarithmic terms, rationals) the outcomes agree.
import { decimalRational, evaluate, exactValue, hasFloat, symbolsOf, type C, type Expr, type Rational } from './expr.ts';

/** The decimal's value rounded to `bits` significant bits, as a scaled BigInt pair (mantissa, exponent). */
function roundToBits(r: Rational, bits: number): [bigint, number] {
  if (r.p === 0n) return [0n, 0];
  const negative = r.p < 0n;
  let p = negative ? -r.p : r.p;
  let q = r.q;
  // Scale so that p/q lies in [2^(bits-1), 2^bits), then round half to even.
  let exp = 0;
  const lo = 1n << BigInt(bits - 1);
  const hi = 1n << BigInt(bits);
  while (p / q >= hi) {
    q <<= 1n;
    exp++;
  }
  while (p / q < lo) {
    p <<= 1n;
    exp--;
  }
  let m = p / q;
  const rem = p - m * q;
  if (rem * 2n > q || (rem * 2n === q && m % 2n === 1n)) m++;
  return [negative ? -m : m, exp];
}

/** A lone decimal (maybe negated) and its precision, or undefined. */
function loneFloat(e: Expr): { value: Rational; bits: number } | undefined {
  if (e.kind === 'float') return { value: decimalRational(e.text), bits: e.precBits };
  if (e.kind === 'mul' && e.args.length === 2 && e.args[0].kind === 'int' && e.args[0].value === -1n && e.args[1].kind === 'float') {
    const v = decimalRational(e.args[1].text);
    return { value: { p: -v.p, q: v.q }, bits: e.args[1].precBits };
  }
  return undefined;
}

/**
 * Points on both sides of the branch cuts, some far enough off the real axis that exp(x)**2 wraps around:
 * sympy proves equality only by simplifying the difference to 0, which it cannot do for sqrt(f**2) = f, and
 * at these points such "identities" fail too, while true ones hold everywhere.
 */
const POINTS: readonly C[] = [
  [0.7311, 0.2113],
  [-1.3179, -0.4127],
  [0.4283, 2.1551],
  [-0.9047, -2.6379],
  [1.6123, -0.2871],
  [1.5127, 3.0411],
  [-3.0219, 2.4703],
];

function close(a: C, b: C, magnitude: number): boolean {
  if (![...a, ...b].every(Number.isFinite)) return false;
  const scale = Math.max(1, magnitude);
  // Rounding in double arithmetic stays near 1e-16 of the magnitude; an answer off by 1e-12 is another answer.
  return Math.hypot(a[0] - b[0], a[1] - b[1]) <= 1e-14 * scale;
}

export function sympyEquivalent(a: Expr, b: Expr): boolean {
  const exactA = exactValue(a);
  const exactB = exactValue(b);
  if (exactA && exactB) return exactA.p === exactB.p && exactA.q === exactB.q;
  const floatA = loneFloat(a);
  const floatB = loneFloat(b);
  if ((floatA && exactB) || (floatB && exactA)) {
    const [f, r] = floatA ? [floatA, exactB!] : [floatB!, exactA!];
    const x = roundToBits(f.value, f.bits);
    const y = roundToBits(r, f.bits);
    return x[0] === y[0] && x[1] === y[1];
  }
  const symbols = [...new Set([...symbolsOf(a), ...symbolsOf(b)])].sort();
  const points = symbols.length === 0 ? POINTS.slice(0, 1) : POINTS;
  return points.every((_point, k) => {
    // Each symbol gets its own coordinate, rotated through the points so that x and y never coincide.
    const at = (name: string): C => {
      const n = symbols.indexOf(name);
      const [re, im] = POINTS[(k + n) % POINTS.length];
      return [re * (1 + n / 10), im * (1 + n / 10)];
    };
    const magnitude = { max: 0 };
    const va = evaluate(a, at, magnitude);
    const vb = evaluate(b, at, magnitude);
    // A float against a transcendental number agrees only to double precision when sympy's Float could.
    if (symbols.length === 0 && (hasFloat(a) || hasFloat(b))) return va[0] === vb[0] && va[1] === vb[1];
    return close(va, vb, magnitude.max);
  });
}
