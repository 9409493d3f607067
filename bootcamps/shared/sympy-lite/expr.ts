// The expressions three KorOperation references build with sympy, and how to evaluate them: exactly (rational
// arithmetic on BigInt) when only numbers are involved, else numerically at points of the complex plane.
// Equality is then decided the way sympy's simplify/equals decide it in practice (see equivalence.ts).

export type Expr =
  | { kind: 'int'; value: bigint }
  /** A decimal literal as sympy's Float keeps it: the text and its precision in bits. */
  | { kind: 'float'; text: string; precBits: number }
  | { kind: 'const'; name: 'pi' | 'E' | 'I' | 'oo' | 'zoo' | 'nan' }
  | { kind: 'sym'; name: string }
  | { kind: 'add'; args: Expr[] }
  | { kind: 'mul'; args: Expr[] }
  | { kind: 'pow'; base: Expr; exp: Expr }
  /** A known function (sin, exp, ...) or an undefined one f(x), which evaluates to a fixed pseudo-random function. */
  | { kind: 'call'; name: string; args: Expr[] };

export const int = (n: number | bigint): Expr => ({ kind: 'int', value: BigInt(n) });
export const neg = (e: Expr): Expr => ({ kind: 'mul', args: [int(-1), e] });
export const div = (a: Expr, b: Expr): Expr => ({ kind: 'mul', args: [a, { kind: 'pow', base: b, exp: int(-1) }] });

// ---- exact rationals ----------------------------------------------------------------------------------

export interface Rational {
  p: bigint;
  q: bigint;
}

const abs = (n: bigint) => (n < 0n ? -n : n);
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
export function rat(p: bigint, q: bigint = 1n): Rational {
  if (q === 0n) throw new RangeError('division by zero');
  if (q < 0n) [p, q] = [-p, -q];
  const g = gcd(p, q) || 1n;
  return { p: p / g, q: q / g };
}

/** The exact value of an expression made of integers and + - * / and integer powers only; undefined otherwise. */
export function exactValue(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'int':
      return rat(e.value);
    case 'add': {
      let acc = rat(0n);
      for (const a of e.args) {
        const v = exactValue(a);
        if (!v) return undefined;
        acc = rat(acc.p * v.q + v.p * acc.q, acc.q * v.q);
      }
      return acc;
    }
    case 'mul': {
      let acc = rat(1n);
      for (const a of e.args) {
        const v = exactValue(a);
        if (!v) return undefined;
        acc = rat(acc.p * v.p, acc.q * v.q);
      }
      return acc;
    }
    case 'pow': {
      const b = exactValue(e.base);
      const x = exactValue(e.exp);
      if (!b || !x || x.q !== 1n || abs(x.p) > 4096n) return undefined;
      if (b.p === 0n && x.p < 0n) return undefined; // zoo
      const n = abs(x.p);
      const r = rat(b.p ** n, b.q ** n);
      return x.p < 0n ? rat(r.q, r.p) : r;
    }
    default:
      return undefined;
  }
}

// ---- complex numbers ------------------------------------------------------------------------------------

export type C = [number, number];
export const cadd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
function cdiv(a: C, b: C): C {
  const d = b[0] * b[0] + b[1] * b[1];
  if (d === 0) return [NaN, NaN];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}
const cexp = (a: C): C => [Math.exp(a[0]) * Math.cos(a[1]), Math.exp(a[0]) * Math.sin(a[1])];
const clog = (a: C): C => [Math.log(Math.hypot(a[0], a[1])), Math.atan2(a[1], a[0])];
function cpow(a: C, b: C): C {
  if (b[1] === 0 && Number.isInteger(b[0]) && Math.abs(b[0]) <= 64) {
    let r: C = [1, 0];
    for (let i = 0; i < Math.abs(b[0]); i++) r = cmul(r, a);
    return b[0] < 0 ? cdiv([1, 0], r) : r;
  }
  if (a[0] === 0 && a[1] === 0) return b[0] > 0 ? [0, 0] : [NaN, NaN];
  return cexp(cmul(b, clog(a)));
}
export const csin = (a: C): C => [Math.sin(a[0]) * Math.cosh(a[1]), Math.cos(a[0]) * Math.sinh(a[1])];
export const ccos = (a: C): C => [Math.cos(a[0]) * Math.cosh(a[1]), -Math.sin(a[0]) * Math.sinh(a[1])];
const I: C = [0, 1];

