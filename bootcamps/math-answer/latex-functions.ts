// Functions in a LaTeX answer as latex2sympy2_extended reads them: \sin x and \sin(x), powers and
// subscripts on the name (\sin^2 x, \log_2 8; \sin^{-1} is arcsin), \ln (base e) and \log (base 10), \sqrt[n]{},
// \max/\min/\gcd/\lcm with several arguments, \operatorname{...}, \sum_{k=a}^{b} and \prod, an undefined f(x)
// (a letter before a one-atom or comma-separated argument list), and matrices.
import { LatexSyntaxError, type Token } from './latex-lexer.ts';
import { fn, num, ONE, pow, type Node } from './nodes.ts';
import { accentText, fraction } from './latex-atoms.ts';
import type { ExprReader } from './latex-expr.ts';

const MULTI_ARG = new Set(['gcd', 'lcm', 'max', 'min']);
const OPERATOR_NAMES_SINGLE = new Set(['arsinh', 'arcosh', 'artanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil']);
export const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']', '\\{': '\\}', '\\(': '\\)' };

export function undefinedFunctionCall(x: ExprReader): Node {
  const tok = x.c.peek()!;
  if (tok.type !== 'letter' && tok.type !== 'greek' && tok.type !== 'other' && tok.type !== 'accent') throw new LatexSyntaxError('not a function');
  x.c.pos++;
  let name = tok.type === 'accent' ? accentText(tok.text) : tok.text;
  if (x.c.at('_')) name += x.subscriptText();
  let power: Node | undefined;
  if (x.c.take('^')) power = x.supArgument();
  const braced = x.c.take('{');
  const open = x.c.take('(') ? '(' : x.c.take('[') ? '[' : undefined;
  if (!open) throw new LatexSyntaxError('not a function call');
  const args: Node[] = [];
  do args.push(x.expr());
  while (x.c.take(','));
  x.c.expect(CLOSERS[open]);
  if (braced) x.c.expect('}');
  const single = args.length === 1 && (args[0].k === 'num' || args[0].k === 'sym' || args[0].k === 'const' || args[0].k === 'pct');
  if (args.length === 1 && !single) throw new LatexSyntaxError('a product, not a call');
  const call = fn(name.toLowerCase(), args);
  return power ? pow(call, power) : call;
}

export function namedFunction(x: ExprReader, tok: Token): Node {
  x.c.pos++;
  if (tok.type === 'e') {
    if (x.c.at('^')) {
      x.c.pos++;
      return fn('exp', [x.supArgument()]);
    }
    return { k: 'const', name: 'E' };
  }
  let name = tok.text;
  if (name === 'sqrt') {
    let root: Node | undefined;
    if (x.c.take('[')) root = x.group('[');
    x.c.expect('{');
    const base = x.group('{');
    return pow(base, root ? fraction(ONE, root) : num(1n, 2n));
  }
  if (name === 'operatorname') {
    const inner = x.c.peek();
    x.c.expect('{');
    const parts: string[] = [];
    while (!x.c.done && !x.c.at('}')) parts.push(x.c.tokens[x.c.pos++].raw);
    x.c.expect('}');
    name = parts.join('');
    if (!inner) throw new LatexSyntaxError('empty operatorname');
    if (!OPERATOR_NAMES_SINGLE.has(name) && !MULTI_ARG.has(name)) return applied(x, `op:${name}`);
  }
  if (name === 'sum' || name === 'prod') return bigOperator(x, name === 'sum' ? 'Sum' : 'Product');
  if (name === 'int' || name === 'lim') throw new LatexSyntaxError(`\\${name} is not read`);
  return applied(x, name);
}

/** \\sum_{k=a}^{b} body and \\prod: Sum(body, k, a, b), worked out when the bounds are small integers. */
function bigOperator(x: ExprReader, name: 'Sum' | 'Product'): Node {
  let index: Node | undefined;
  let lo: Node | undefined;
  let hi: Node | undefined;
  for (let k = 0; k < 2; k++) {
    if (!index && x.c.take('_')) {
      x.c.expect('{');
      index = x.expr();
      if (!x.c.take('=') && !x.c.take('==')) throw new LatexSyntaxError(`\\${name} without k = start`);
      lo = x.expr();
      x.c.expect('}');
    } else if (!hi && x.c.take('^')) hi = x.supArgument();
  }
  if (!index || index.k !== 'sym' || !lo || !hi) throw new LatexSyntaxError(`\\${name} without both bounds`);
  const body = x.c.nest(() => x.mp(false));
  return fn(name, [body, index, lo, hi]);
}

/** A named function's sub/superscripts and argument, then the node latex2sympy builds for it. */
function applied(x: ExprReader, name: string): Node {
  let sub: Node | undefined;
  let sup: Node | undefined;
  for (let k = 0; k < 2; k++) {
    if (!sub && x.c.take('_')) sub = x.supArgument();
    else if (!sup && x.c.take('^')) sup = x.supArgument();
  }
  let args: Node[];
  if (x.c.take('(')) {
    args = [x.expr()];
    while (MULTI_ARG.has(name) && x.c.take(',')) args.push(x.expr());
    x.c.expect(')');
  } else args = [x.c.nest(() => x.mp(true))];
  const arg = args[0];
  let e: Node;
  if (name.startsWith('op:')) e = fn(name.slice(3), args);
  else if (name === 'log' || name === 'ln') e = fn('log', [arg, sub ?? (name === 'ln' ? { k: 'const', name: 'E' } : num(10n))]);
  else if (name === 'ceil') e = fn('ceiling', [arg]);
  else if (name === 'gamma' || name === 'Gamma') e = fn('gamma', [arg]);
  else if (/^arc(sin|cos|tan|csc|sec|cot)$/.test(name)) e = fn(`a${name.slice(3)}`, [arg]);
  else if (/^ar(c?)(sinh|cosh|tanh)$/.test(name)) e = fn(`a${name.replace(/^arc?/, '')}`, [arg]);
  else if (/^(sin|cos|tan|csc|sec|cot|sinh|cosh|tanh)$/.test(name) && sup && sup.k === 'num' && sup.v.p === -1n && sup.v.q === 1n) {
    e = fn(`a${name}`, [arg]);
    sup = undefined;
  } else if (name === 'max' || name === 'min') e = fn(name === 'max' ? 'Max' : 'Min', args);
  else if (name === 'det') throw new LatexSyntaxError('\\det of a non-matrix');
  else e = fn(name, args);
  return sup ? pow(e, sup) : e;
}

export function matrix(x: ExprReader, kind: string): Node {
  x.c.pos++;
  const rows: Node[][] = [[]];
  for (;;) {
    rows[rows.length - 1].push(x.expr());
    if (x.c.take('&')) continue;
    if (x.c.take('row')) {
      if (x.c.peek()?.type === 'matend') break;
      rows.push([]);
      continue;
    }
    break;
  }
  const end = x.c.peek();
  if (end?.type !== 'matend' || end.text !== kind) throw new LatexSyntaxError('unclosed matrix');
  x.c.pos++;
  if (kind === 'vmatrix') throw new LatexSyntaxError('determinants are not read');
  if (rows.some((r) => r.length !== rows[0].length)) throw new LatexSyntaxError('ragged matrix');
  return { k: 'matrix', rows };
}

