// Reads the expression part of latex2sympy2_extended's grammar into nodes: sums, products (`\cdot`, `\times`,
// `/`, `:`, and side by side, which binds tighter than `/`), signs, powers (`2^3^2` is (2^3)^2), `!`, `^\circ`
// (ignored, as Math-Verify reads degrees), groups, |x|, floor and ceil, fractions, binomials, roots, functions
// (`\sin x`, `\log_2 8`, `\ln`, `\max(a, b)`, an undefined f(x)), symbols with subscripts and accents, numbers,
// percent numbers and matrices. Its quirks are kept on purpose, as they decide scores: an integer followed by a
// positive rational is a mixed number (2\frac{1}{2} = 5/2, and so 2(3) = 5), `\log` is base 10, letters are
// lower-cased, `e` is Euler's number, `I` the imaginary unit, and a letter before a one-atom parenthesis is a
// function call (f(x), and x(2) too).
import { tokenize, LatexSyntaxError, type Token } from './latex-lexer.ts';
import { addFlat, fn, MINUS_ONE, mul, mulFlat, negate, num, ONE, pow, sym, type Node } from './nodes.ts';
import { decimalRational, rat } from '../shared/sympy-lite/expr.ts';

/** Parse steps one reading may take and how deep it may nest: answers are short; hostile ones stop here. */
const MAX_STEPS = 200_000;
const MAX_DEPTH = 120;

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']', '\\{': '\\}', '\\(': '\\)' };
const SINGLE_ARG = new Set(['log', 'ln', 'exp', 'sin', 'cos', 'tan', 'csc', 'sec', 'cot', 'arcsin', 'arccos', 'arctan', 'arccsc', 'arcsec', 'arccot', 'sinh', 'cosh', 'tanh', 'arsinh', 'arcosh', 'artanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil', 'det']);
const MULTI_ARG = new Set(['gcd', 'lcm', 'max', 'min']);
const OPERATOR_NAMES_SINGLE = new Set(['arsinh', 'arcosh', 'artanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil']);

const isInteger = (n: Node) => n.k === 'num' && !n.float && n.v.q === 1n;

export class Cursor {
  pos = 0;
  private steps = 0;
  depth = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  at(text: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok !== undefined && (tok.type === 'op' || tok.type === 'cmd' || tok.type === 'rel') && tok.text === text;
  }
  take(text: string): boolean {
    if (!this.at(text)) return false;
    this.pos++;
    return true;
  }
  expect(text: string): void {
    if (!this.take(text)) throw new LatexSyntaxError(`expected ${text}`);
  }
  get done(): boolean {
    return this.pos >= this.tokens.length;
  }
  step(): void {
    if (++this.steps > MAX_STEPS) throw new LatexSyntaxError('answer too complex to read');
  }
  /** Runs `read` and keeps its result, or puts the cursor back and returns undefined when it fails. */
  attempt<T>(read: () => T): T | undefined {
    const start = this.pos;
    const depth = this.depth;
    try {
      return read();
    } catch (error) {
      if (!(error instanceof LatexSyntaxError)) throw error;
      this.pos = start;
      this.depth = depth;
      return undefined;
    }
  }
  nest<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new LatexSyntaxError('answer nested too deeply');
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
}

function numberNode(text: string): Node {
  if (/^\d+$/.test(text)) return num(BigInt(text.replace(/^0+(?=\d)/, '')));
  const [mantissa, exponent] = text.split('E');
  const value = decimalRational(`${mantissa}${exponent !== undefined ? `e${exponent}` : ''}`);
  // A float keeps its own digits; sympy prints 1.5E3 as 1500.0, which only the text shown differs in.
  return { k: 'num', v: rat(value.p, value.q), float: text };
}

