// Reads answer strings the way the references' sympy calls do, into expr.ts trees. Two modes:
// - 'sympify': sympify(s) — Python expression syntax, `^` as `**`, `x!` as factorial, unknown names as
//   symbols (or undefined functions when called); anything else Python or sympy would refuse (2x, a set,
//   a comparison, a keyword) throws.
// - 'all': parse_expr(s, transformations='all') — also splits unknown multi-letter names into one symbol per
//   letter (cosx → c*o*s*x), multiplies what stands side by side (2x, x(x+1), )(), reads sin^2(x) as
//   sin(x)**2, and makes decimals exact.
import { KNOWN_FUNCTIONS, div, int, neg, rationalize, type Expr } from './expr.ts';

type Token = { t: 'num'; text: string } | { t: 'name'; text: string } | { t: 'op'; text: string };

const NUMBER = /(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const OPS = ['**', '//', '+', '-', '*', '/', '%', '^', '(', ')', ',', '!', '{', '}', '[', ']', '=', '<', '>', '.', ':'];
const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'else', 'lambda', 'for', 'in', 'is', 'None', 'True', 'False', 'def', 'return', 'import', 'from', 'while', 'class', 'with', 'as', 'del', 'pass', 'yield', 'await', 'async', 'global', 'try', 'except', 'raise']);
const CONSTANTS: Readonly<Record<string, Extract<Expr, { kind: 'const' }>['name']>> = { pi: 'pi', E: 'E', I: 'I', oo: 'oo', zoo: 'zoo', nan: 'nan' };
/** Names in sympy's namespace that are objects, not symbols, and would make arithmetic fail. */
const NAMESPACE_OBJECTS = new Set(['S', 'N', 'O', 'Q', 'C', 'Symbol', 'Integer', 'Rational', 'Float', 'Function', 'Matrix', 'Eq', 'solve', 'simplify', 'integrate', 'diff', 'limit', 'Sum', 'Integral', 'Derivative']);
const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lamda', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega']);

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    let m = NUMBER.exec(s);
    if (m && m[0].length > 0) {
      out.push({ t: 'num', text: m[0] });
      i += m[0].length;
      continue;
    }
    NAME.lastIndex = i;
    m = NAME.exec(s);
    if (m) {
      out.push({ t: 'name', text: m[0] });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (!op) throw new SyntaxError(`unexpected character ${JSON.stringify(c)}`);
    // Sets, lists and subscripts never make an expression sympy can subtract: refused at once, however long.
    if (op === '[' || op === ']' || op === '{' || op === '}') throw new SyntaxError(`${op} is not supported`);
    out.push({ t: 'op', text: op === '^' ? '**' : op });
    i += op.length;
  }
  return out;
}

const isSymbolName = (text: string) => !KEYWORDS.has(text) && !(text in CONSTANTS) && !KNOWN_FUNCTIONS.has(text) && !NAMESPACE_OBJECTS.has(text);

/** split_symbols: an unknown name of several letters, without "_" and not a Greek letter's name, letter by letter. */
function splitName(text: string): Token[] {
  if (!isSymbolName(text) || text.length < 2 || text.includes('_') || GREEK.has(text)) return [{ t: 'name', text }];
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text[i])) {
      let j = i;
      while (j + 1 < text.length && /\d/.test(text[j + 1])) j++;
      out.push({ t: 'num', text: text.slice(i, j + 1) });
      i = j;
    } else out.push({ t: 'name', text: text[i] });
  }
  return out;
}

/** The token rewrites of transformations='all': split names, function exponents, implicit products. */
function applyAllTransformations(tokens: Token[]): Token[] {
  const split = tokens.flatMap((tok) => (tok.t === 'name' ? splitName(tok.text) : [tok]));
  // sin**2(x) → sin(x)**2: the exponent moves behind the call's closing parenthesis.
  const moved: Token[] = [];
  for (let k = 0; k < split.length; k++) {
    const tok = split[k];
    if (tok.t === 'name' && KNOWN_FUNCTIONS.has(tok.text) && split[k + 1]?.text === '**' && split[k + 2]?.t === 'num' && split[k + 3]?.text === '(') {
      let depth = 0;
      let end = k + 3;
      for (; end < split.length; end++) {
        if (split[end].text === '(') depth++;
        else if (split[end].text === ')' && --depth === 0) break;
      }
      moved.push(tok, ...split.slice(k + 3, end + 1), { t: 'op', text: '**' }, split[k + 2]);
      k = end;
    } else moved.push(tok);
  }
  const endsOperand = (tok: Token) => tok.t === 'num' || (tok.t === 'name' && !KNOWN_FUNCTIONS.has(tok.text)) || tok.text === ')' || tok.text === '!';
  const startsOperand = (tok: Token) => tok.t === 'num' || tok.t === 'name' || tok.text === '(';
  const out: Token[] = [];
  for (const tok of moved) {
    const prev = out[out.length - 1];
    if (prev && endsOperand(prev) && startsOperand(tok)) out.push({ t: 'op', text: '*' });
    out.push(tok);
  }
  return out;
}

