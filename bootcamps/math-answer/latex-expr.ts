// Reads the expression part of latex2sympy2_extended's grammar into nodes: sums, products (`\cdot`, `\times`,
// `/`, `:`, and side by side, which binds tighter than `/`), signs, powers (`2^3^2` is (2^3)^2), `!`, `^\circ`
// (ignored, as Math-Verify reads degrees), groups, |x|, floor and ceil, fractions, binomials, roots, functions
// (`\sin x`, `\log_2 8`, `\ln`, `\max(a, b)`, an undefined f(x)), symbols with subscripts and accents, numbers,
// percent numbers and matrices. Its quirks are kept on purpose, as they decide scores: an integer followed by a
// positive rational is a mixed number (2\frac{1}{2} = 5/2, and so 2(3) = 5), `\log` is base 10, letters are
// lower-cased, `e` is Euler's number, `I` the imaginary unit, and a letter before a one-atom parenthesis is a
// function call (f(x), and x(2) too).
import { LatexSyntaxError } from './latex-lexer.ts';
import { Cursor } from './latex-cursor.ts';
import { addFlat, fn, MINUS_ONE, mul, mulFlat, negate, pow, sym, type Node } from './nodes.ts';
import { accentText, divideIntegers, fraction, isInteger, juxtapose, numberNode, symbolFor } from './latex-atoms.ts';
import { CLOSERS, matrix, namedFunction, undefinedFunctionCall } from './latex-functions.ts';

export { Cursor, tokensOf } from './latex-cursor.ts';
export { symbolFor } from './latex-atoms.ts';

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
  supArgument(): Node {
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

  group(open: string): Node {
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
      return namedFunction(this, tok);
    }
    if (tok.type === 'matbegin') return matrix(this, tok.text);
    if (tok.type === 'greek' && tok.text.toLowerCase() === 'gamma' && this.c.at('(', 1)) return namedFunction(this, tok);
    if (!noFunc && (tok.type === 'letter' || tok.type === 'greek' || tok.type === 'other' || tok.type === 'accent' || tok.type === 'diff' || tok.type === 'E')) {
      const call = this.c.attempt(() => undefinedFunctionCall(this));
      if (call) return call;
    }
    return this.atom();
  }

  /** f(x), f(a, b), f[x]: a letter (maybe subscripted) before a one-atom or comma-separated argument list. */
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