/** The symbol an atom's text stands for, as get_symbol makes it: Greek names, pi and gamma as constants, lower case. */
export function symbolFor(text: string): Node {
  const name = text.startsWith('\\') ? text.slice(1) : text;
  const lower = name.toLowerCase();
  if (name === 'pi' || lower === 'pi') return { k: 'const', name: 'pi' };
  if (name === 'gamma' || name === 'Gamma' || lower === 'gamma') return { k: 'const', name: 'EulerGamma' };
  return sym(lower);
}

/** An accent token's symbol text: \bar{x} → bar{x}; \text{(A)} → a; \mathbf{v} → math{v}. */
function accentText(raw: string): string {
  const open = raw.indexOf('{');
  let name = raw.slice(0, open);
  let inner = raw.slice(open + 1, -1).replace(/ /g, '');
  if (name === 'bar' || name === 'overline') name = 'bar';
  else if (name === 'vec' || name === 'overrightarrow') name = 'vec';
  else if (name === 'tilde' || name === 'widetilde') name = 'tilde';
  else if (name.includes('text') || name.includes('mbox')) {
    name = '';
    inner = inner.replace(/[()]/g, '');
  } else if (name.includes('math')) name = 'math';
  return name ? `${name}{${inner}}` : inner;
}

export class ExprReader {
  constructor(readonly c: Cursor) {}

  expr(): Node {
    this.c.step();
    return this.c.nest(() => this.additive());
  }

  private additive(): Node {
    let left = this.mp(false);
    for (;;) {
      if (this.c.take('+')) left = addFlat(left, this.mp(false));
      else if (this.c.take('-')) {
        const right = this.mp(false);
        left = addFlat(left, right.k === 'num' ? negate(right) : mulFlat(MINUS_ONE, right));
      } else return left;
    }
  }

  /** Products and quotients; `noFunc` is the grammar's mp_nofunc, a function's argument written without parentheses. */
  mp(noFunc: boolean): Node {
    let left = this.unary(noFunc);
    for (;;) {
      if (this.c.take('*')) left = mulFlat(left, this.unary(noFunc));
      else if (this.c.take('/') || this.c.take(':')) {
        const right = this.unary(noFunc);
        left = isInteger(left) && isInteger(right) ? divideIntegers(left, right) : mul([left, pow(right, MINUS_ONE)]);
      } else if (this.c.take('mod')) left = fn('Mod', [left, this.unary(noFunc)]);
      else return left;
    }
  }

  private unary(noFunc: boolean): Node {
    this.c.step();
    if (this.c.take('+')) return this.c.nest(() => this.unary(noFunc));
    if (this.c.take('-')) {
      const inner = this.c.nest(() => this.unary(noFunc));
      return inner.k === 'num' ? negate(inner) : mulFlat(MINUS_ONE, inner);
    }
    const items = [this.postfix(false)];
    for (;;) {
      if (!this.startsPostfix()) break;
      const next = this.c.attempt(() => this.postfix(noFunc));
      if (!next) break;
      items.push(next);
    }
    // Folded from the right, as convert_postfix_list multiplies each item by the product of the rest.
    let acc = items[items.length - 1];
    for (let i = items.length - 2; i >= 0; i--) acc = juxtapose(items[i], acc);
    return acc;
  }

  private startsPostfix(): boolean {
    const tok = this.c.peek();
    if (!tok) return false;
    if (tok.type === 'op') return ['(', '{', '[', '\\{', '|', 'lfloor', 'lceil'].includes(tok.text);
    if (tok.type === 'cmd') return tok.text !== 'choose';
    return !['rel', 'degree', 'transpose', 'matend', 'set'].includes(tok.type);
  }

  private postfix(noFunc: boolean): Node {
    let e = this.exp(noFunc);
    for (;;) {
      if (this.c.take('!')) e = fn('factorial', [e]);
      else if (this.c.peek()?.type === 'degree' || this.c.peek()?.type === 'transpose') {
        this.c.pos++;
        if (e.k === 'matrix' && this.c.tokens[this.c.pos - 1].type === 'transpose') e = { k: 'matrix', rows: e.rows[0].map((_x, j) => e.k === 'matrix' ? e.rows.map((r) => r[j]) : []) };
      } else return e;
    }
  }

