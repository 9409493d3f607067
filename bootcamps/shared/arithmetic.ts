// Parses and evaluates the arithmetic a model writes for number puzzles (Game24, KorPuzzle24Points) with exact
// rational numbers, so that no model output is ever handed to eval. Accepts what Python's eval accepts for
// +, -, *, /, parentheses, unary signs and decimal literals; anything else is a syntax error.

/** An exact rational number num/den with den > 0, always in lowest terms. */
export class Fraction {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den: bigint = 1n) {
    if (den === 0n) throw new ArithmeticError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static of(n: number | bigint): Fraction {
    if (typeof n === 'bigint') return new Fraction(n);
    if (!Number.isInteger(n)) throw new RangeError(`Fraction.of needs an integer, got ${n}`);
    return new Fraction(BigInt(n));
  }

  add(o: Fraction): Fraction {
    return new Fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Fraction): Fraction {
    return new Fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Fraction): Fraction {
    return new Fraction(this.num * o.num, this.den * o.den);
  }
  div(o: Fraction): Fraction {
    if (o.num === 0n) throw new ArithmeticError('division by zero');
    return new Fraction(this.num * o.den, this.den * o.num);
  }
  neg(): Fraction {
    return new Fraction(-this.num, this.den);
  }
  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

export class ArithmeticError extends Error {
  override name = 'ArithmeticError';
}

export class ArithmeticSyntaxError extends Error {
  override name = 'ArithmeticSyntaxError';
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export type ArithmeticNode =
  | { kind: 'number'; text: string; value: Fraction }
  | { kind: 'unary'; op: '+' | '-'; operand: ArithmeticNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: ArithmeticNode; right: ArithmeticNode };

/** CPython's parser refuses more than 200 nested parentheses; the same bound keeps our recursion shallow. */
const MAX_NESTING = 200;

/** "1", "1.5", ".5", "2e3": the decimal literals Python reads as int or float. Leading zeros as Python allows them. */
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

function decimalToFraction(text: string): Fraction {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) throw new ArithmeticSyntaxError(`bad number ${text}`);
  const [, intPart, fracPart = '', expPart] = m;
  const isFloat = text.includes('.') || expPart !== undefined;
  // Python 3 rejects "012" as an int literal (but "00" and "0.12" are fine).
  if (!isFloat && intPart.length > 1 && intPart.startsWith('0') && /[1-9]/.test(intPart)) {
    throw new ArithmeticSyntaxError(`leading zeros in decimal integer literals are not permitted: ${text}`);
  }
  const exponent = Number(expPart ?? 0) - fracPart.length;
  if (Math.abs(exponent) > 400) throw new ArithmeticSyntaxError(`number out of range: ${text}`);
  const digits = BigInt((intPart || '0') + fracPart);
  return exponent >= 0 ? new Fraction(digits * 10n ** BigInt(exponent)) : new Fraction(digits, 10n ** BigInt(-exponent));
}

/** Parses an expression; throws ArithmeticSyntaxError for anything Python's eval would not read as plain arithmetic. */
export function parseArithmetic(source: string): ArithmeticNode {
  let pos = 0;
  let depth = 0;

  const skipSpace = () => {
    // Newlines are only allowed inside parentheses, as in Python's implicit line joining.
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === ' ' || ch === '\t' || ch === '\f' || (depth > 0 && (ch === '\n' || ch === '\r'))) pos++;
      else break;
    }
  };

  const primary = (): ArithmeticNode => {
    skipSpace();
    const ch = source[pos];
    if (ch === '(') {
      if (++depth > MAX_NESTING) throw new ArithmeticSyntaxError('too many nested parentheses');
      pos++;
      const inner = sum();
      skipSpace();
      if (source[pos] !== ')') throw new ArithmeticSyntaxError(`expected ")" at ${pos}`);
      depth--;
      pos++;
      return inner;
    }
    if (ch === '+' || ch === '-') {
      // Unary chains such as "--3" are legal Python; bound them like nesting to keep recursion shallow.
      if (++depth > MAX_NESTING) throw new ArithmeticSyntaxError('too many unary operators');
      pos++;
      const operand = primary();
      depth--;
      return { kind: 'unary', op: ch, operand };
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(source);
    if (!m) throw new ArithmeticSyntaxError(`unexpected ${ch === undefined ? 'end of input' : JSON.stringify(ch)} at ${pos}`);
    pos += m[0].length;
    // "2(3)" or "2x" are errors in Python (TypeError or SyntaxError); so is a literal glued to a name.
    if (pos < source.length && /[A-Za-z_\d.]/.test(source[pos])) throw new ArithmeticSyntaxError(`bad number at ${pos}`);
    return { kind: 'number', text: m[0], value: decimalToFraction(m[0]) };
  };

  const product = (): ArithmeticNode => {
    let left = primary();
    for (;;) {
      skipSpace();
      const ch = source[pos];
      if ((ch === '*' || ch === '/') && source[pos + 1] !== ch) {
        pos++;
        left = { kind: 'binary', op: ch, left, right: primary() };
      } else if (ch === '*' || ch === '/') {
        throw new ArithmeticSyntaxError(`"${ch}${ch}" is not allowed`);
      } else return left;
    }
  };

  const sum = (): ArithmeticNode => {
    let left = product();
    for (;;) {
      skipSpace();
      const ch = source[pos];
      if (ch === '+' || ch === '-') {
        pos++;
        left = { kind: 'binary', op: ch, left, right: product() };
      } else return left;
    }
  };

  const tree = sum();
  skipSpace();
  if (pos !== source.length) throw new ArithmeticSyntaxError(`unexpected ${JSON.stringify(source[pos])} at ${pos}`);
  return tree;
}

/** Evaluates a parsed expression exactly; throws ArithmeticError on division by zero (Python's ZeroDivisionError). */
export function evaluateArithmetic(node: ArithmeticNode): Fraction {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'unary': {
      const v = evaluateArithmetic(node.operand);
      return node.op === '-' ? v.neg() : v;
    }
    case 'binary': {
      const l = evaluateArithmetic(node.left);
      const r = evaluateArithmetic(node.right);
      if (node.op === '+') return l.add(r);
      if (node.op === '-') return l.sub(r);
      if (node.op === '*') return l.mul(r);
      return l.div(r);
    }
  }
}

/** The number literals of an expression, in order of appearance (as written). */
export function numberLiterals(node: ArithmeticNode, into: string[] = []): string[] {
  if (node.kind === 'number') into.push(node.text);
  else if (node.kind === 'unary') numberLiterals(node.operand, into);
  else {
    numberLiterals(node.left, into);
    numberLiterals(node.right, into);
  }
  return into;
}

/** Parse and evaluate in one step. */
export function evalArithmetic(source: string): Fraction {
  return evaluateArithmetic(parseArithmetic(source));
}