/** A fixed smooth function of its arguments, different for every name: stands for f(x) sympy cannot evaluate. */
export function opaque(name: string, args: C[]): C {
  let h = 0;
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
  exp: ([a]) => cexp(a),
  log: (args) => (args.length === 2 ? cdiv(clog(args[0]), clog(args[1])) : clog(args[0])),
  ln: ([a]) => clog(a),
  sqrt: ([a]) => cpow(a, [0.5, 0]),
  sinh: ([a]) => cmul(cadd(cexp(a), cmul([-1, 0], cexp(cmul([-1, 0], a)))), [0.5, 0]),
  cosh: ([a]) => cmul(cadd(cexp(a), cexp(cmul([-1, 0], a))), [0.5, 0]),
  tanh: ([a]) => cdiv(cadd(cexp(a), cmul([-1, 0], cexp(cmul([-1, 0], a)))), cadd(cexp(a), cexp(cmul([-1, 0], a)))),
  Abs: ([a]) => [Math.hypot(a[0], a[1]), 0],
  abs: ([a]) => [Math.hypot(a[0], a[1]), 0],
  factorial: ([a]) => (a[1] === 0 && Number.isInteger(a[0]) && a[0] >= 0 && a[0] <= 170 ? [factorial(a[0]), 0] : opaque('factorial', [a])),
};

/** Names sympy's namespace knows as functions (a call of any other name is an undefined function). */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/**
 * The value at a point: `at` gives each symbol's value. `scale`, when given, records the largest magnitude of
 * the result and of the terms of its sums, the size rounding errors are relative to (sin(x)**2 + cos(x)**2
 * cancels terms of ~100 at a point off the real axis).
 */
export function evaluate(e: Expr, at: (name: string) => C, scale?: { max: number }): C {
  const v = evaluateNode(e, at, scale);
  if (scale) record(scale, v);
  return v;
}

function record(scale: { max: number }, v: C): void {
  const m = Math.hypot(v[0], v[1]);
  if (m > scale.max) scale.max = m;
}

function evaluateNode(e: Expr, at: (name: string) => C, scale?: { max: number }): C {
  const evaluate_ = (x: Expr) => evaluate(x, at);
  switch (e.kind) {
    case 'int':
      return [Number(e.value), 0];
    case 'float':
      return [Number(e.text), 0];
    case 'const':
      return e.name === 'pi' ? [Math.PI, 0] : e.name === 'E' ? [Math.E, 0] : e.name === 'I' ? I : [NaN, NaN];
    case 'sym':
      return at(e.name);
    case 'add':
      // Only the terms of a sum set the scale: that is where rounding errors stop being relative to the result.
      return e.args.reduce<C>((acc, a) => {
        const term = evaluate(a, at);
        if (scale) record(scale, term);
        return cadd(acc, term);
      }, [0, 0]);
    case 'mul':
      return e.args.reduce<C>((acc, a) => cmul(acc, evaluate_(a)), [1, 0]);
    case 'pow':
      return cpow(evaluate_(e.base), evaluate_(e.exp));
    case 'call': {
      const args = e.args.map((a) => evaluate_(a));
      const fn = FUNCTIONS[e.name];
      return fn ? fn(args) : opaque(e.name, args);
    }
  }
}

export function symbolsOf(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'sym') into.add(e.name);
  else if (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call') e.args.forEach((a) => symbolsOf(a, into));
  else if (e.kind === 'pow') {
    symbolsOf(e.base, into);
    symbolsOf(e.exp, into);
  }
  return into;
}

export function hasFloat(e: Expr): boolean {
  if (e.kind === 'float') return true;
  if (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call') return e.args.some(hasFloat);
  if (e.kind === 'pow') return hasFloat(e.base) || hasFloat(e.exp);
  return false;
}

/** The exact value of a decimal literal's text ("0.1", "1e-12", "2.5E3"). */
export function decimalRational(text: string): Rational {
  const m = /^(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(text.replace(/_/g, ''));
  if (!m) throw new SyntaxError(`bad number ${text}`);
  const digits = BigInt((m[1] || '0') + (m[2] || ''));
  const exp10 = Number(m[3] ?? 0) - (m[2] ?? '').length;
  return exp10 >= 0 ? { p: digits * 10n ** BigInt(exp10), q: 1n } : { p: digits, q: 10n ** BigInt(-exp10) };
}

/** Replaces every decimal literal by its exact value (sympy's `rationalize` transformation). */
export function rationalize(e: Expr): Expr {
  switch (e.kind) {
    case 'float': {
      const { p, q } = decimalRational(e.text);
      return q === 1n ? int(p) : div(int(p), int(q));
    }
    case 'add':
    case 'mul':
      return { kind: e.kind, args: e.args.map(rationalize) };
    case 'call':
      return { kind: 'call', name: e.name, args: e.args.map(rationalize) };
    case 'pow':
      return { kind: 'pow', base: rationalize(e.base), exp: rationalize(e.exp) };
    default:
      return e;
  }
}