  private exp(noFunc: boolean): Node {
    let base = this.comp(noFunc);
    while (this.c.peek()?.type !== 'degree' && this.c.peek()?.type !== 'transpose' && this.c.take('^')) {
      const exponent = this.supArgument();
      if (this.c.at('_')) this.subscriptText();
      base = pow(base, exponent);
    }
    return base;
  }

  /** After ^ or _: one atom, or a braced expression. */
  private supArgument(): Node {
    if (this.c.take('{')) {
      const e = this.expr();
      this.c.expect('}');
      return e;
    }
    return this.atom();
  }

  /** A subscript's text as the symbol name carries it: `_1`, `_{10}`. */
  subscriptText(): string {
    this.c.expect('_');
    let text: string;
    if (this.c.take('{')) {
      const start = this.c.pos;
      let depth = 1;
      while (!this.c.done) {
        if (this.c.at('{')) depth++;
        else if (this.c.at('}') && --depth === 0) break;
        this.c.pos++;
      }
      if (this.c.done) throw new LatexSyntaxError('unclosed subscript');
      text = this.c.tokens.slice(start, this.c.pos).map((t) => t.raw).join('');
      this.c.pos++;
    } else {
      const tok = this.c.peek();
      if (!tok || !['num', 'letter', 'greek', 'e', 'E', 'other', 'accent', 'diff'].includes(tok.type)) throw new LatexSyntaxError('bad subscript');
      this.c.pos++;
      text = tok.raw;
    }
    return text.length > 1 ? `_{${text}}` : `_${text}`;
  }

  private group(open: string): Node {
    return this.c.nest(() => {
      const e = this.expr();
      this.c.expect(CLOSERS[open]);
      return e;
    });
  }

  private comp(noFunc: boolean): Node {
    this.c.step();
    const tok = this.c.peek();
    if (!tok) throw new LatexSyntaxError('unexpected end');
    if (tok.type === 'op') {
      if (tok.text in CLOSERS && tok.text !== '\\(') {
        this.c.pos++;
        return this.group(tok.text);
      }
      if (tok.text === '|') {
        this.c.pos++;
        const e = this.c.nest(() => this.expr());
        this.c.expect('|');
        return fn('Abs', [e]);
      }
      if (tok.text === 'lfloor' || tok.text === 'lceil') {
        this.c.pos++;
        const e = this.c.nest(() => this.expr());
        this.c.expect(tok.text === 'lfloor' ? 'rfloor' : 'rceil');
        return fn(tok.text === 'lfloor' ? 'floor' : 'ceiling', [e]);
      }
      throw new LatexSyntaxError(`unexpected ${tok.text}`);
    }
    if (tok.type === 'cmd') {
      this.c.pos++;
      if (tok.text === 'boxed' || tok.text === 'phantom') {
        this.c.expect('{');
        return this.group('{');
      }
      if (tok.text === 'frac' || tok.text === 'binom') {
        this.c.expect('{');
        const top = this.group('{');
        this.c.expect('{');
        const bottom = this.group('{');
        return tok.text === 'frac' ? fraction(top, bottom) : fn('binomial', [top, bottom]);
      }
      throw new LatexSyntaxError(`unexpected \\${tok.text}`);
    }
    if (tok.type === 'func' || tok.type === 'e') {
      if (noFunc) throw new LatexSyntaxError('a function inside a function argument without parentheses');
      return this.func(tok);
    }
    if (tok.type === 'matbegin') return this.matrix(tok.text);
    if (tok.type === 'greek' && tok.text.toLowerCase() === 'gamma' && this.c.at('(', 1)) return this.func(tok);
    if (!noFunc && (tok.type === 'letter' || tok.type === 'greek' || tok.type === 'other' || tok.type === 'accent' || tok.type === 'diff' || tok.type === 'E')) {
      const call = this.c.attempt(() => this.undefinedFunctionCall());
      if (call) return call;
    }
    return this.atom();
  }

