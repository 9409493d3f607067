// Splits a normalised LaTeX answer into tokens the way latex2sympy2_extended's grammar (PS.g4) does: the longest
// token wins, spacing commands are dropped, a letter is one symbol (`xy` is x·y), `e` is Euler's number and `E`
// a symbol, `\text{...}` and other accents are one token, `50\%` is one percent number, `^\circ` one degree mark.
// Anything the grammar has no token for (an unknown command, a stray character) makes the answer unreadable.

export type TokenType =
  | 'num' | 'pct' | 'enum' | 'letter' | 'greek' | 'other' | 'accent' | 'diff' | 'e' | 'E' | 'infty'
  | 'op' | 'cmd' | 'func' | 'rel' | 'set' | 'degree' | 'transpose' | 'matbegin' | 'matend';

export interface Token {
  type: TokenType;
  /** The token's own text (for 'op', 'cmd', 'rel' and 'func', a canonical name such as "(", "frac", "<=", "sin"). */
  text: string;
  /** The characters it was read from (a subscript's name is spelled with them). */
  raw: string;
}

const SKIPPED = ['\\thinspace', '\\medspace', '\\thickspace', '\\negthinspace', '\\negmedspace', '\\negthickspace', '\\qquad', '\\quad', '\\vrule', '\\vcenter', '\\vbox', '\\vskip', '\\vspace', '\\hfil', '\\,', '\\:', '\\;', '\\!', '\\$'];