/** Python's tokenizer refuses more than 200 nested parentheses. */
const MAX_NESTING = 200;

class Parser {
  private k = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.k];
  }
  private take(text: string): boolean {
    if (this.peek()?.text === text && this.peek()?.t === 'op') {
      this.k++;
      return true;
    }
    return false;
  }

  parse(): Expr {
    const e = this.sum();
    if (this.k < this.tokens.length) throw new SyntaxError(`unexpected ${JSON.stringify(this.peek()!.text)}`);
    return e;
  }

  private sum(): Expr {
    const args = [this.term()];
    for (;;) {
      if (this.take('+')) args.push(this.term());
      else if (this.take('-')) args.push(neg(this.term()));
      else break;
    }
    return args.length === 1 ? args[0] : { kind: 'add', args };
  }

  private term(): Expr {
    let e = this.unary();
    for (;;) {
      if (this.take('*')) e = { kind: 'mul', args: [e, this.unary()] };
      else if (this.take('/')) e = div(e, this.unary());
      else if (this.peek()?.text === '//' || this.peek()?.text === '%') throw new SyntaxError('floor division and Mod are not supported');
      else return e;
    }
  }

  private unary(): Expr {
    if (this.take('-')) return neg(this.unary());
    if (this.take('+')) return this.unary();
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    // ** binds to the right and takes a signed operand: 2**-1, x**2**3 = x**(2**3).
    return this.take('**') ? { kind: 'pow', base, exp: this.unary() } : base;
  }

  private postfix(): Expr {
    let e = this.atom();
    while (this.take('!')) {
      if (this.peek()?.text === '!') throw new SyntaxError('double factorial is not supported');
      e = { kind: 'call', name: 'factorial', args: [e] };
    }
    return e;
  }

  private atom(): Expr {
    const tok = this.tokens[this.k++];
    if (!tok) throw new SyntaxError('unexpected end');
    if (tok.t === 'num') return number(tok.text);
    if (tok.t === 'name') {
      if (KEYWORDS.has(tok.text) || NAMESPACE_OBJECTS.has(tok.text)) throw new SyntaxError(`${tok.text} is not an expression`);
      if (tok.text in CONSTANTS) return { kind: 'const', name: CONSTANTS[tok.text] };
      if (this.peek()?.text === '(') {
        this.k++;
        const args: Expr[] = [];
        if (++this.depth > MAX_NESTING) throw new SyntaxError('too many nested parentheses');
        if (!this.take(')')) {
          do args.push(this.sum());
          while (this.take(','));
          if (!this.take(')')) throw new SyntaxError('missing )');
        }
        this.depth--;
        if (tok.text === 'E' || tok.text === 'I') throw new SyntaxError(`${tok.text} is not callable`);
        return { kind: 'call', name: tok.text, args };
      }
      if (KNOWN_FUNCTIONS.has(tok.text)) throw new SyntaxError(`${tok.text} without arguments`);
      return { kind: 'sym', name: tok.text };
    }
    if (tok.text === '(') {
      if (++this.depth > MAX_NESTING) throw new SyntaxError('too many nested parentheses');
      const e = this.sum();
      this.depth--;
      if (this.take(',')) throw new SyntaxError('a tuple is not an expression');
      if (!this.take(')')) throw new SyntaxError('missing )');
      return e;
    }
    throw new SyntaxError(`unexpected ${JSON.stringify(tok.text)}`);
  }
}

function number(text: string): Expr {
  if (/[jJ]$/.test(text)) return { kind: 'mul', args: [number(text.slice(0, -1)), { kind: 'const', name: 'I' }] };
  const plain = text.replace(/_/g, '');
  if (/^\d+$/.test(plain)) return int(BigInt(plain));
  return { kind: 'float', text: plain, precBits: floatPrecision(plain) };
}

/** sympy's Float(str) precision: max(15, significant digits) decimal digits, in bits as mpmath's dps_to_prec. */
function floatPrecision(text: string): number {
  const mantissa = text.split(/[eE]/)[0].replace('.', '').replace(/^0+/, '');
  const dps = Math.max(15, mantissa.length || 1);
  return Math.max(1, Math.round((dps + 1) * 3.3219280948873626));
}

export function parseSympy(text: string, mode: 'sympify' | 'all'): Expr {
  let tokens = tokenize(text);
  if (tokens.length === 0) throw new SyntaxError('empty expression');
  if (mode === 'all') tokens = applyAllTransformations(tokens);
  const e = new Parser(tokens).parse();
  return mode === 'all' ? rationalize(e) : e;
}