  /** f(x), f(a, b), f[x]: a letter (maybe subscripted) before a one-atom or comma-separated argument list. */
  private undefinedFunctionCall(): Node {
    const tok = this.c.peek()!;
    if (tok.type !== 'letter' && tok.type !== 'greek' && tok.type !== 'other' && tok.type !== 'accent') throw new LatexSyntaxError('not a function');
    this.c.pos++;
    let name = tok.type === 'accent' ? accentText(tok.text) : tok.text;
    if (this.c.at('_')) name += this.subscriptText();
    let power: Node | undefined;
    if (this.c.take('^')) power = this.supArgument();
    const braced = this.c.take('{');
    const open = this.c.take('(') ? '(' : this.c.take('[') ? '[' : undefined;
    if (!open) throw new LatexSyntaxError('not a function call');
    const args: Node[] = [];
    do args.push(this.expr());
    while (this.c.take(','));
    this.c.expect(CLOSERS[open]);
    if (braced) this.c.expect('}');
    const single = args.length === 1 && (args[0].k === 'num' || args[0].k === 'sym' || args[0].k === 'const' || args[0].k === 'pct');
    if (args.length === 1 && !single) throw new LatexSyntaxError('a product, not a call');
    const call = fn(name.toLowerCase(), args);
    return power ? pow(call, power) : call;
  }

  private func(tok: Token): Node {
    this.c.pos++;
    if (tok.type === 'e') {
      if (this.c.at('^')) {
        this.c.pos++;
        return fn('exp', [this.supArgument()]);
      }
      return { k: 'const', name: 'E' };
    }
    let name = tok.text;
    if (name === 'sqrt') {
      let root: Node | undefined;
      if (this.c.take('[')) root = this.group('[');
      this.c.expect('{');
      const base = this.group('{');
      return pow(base, root ? fraction(ONE, root) : num(1n, 2n));
    }
    if (name === 'operatorname') {
      const inner = this.c.peek();
      this.c.expect('{');
      const parts: string[] = [];
      while (!this.c.done && !this.c.at('}')) parts.push(this.c.tokens[this.c.pos++].raw);
      this.c.expect('}');
      name = parts.join('');
      if (!inner) throw new LatexSyntaxError('empty operatorname');
      if (!OPERATOR_NAMES_SINGLE.has(name) && !MULTI_ARG.has(name)) return this.applied(`op:${name}`);
    }
    if (name === 'sum' || name === 'prod') return this.bigOperator(name === 'sum' ? 'Sum' : 'Product');
    if (name === 'int' || name === 'lim') throw new LatexSyntaxError(`\\${name} is not read`);
    return this.applied(name);
  }

  /** \\sum_{k=a}^{b} body and \\prod: Sum(body, k, a, b), worked out when the bounds are small integers. */
  private bigOperator(name: 'Sum' | 'Product'): Node {
    let index: Node | undefined;
    let lo: Node | undefined;
    let hi: Node | undefined;
    for (let k = 0; k < 2; k++) {
      if (!index && this.c.take('_')) {
        this.c.expect('{');
        index = this.expr();
        if (!this.c.take('=') && !this.c.take('==')) throw new LatexSyntaxError(`\\${name} without k = start`);
        lo = this.expr();
        this.c.expect('}');
      } else if (!hi && this.c.take('^')) hi = this.supArgument();
    }
    if (!index || index.k !== 'sym' || !lo || !hi) throw new LatexSyntaxError(`\\${name} without both bounds`);
    const body = this.c.nest(() => this.mp(false));
    return fn(name, [body, index, lo, hi]);
  }