const GREEK = [
  'alpha', 'beta', 'gamma', 'Gamma', 'delta', 'Delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'Theta', 'vartheta', 'iota',
  'kappa', 'lambda', 'Lambda', 'mu', 'nu', 'xi', 'Xi', 'omicron', 'pi', 'Pi', 'varpi', 'rho', 'varrho', 'sigma', 'Sigma', 'varsigma',
  'tau', 'upsilon', 'Upsilon', 'phi', 'Phi', 'varphi', 'chi', 'psi', 'Psi', 'omega', 'Omega',
];
const GREEK_UNICODE: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', Γ: 'Gamma', δ: 'delta', Δ: 'Delta', ε: 'epsilon', ϵ: 'varepsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  Θ: 'Theta', ϑ: 'vartheta', ι: 'iota', κ: 'kappa', λ: 'lambda', Λ: 'Lambda', μ: 'mu', ν: 'nu', ξ: 'xi', Ξ: 'Xi', ο: 'omicron', π: 'pi',
  Π: 'Pi', ϖ: 'varpi', ρ: 'rho', ϱ: 'varrho', σ: 'sigma', Σ: 'Sigma', ς: 'varsigma', τ: 'tau', υ: 'upsilon', Υ: 'Upsilon', φ: 'phi',
  Φ: 'Phi', ϕ: 'varphi', χ: 'chi', ψ: 'psi', Ψ: 'Psi', ω: 'omega', Ω: 'Omega',
};
const OTHER_SYMBOLS = [
  'Bbbk', 'wp', 'nabla', 'bigstar', 'angle', 'nexists', 'diagdown', 'measuredangle', 'eth', 'diagup', 'sphericalangle', 'clubsuit',
  'varnothing', 'Diamond', 'complement', 'diamondsuit', 'imath', 'Finv', 'triangledown', 'heartsuit', 'jmath', 'Game', 'triangle',
  'spadesuit', 'ell', 'hbar', 'vartriangle', 'hslash', 'blacklozenge', 'lozenge', 'blacksquare', 'mho', 'blacktriangle', 'sharp', 'prime',
  'Im', 'flat', 'square', 'backprime', 'Re', 'natural', 'surd', 'circledS',
];
const ACCENTS = [
  'acute', 'bar', 'overline', 'breve', 'check', 'widecheck', 'dot', 'ddot', 'grave', 'hat', 'tilde', 'widetilde', 'vec', 'overrightarrow',
  'bm', 'boldsymbol', 'text', 'textit', 'textbf', 'textnormal', 'mathbb', 'mathbin', 'mathbf', 'mathcal', 'mathclap', 'mathclose',
  'mathellipsis', 'mathfrak', 'mathinner', 'mathit', 'mathnormal', 'mathop', 'mathopen', 'mathord', 'mathpunct', 'mathrel', 'mathring',
  'mathrlap', 'mathrm', 'mathscr', 'mathsf', 'mathsterling', 'mathtt', 'mbox',
];
const FUNCTIONS = [
  'log', 'ln', 'exp', 'sin', 'cos', 'tan', 'csc', 'sec', 'cot', 'arcsin', 'arccos', 'arctan', 'arccsc', 'arcsec', 'arccot', 'sinh', 'cosh',
  'tanh', 'arsinh', 'arcosh', 'artanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil', 'det', 'gcd', 'lcm', 'max', 'min', 'sqrt',
  'operatorname', 'int', 'sum', 'prod', 'lim',
];
/** Commands with a fixed meaning, by the name the parser uses. */
const COMMANDS: Readonly<Record<string, [TokenType, string]>> = {
  '\\(': ['op', '\\('], '\\)': ['op', '\\)'], '\\{': ['op', '\\{'], '\\}': ['op', '\\}'], '\\|': ['op', '||'],
  '\\lgroup': ['op', '('], '\\rgroup': ['op', ')'], '\\lbrace': ['op', '\\{'], '\\rbrace': ['op', '\\}'], '\\lbrack': ['op', '['],
  '\\rbrack': ['op', ']'], '\\lvert': ['op', '|'], '\\rvert': ['op', '|'], '\\vert': ['op', '|'], '\\langle': ['op', 'langle'],
  '\\rangle': ['op', 'rangle'], '\\lfloor': ['op', 'lfloor'], '\\rfloor': ['op', 'rfloor'], '\\lceil': ['op', 'lceil'],
  '\\rceil': ['op', 'rceil'], '\\llcorner': ['op', 'lfloor'], '\\lrcorner': ['op', 'rfloor'], '\\ulcorner': ['op', 'lceil'],
  '\\urcorner': ['op', 'rceil'], '\\phantom': ['cmd', 'phantom'], '\\boxed': ['cmd', 'boxed'], '\\times': ['op', '*'], '\\cdot': ['op', '*'],
  '\\div': ['op', '/'], '\\over': ['op', '/'], '\\frac': ['cmd', 'frac'], '\\dfrac': ['cmd', 'frac'], '\\tfrac': ['cmd', 'frac'],
  '\\cfrac': ['cmd', 'frac'], '\\binom': ['cmd', 'binom'], '\\tbinom': ['cmd', 'binom'], '\\dbinom': ['cmd', 'binom'],
  '\\choose': ['cmd', 'choose'], '\\mod': ['op', 'mod'], '\\exponentialE': ['e', 'e'], '\\infty': ['infty', 'oo'],
  '\\partial': ['other', 'partial'], '\\in': ['rel', 'in'], '\\notin': ['rel', 'notin'], '\\equiv': ['rel', '=='],
  '\\approx': ['rel', 'approx'], '\\lt': ['rel', '<'], '\\leq': ['rel', '<='], '\\le': ['rel', '<='], '\\leqslant': ['rel', '<='],
  '\\gt': ['rel', '>'], '\\geq': ['rel', '>='], '\\ge': ['rel', '>='], '\\geqslant': ['rel', '>='], '\\ne': ['rel', '!='],
  '\\neq': ['rel', '!='], '\\cup': ['op', 'cup'], '\\cap': ['op', 'cap'], '\\setminus': ['op', 'setminus'], '\\pm': ['op', 'pm'],
  '\\mp': ['op', 'pm'], '\\emptyset': ['set', 'Empty'], '\\subseteq': ['rel', 'subset'], '\\supseteq': ['rel', 'supset'],
  '\\mathbb{N}': ['set', 'Naturals'], '\\mathbb{Z}': ['set', 'Integers'], '\\mathbb{Q}': ['set', 'Rationals'],
  '\\mathbb{R}': ['set', 'Reals'], '\\mathbb{C}': ['set', 'Complexes'], '\\mathbb{P}': ['set', 'Primes'],
};
const SINGLE: Readonly<Record<string, [TokenType, string]>> = {
  '+': ['op', '+'], '∔': ['op', '+'], '⊕': ['op', '+'], '⊞': ['op', '+'], '-': ['op', '-'], '−': ['op', '-'], '∸': ['op', '-'],
  '*': ['op', '*'], '×': ['op', '*'], '⋅': ['op', '*'], '∗': ['op', '*'], '∙': ['op', '*'], '/': ['op', '/'], '÷': ['op', '/'],
  '∕': ['op', '/'], '(': ['op', '('], ')': ['op', ')'], '{': ['op', '{'], '}': ['op', '}'], '[': ['op', '['], ']': ['op', ']'],
  '|': ['op', '|'], '_': ['op', '_'], '^': ['op', '^'], ':': ['op', ':'], ';': ['op', ';'], ',': ['op', ','], '&': ['op', '&'],
  '!': ['op', '!'], '=': ['rel', '='], '<': ['rel', '<'], '>': ['rel', '>'], '≤': ['rel', '<='], '≥': ['rel', '>='], '≠': ['rel', '!='],
  '≈': ['rel', 'approx'], '∈': ['rel', 'in'], '∉': ['rel', 'notin'], '∪': ['op', 'cup'], '∩': ['op', 'cap'], '∖': ['op', 'setminus'],
  '±': ['op', 'pm'], '∓': ['op', 'pm'], '∅': ['set', 'Empty'], 'ℕ': ['set', 'Naturals'], 'ℤ': ['set', 'Integers'],
  'ℚ': ['set', 'Rationals'], 'ℝ': ['set', 'Reals'], 'ℂ': ['set', 'Complexes'], '⊆': ['rel', 'subset'], '⊇': ['rel', 'supset'],
  '≡': ['rel', '='],
};
const LONG_OPS: ReadonlyArray<[string, TokenType, string]> = [
  ['==', 'rel', '=='], ['<=', 'rel', '<='], ['>=', 'rel', '>='], ['!=', 'rel', '!='], ['~=', 'rel', 'approx'], ['\\\\', 'op', 'row'],
];
/** Every backslash command the grammar knows, longest first: [literal, token type, name]. */
const COMMAND_LITERALS: ReadonlyArray<readonly [string, TokenType, string]> = [
  ...Object.entries(COMMANDS).map(([literal, [type, name]]) => [literal, type, name] as const),
  ...ACCENTS.map((a) => [`\\${a}`, 'accent' as TokenType, a] as const),
  ...GREEK.map((g) => [`\\${g}`, 'greek' as TokenType, g] as const),
  ...OTHER_SYMBOLS.map((o) => [`\\${o}`, 'other' as TokenType, o] as const),
  ...FUNCTIONS.map((f) => [`\\${f}`, 'func' as TokenType, f] as const),
].sort((a, b) => b[0].length - a[0].length);

