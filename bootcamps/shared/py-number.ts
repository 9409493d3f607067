// Python's number parsing and rounding, as verifiers lean on them: round(x, n) (half-even on the float's exact
// value), complex(s), fractions.Fraction(s) and math.isclose. Each returns undefined where Python raises.
import { Fraction } from './arithmetic.ts';
import { pyStrip, toAsciiDigits } from './py-str.ts';

/** The float's exact value as mantissa × 2^exponent. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (exponentBits === 0) return [sign * fraction, -1074];
  return [sign * (fraction | (1n << 52n)), exponentBits - 1075];
}

/** round(x, ndigits) for a float: the exact value rounded half to even at that decimal place. */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const [mantissa, exponent] = decompose(x);
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  const twice = 2n * (abs % den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const value = Number(`${q}e${-ndigits}`);
  return negative ? -value : value;
}

/** math.isclose(a, b, rel_tol, abs_tol). */
export function pyIsClose(a: number, b: number, relTol = 1e-9, absTol = 0): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
}

const FLOAT = String.raw`(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan`;
const REAL_ONLY = new RegExp(`^([+-]?(?:${FLOAT}))$`, 'i');
const IMAG_ONLY = new RegExp(`^([+-]?(?:${FLOAT})?)j$`, 'i');
const BOTH = new RegExp(`^([+-]?(?:${FLOAT}))([+-](?:${FLOAT})?)j$`, 'i');

function floatPart(text: string): number {
  const t = text.replaceAll('_', '');
  if (t === '' || t === '+') return 1;
  if (t === '-') return -1;
  const lower = t.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(t);
}

/** complex(s): "1+2j", "(1-2j)", "2j", "j", "3"; surrounding whitespace allowed, none inside. */
export function pyComplex(s: string): [real: number, imag: number] | undefined {
  let t = pyStrip(toAsciiDigits(s));
  if (t.startsWith('(') && t.endsWith(')')) t = pyStrip(t.slice(1, -1));
  let m = REAL_ONLY.exec(t);
  if (m) return [floatPart(m[1]), 0];
  m = IMAG_ONLY.exec(t);
  if (m) return [0, floatPart(m[1])];
  m = BOTH.exec(t);
  if (m) return [floatPart(m[1]), floatPart(m[2])];
  return undefined;
}

const RATIONAL = /^([+-]?)(?=\d|\.\d)(\d*|\d+(?:_\d+)*)(?:\/(\d+(?:_\d+)*)|(?:\.(\d*|\d+(?:_\d+)*))?(?:[eE]([+-]?\d+(?:_\d+)*))?)$/;

/** fractions.Fraction(s) for a str (Python 3.11): "3/4", "-1.25", "2e3", surrounding whitespace. */
export function pyFraction(s: string): Fraction | undefined {
  const m = RATIONAL.exec(pyStrip(toAsciiDigits(s)));
  if (!m) return undefined;
  const [, sign, numText, denText, decimal, exp] = m;
  let num = BigInt(numText.replaceAll('_', '') || '0');
  let den = 1n;
  if (denText !== undefined) {
    den = BigInt(denText.replaceAll('_', ''));
    if (den === 0n) return undefined; // ZeroDivisionError
  } else {
    if (decimal) {
      const digits = decimal.replaceAll('_', '');
      num = num * 10n ** BigInt(digits.length) + BigInt(digits);
      den = 10n ** BigInt(digits.length);
    }
    if (exp !== undefined) {
      const e = Number(exp.replaceAll('_', ''));
      if (e >= 0) num *= 10n ** BigInt(e);
      else den *= 10n ** BigInt(-e);
    }
  }
  return new Fraction(sign === '-' ? -num : num, den);
}