  /** A named function's sub/superscripts and argument, then the node latex2sympy builds for it. */
  private applied(name: string): Node {
    let sub: Node | undefined;
    let sup: Node | undefined;
    for (let k = 0; k < 2; k++) {
      if (!sub && this.c.take('_')) sub = this.supArgument();
      else if (!sup && this.c.take('^')) sup = this.supArgument();
    }
    let args: Node[];
    if (this.c.take('(')) {
      args = [this.expr()];
      while (MULTI_ARG.has(name) && this.c.take(',')) args.push(this.expr());
      this.c.expect(')');
    } else args = [this.c.nest(() => this.mp(true))];
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

  private matrix(kind: string): Node {
    this.c.pos++;
    const rows: Node[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.expr());
      if (this.c.take('&')) continue;
      if (this.c.take('row')) {
        if (this.c.peek()?.type === 'matend') break;
        rows.push([]);
        continue;
      }
      break;
    }
    const end = this.c.peek();
    if (end?.type !== 'matend' || end.text !== kind) throw new LatexSyntaxError('unclosed matrix');
    this.c.pos++;
    if (kind === 'vmatrix') throw new LatexSyntaxError('determinants are not read');
    if (rows.some((r) => r.length !== rows[0].length)) throw new LatexSyntaxError('ragged matrix');
    return { k: 'matrix', rows };
  }

  atom(): Node {
    const tok = this.c.peek();
    if (!tok) throw new LatexSyntaxError('unexpected end');
    this.c.pos++;
    switch (tok.type) {
      case 'num': {
        const n = numberNode(tok.text);
        if (this.c.at('_')) this.subscriptText();
        return n;
      }
      case 'enum':
        return numberNode(tok.text);
      case 'pct':
        return { k: 'pct', arg: numberNode(tok.text) };
      case 'infty':
        return { k: 'const', name: 'oo' };
      case 'E':
        return sym('e');
      case 'diff':
        return sym(tok.text);
      case 'letter':
      case 'greek':
      case 'other':
      case 'accent': {
        if (tok.type === 'letter' && tok.text === 'I' && !this.c.at('_') && !this.c.at('^')) return { k: 'const', name: 'I' };
        let text = tok.type === 'accent' ? accentText(tok.text) : tok.text;
        let sup: Node | undefined;
        for (let k = 0; k < 2; k++) {
          if (this.c.at('_') && !text.includes('_')) text += this.subscriptText();
          else if (!sup && this.c.take('^')) sup = this.supArgument();
        }
        const s = tok.type === 'letter' && text === 'I' ? { k: 'const' as const, name: 'I' as const } : symbolFor(text);
        return sup ? pow(s, sup) : s;
      }
      default:
        throw new LatexSyntaxError(`unexpected ${tok.raw}`);
    }
  }
}

/** Rational(a, b) of two integers; a zero denominator gives sympy's complex infinity, zoo. */
function divideIntegers(a: Node, b: Node): Node {
  const x = (a as { v: { p: bigint } }).v.p;
  const y = (b as { v: { p: bigint } }).v.p;
  return y === 0n ? { k: 'const', name: 'zoo' } : { k: 'num', v: rat(x, y) };
}

function fraction(top: Node, bottom: Node): Node {
  if (isInteger(top) && isInteger(bottom)) return divideIntegers(top, bottom);
  return mul([top, pow(bottom, MINUS_ONE)]);
}

/** Two items side by side: a mixed number when an integer meets a positive rational, else their product. */
function juxtapose(left: Node, right: Node): Node {
  if (left.k === 'num' && isInteger(left) && right.k === 'num' && !right.float && right.v.p > 0n) {
    const whole = left.v.p;
    return { k: 'num', v: rat(whole < 0n ? whole * right.v.q - right.v.p : whole * right.v.q + right.v.p, right.v.q) };
  }
  if (left.k === 'matrix' || right.k === 'matrix') return mul([left, right]);
  return mulFlat(left, right);
}

export function tokensOf(latex: string): Cursor {
  return new Cursor(tokenize(latex));
}