function longestCommand(text: string, at: number): readonly [string, TokenType, string] | undefined {
  return COMMAND_LITERALS.find(([literal]) => text.startsWith(literal, at));
}

const DEGREE = /^\^(?:\\circ|\\degree|\\circle|°|\{\\circ\}|\{\\degree\}|\{\\circle\}|\{°\})/;
const TRANSPOSE = /^\^(?:T(?![a-zA-Z])|\{T\}|\{\\top\})/;
const NUMBER = /^(?:\d*\.\d+|\d+)/;
const MATRIX = /^\\(begin|end)\{(matrix|pmatrix|bmatrix|vmatrix|array)\}(?:\{[clr]*\})?/;

/** Whether a known command longer than `length` starts at `at` (\\quad must not eat the start of \\qquad). */
function longerCommandAt(text: string, at: number, length: number): boolean {
  const command = longestCommand(text, at);
  return command !== undefined && command[0].length > length;
}

export class LatexSyntaxError extends Error {}

/** The tokens of `text`; throws LatexSyntaxError where the grammar has no token. */
export function tokenize(text: string): Token[] {
  const out: Omit<Token, 'raw'>[] = [];
  let i = 0;
  const starts: number[] = [];
  const rest = () => text.slice(i, i + 64);
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    const skipped = SKIPPED.find((s) => text.startsWith(s, i) && !longerCommandAt(text, i, s.length));
    if (skipped) {
      i += skipped.length;
      continue;
    }
    const head = rest();
    starts.push(i);
    let m: RegExpExecArray | null;
    if ((m = DEGREE.exec(head))) {
      out.push({ type: 'degree', text: m[0] });
      i += m[0].length;
      continue;
    }
    if ((m = TRANSPOSE.exec(head))) {
      out.push({ type: 'transpose', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/\d|\./.test(c) && (m = NUMBER.exec(text.slice(i, i + 4302)))) {
      const digits = m[0];
      // Python's int() reads at most 4,300 digits: a longer number makes the answer unreadable, as in sympy.
      if (digits.length > 4300) throw new LatexSyntaxError('a number of more than 4,300 digits');
      let j = i + digits.length;
      const pct = /^\s?(?:\\%|%)/.exec(text.slice(j, j + 3));
      const enot = /^E[+-]?\d+/.exec(text.slice(j, j + 24));
      if (pct) {
        out.push({ type: 'pct', text: digits });
        j += pct[0].length;
      } else if (enot) {
        out.push({ type: 'enum', text: digits + enot[0] });
        j += enot[0].length;
      } else out.push({ type: 'num', text: digits });
      i = j;
      continue;
    }
    const long = LONG_OPS.find(([s]) => text.startsWith(s, i));
    if (long) {
      out.push({ type: long[1], text: long[2] });
      i += long[0].length;
      continue;
    }
    if (c === '\\') {
      if ((m = MATRIX.exec(head))) {
        out.push({ type: m[1] === 'begin' ? 'matbegin' : 'matend', text: m[2] });
        i += m[0].length;
        continue;
      }
      // Commands are literal tokens: the longest one the text starts with wins (\quadx is \quad then x).
      const command = longestCommand(text, i);
      if (!command) throw new LatexSyntaxError(`unknown command ${/^\\[a-zA-Z]*/.exec(head)?.[0] ?? head.slice(0, 2)}`);
      const [literal, type, name] = command;
      if (type === 'accent') {
        let j = i + literal.length;
        if (/\s/.test(text[j] ?? '')) j++;
        if (text[j] !== '{') throw new LatexSyntaxError(`${literal} without a braced argument`);
        let k = j + 1;
        while (k < text.length && text[k] !== '}') k += text[k] === '\\' && text[k + 1] === '}' ? 2 : 1;
        if (k >= text.length) throw new LatexSyntaxError(`unclosed ${literal}{`);
        out.push({ type: 'accent', text: `${name}{${text.slice(j + 1, k)}}` });
        i = k + 1;
        continue;
      }
      out.push({ type, text: name });
      i += literal.length;
      // Greek letters and other symbols take one following space with them, as the grammar's tokens do.
      if ((type === 'greek' || type === 'other') && text[i] === ' ') i++;
      continue;
    }
    if (GREEK_UNICODE[c]) {
      out.push({ type: 'greek', text: GREEK_UNICODE[c] });
      i++;
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      // A "d" followed by a letter is one token (the grammar's DIFFERENTIAL), as in dx.
      const diff = c === 'd' ? /^d\s*?([a-zA-Z])/.exec(head) : null;
      if (diff) {
        out.push({ type: 'diff', text: `d${diff[1]}` });
        i += diff[0].length;
      } else {
        out.push({ type: c === 'e' ? 'e' : c === 'E' ? 'E' : 'letter', text: c });
        i++;
      }
      continue;
    }
    const single = SINGLE[c];
    if (single) {
      out.push({ type: single[0], text: single[1] });
      i++;
      continue;
    }
    throw new LatexSyntaxError(`unexpected character ${JSON.stringify(c)}`);
  }
  return out.map((tok, n) => ({ ...tok, raw: text.slice(starts[n], n + 1 < starts.length ? starts[n + 1] : text.length).trim() }));
}
