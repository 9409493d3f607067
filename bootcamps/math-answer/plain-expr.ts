// A plain arithmetic answer such as "1/2", "3*(4+5)" or "2^10", read as sympy's parse_expr reads what
// Math-Verify hands it: Python syntax with ^ as **, which binds right to left and tighter than a sign
// (-2^2 = -4), decimals as floats, and no implicit products (2(3) and "1 2" do not read, nor × or ÷).
import { decimalRational, rat } from '../shared/sympy-lite/expr.ts';
import { addFlat, mul, mulFlat, MINUS_ONE, negate, pow, type Node } from './nodes.ts';

const TOKEN = /\s*(\d+\.\d*|\.\d+|\d+|\*\*|[-+*/()^]|\S)/y;
const MAX_DEPTH = 100;

export function readPlainExpression(text: string): Node | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) tokens.push(m[1] === '^' ? '**' : m[1]);
  if (text.slice(TOKEN.lastIndex).trim() !== '') return undefined;
  let k = 0;
  let depth = 0;
  const fail = (): never => {
    throw new SyntaxError('not a plain expression');
  };
  const sum = (): Node => {
    let left = term();
    while (tokens[k] === '+' || tokens[k] === '-') {
      const op = tokens[k++];
      const right = term();
      left = addFlat(left, op === '+' ? right : right.k === 'num' ? negate(right) : mulFlat(MINUS_ONE, right));
    }
    return left;
  };
  const term = (): Node => {
    let left = unary();
    while (tokens[k] === '*' || tokens[k] === '/') {
      const op = tokens[k++];
      const right = unary();
      left = op === '*' ? mulFlat(left, right) : mul([left, pow(right, MINUS_ONE)]);
    }
    return left;
  };
  const unary = (): Node => {
    if (tokens[k] === '-') {
      k++;
      const inner = unary();
      return inner.k === 'num' ? negate(inner) : mulFlat(MINUS_ONE, inner);
    }
    if (tokens[k] === '+') {
      k++;
      return unary();
    }
    return power();
  };
  const power = (): Node => {
    const base = atom();
    return tokens[k] === '**' ? (k++, pow(base, unary())) : base;
  };
  const atom = (): Node => {
    const tok = tokens[k++];
    if (tok === undefined) return fail();
    if (tok === '(') {
      if (++depth > MAX_DEPTH) fail();
      const e = sum();
      depth--;
      if (tokens[k++] !== ')') fail();
      return e;
    }
    if (/^\d+$/.test(tok)) return { k: 'num', v: rat(BigInt(tok)) };
    if (/^(\d+\.\d*|\.\d+)$/.test(tok)) {
      const v = decimalRational(tok.endsWith('.') ? `${tok}0` : tok);
      return { k: 'num', v: rat(v.p, v.q), float: tok };
    }
    return fail();
  };
  try {
    const e = sum();
    return k === tokens.length ? e : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
