// A parser for the Python literals that reference verifiers read with ast.literal_eval (lists, tuples, dicts,
// sets, strings, numbers, True/False/None), plus Python's == and repr on the result, so that model output is
// never handed to an evaluator. Python int and float both become JS numbers by default (== does not tell them
// apart); with { keepFloats: true } float literals become PyFloat, for verifiers where the type matters
// (a float used as a list index raises in Python).

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}
export class PyDict {
  constructor(readonly entries: readonly (readonly [PyValue, PyValue])[]) {}
  get(key: PyValue): PyValue | undefined {
    // Later duplicates win, as in a Python dict display.
    for (let i = this.entries.length - 1; i >= 0; i--) if (pyEquals(this.entries[i][0], key)) return this.entries[i][1];
    return undefined;
  }
}
export class PySet {
  constructor(readonly items: readonly PyValue[]) {}
}
export class PyFloat {
  constructor(readonly value: number) {}
}
export class PyBytes {
  constructor(readonly value: string) {}
}
/** Python's Ellipsis (`...`), which literal_eval accepts. */
export const PyEllipsis = Symbol('Ellipsis');

export type PyValue =
  | null
  | boolean
  | number
  | string
  | PyValue[]
  | PyTuple
  | PyDict
  | PySet
  | PyBytes
  | PyFloat
  | typeof PyEllipsis;

export interface PyLiteralOptions {
  /** Return float literals as PyFloat instead of plain numbers. */
  keepFloats?: boolean;
}

export class PyLiteralError extends Error {
  override name = 'PyLiteralError';
}

/** CPython's tokenizer stops at 200 nested brackets ("too many nested parentheses"). */
const MAX_NESTING = 200;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Python's str.isspace()-style whitespace that the tokenizer skips between tokens (inside brackets, newlines too). */
function isBlank(ch: string | undefined, insideBrackets: boolean): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f' || (insideBrackets && (ch === '\n' || ch === '\r'));
}

/**
 * ast.literal_eval(text). Leading spaces and tabs are ignored (as literal_eval does); a trailing newline is fine.
 * Throws PyLiteralError for anything literal_eval would refuse (names, calls other than set(), operators, f-strings).
 */
export function parsePyLiteral(text: string, options: PyLiteralOptions = {}): PyValue {
  let pos = 0;
  let depth = 0;

  const fail = (what: string): never => {
    throw new PyLiteralError(`${what} at offset ${pos}`);
  };
  const skip = () => {
    for (;;) {
      while (isBlank(text[pos], depth > 0)) pos++;
      // A backslash-newline joins lines anywhere.
      if (text[pos] === '\\' && (text[pos + 1] === '\n' || (text[pos + 1] === '\r' && text[pos + 2] === '\n'))) {
        pos += text[pos + 1] === '\n' ? 2 : 3;
        continue;
      }
      if (text[pos] === '#') {
        while (pos < text.length && text[pos] !== '\n') pos++;
        continue;
      }
      return;
    }
  };

  const readString = (): string | PyBytes => {
    const prefixMatch = /^[rRbBuUfF]{0,2}/.exec(text.slice(pos, pos + 2))!;
    let prefix = prefixMatch[0].toLowerCase();
    if (text[pos + prefix.length] !== "'" && text[pos + prefix.length] !== '"') prefix = prefix.slice(0, 1);
    if (prefix.includes('f')) fail('f-strings are not literals');
    if (prefix.includes('u') && prefix.length > 1) fail('bad string prefix');
    const raw = prefix.includes('r');
    const bytes = prefix.includes('b');
    pos += prefix.length;
    const quote = text[pos];
    const triple = text.startsWith(quote.repeat(3), pos);
    const closer = triple ? quote.repeat(3) : quote;
    pos += closer.length;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      if (text.startsWith(closer, pos)) {
        pos += closer.length;
        break;
      }
      const ch = text[pos];
      if (!triple && (ch === '\n' || ch === '\r')) fail('unterminated string');
      if (ch !== '\\') {
        out += ch;
        pos++;
        continue;
      }
      const next = text[pos + 1];
      if (next === undefined) fail('unterminated string');
      if (raw) {
        // In raw strings a backslash stays, but still protects the quote after it.
        out += ch + next;
        pos += 2;
        continue;
      }
      pos += 2;
      if (next in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[next];
      } else if (next >= '0' && next <= '7') {
        let digits = next;
        while (digits.length < 3 && text[pos] >= '0' && text[pos] <= '7') digits += text[pos++];
        out += String.fromCodePoint(parseInt(digits, 8));
      } else if (next === 'x' || (!bytes && (next === 'u' || next === 'U'))) {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(pos, pos + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) fail('truncated \\x/\\u escape');
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) fail('illegal Unicode character');
        out += String.fromCodePoint(cp);
        pos += len;
      } else if (next === 'N' && !bytes) {
        fail('\\N{...} escapes are not supported');
      } else {
        out += '\\' + next; // Python keeps unknown escapes as they are (with a warning).
      }
    }
    return bytes ? new PyBytes(out) : out;
  };

  const readStrings = (): string | PyBytes => {
    // Adjacent string literals concatenate ("a" "b" == "ab"); mixing bytes and str is a SyntaxError.
    let value = readString();
    for (;;) {
      const save = pos;
      skip();
      if (!/^[rRbBuU]{0,2}['"]/.test(text.slice(pos, pos + 3))) {
        pos = save;
        return value;
      }
      const more = readString();
      if (typeof value === 'string' && typeof more === 'string') value += more;
      else if (value instanceof PyBytes && more instanceof PyBytes) value = new PyBytes(value.value + more.value);
      else fail('cannot mix bytes and nonbytes literals');
    }
  };

  const readNumber = (): number | PyFloat => {
    const rest = text.slice(pos, pos + 400);
    const m =
      /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+|^(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?/.exec(
        rest,
      );
    if (!m) fail('bad number');
    const lit = m![0];
    pos += lit.length;
    if (/^[A-Za-z_0-9]/.test(text[pos] ?? '')) fail('bad number'); // e.g. "1j" (complex) or "2x"
    const clean = lit.replace(/_/g, '');
    if (/^0[xob]/i.test(clean)) return Number(clean.toLowerCase());
    const isFloat = /[.eE]/.test(clean);
    if (/^0\d/.test(clean) && !isFloat && /[1-9]/.test(clean)) fail('leading zeros in decimal integer');
    return isFloat && options.keepFloats ? new PyFloat(Number(clean)) : Number(clean);
  };

  const readSequence = (close: string): { items: PyValue[]; trailingComma: boolean } => {
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      skip();
      if (text[pos] === close) {
        pos++;
        return { items, trailingComma };
      }
      items.push(value());
      skip();
      if (text[pos] === ',') {
        pos++;
        trailingComma = true;
      } else if (text[pos] === close) {
        trailingComma = false;
      } else fail(`expected "," or "${close}"`);
    }
  };

  const enter = () => {
    if (++depth > MAX_NESTING) fail('too many nested parentheses');
  };

  const value = (): PyValue => {
    skip();
    const ch = text[pos];
    if (ch === undefined) fail('unexpected end of input');
    if (ch === '[') {
      enter();
      pos++;
      const { items } = readSequence(']');
      depth--;
      return items;
    }
    if (ch === '(') {
      enter();
      pos++;
      const { items, trailingComma } = readSequence(')');
      depth--;
      // "(x)" is x itself; "(x,)" and "()" are tuples.
      if (items.length === 1 && !trailingComma) return items[0];
      return new PyTuple(items);
    }
    if (ch === '{') {
      enter();
      pos++;
      skip();
      if (text[pos] === '}') {
        pos++;
        depth--;
        return new PyDict([]);
      }
      const first = value();
      skip();
      if (text[pos] === ':') {
        pos++;
        const entries: [PyValue, PyValue][] = [[first, value()]];
        for (;;) {
          skip();
          if (text[pos] === '}') break;
          if (text[pos] !== ',') fail('expected "," or "}" in dict');
          pos++;
          skip();
          if (text[pos] === '}') break;
          const k = value();
          skip();
          if (text[pos] !== ':') fail('expected ":" in dict');
          pos++;
          entries.push([k, value()]);
        }
        pos++;
        depth--;
        for (const [k] of entries) if (!isHashable(k)) fail('unhashable dict key');
        // A repeated key keeps its first position and takes the last value, as a Python dict display does.
        const unique: [PyValue, PyValue][] = [];
        for (const [k, x] of entries) {
          const seen = unique.find(([u]) => pyEquals(u, k));
          if (seen) seen[1] = x;
          else unique.push([k, x]);
        }
        return new PyDict(unique);
      }
      const items: PyValue[] = [first];
      skip();
      if (text[pos] === ',') {
        pos++;
        items.push(...readSequence('}').items);
      } else if (text[pos] === '}') pos++;
      else fail('expected "," or "}"');
      depth--;
      for (const item of items) if (!isHashable(item)) fail('unhashable set element');
      return new PySet(dedupe(items));
    }
    if (ch === '-' || ch === '+') {
      // literal_eval allows unary signs on numbers only (and chains of them).
      enter();
      pos++;
      skip();
      // literal_eval takes one sign on a number literal: "-3" and "-(3)" yes, "--3" no.
      if (text[pos] === '-' || text[pos] === '+') fail('more than one unary sign');
      const operand = value();
      depth--;
      if (operand instanceof PyFloat) return new PyFloat(ch === '-' ? -operand.value : operand.value);
      if (typeof operand !== 'number' && typeof operand !== 'boolean') fail('unary sign on a non-number');
      const n = Number(operand);
      // With keepFloats a plain number is an int, and Python's int has no -0.
      if (ch === '-') return options.keepFloats ? -n || 0 : -n;
      return n;
    }
    if (ch === "'" || ch === '"' || /^[rRbBuUfF]{1,2}['"]/.test(text.slice(pos, pos + 3))) return readStrings();
    if ((ch >= '0' && ch <= '9') || (ch === '.' && /\d/.test(text[pos + 1] ?? ''))) return readNumber();
    if (text.startsWith('...', pos)) {
      pos += 3;
      return PyEllipsis;
    }
    const name = /^[A-Za-z_][A-Za-z_0-9]*/.exec(text.slice(pos, pos + 64));
    if (name) {
      pos += name[0].length;
      if (name[0] === 'True') return true;
      if (name[0] === 'False') return false;
      if (name[0] === 'None') return null;
      if (name[0] === 'set') {
        skip();
        if (text.startsWith('()', pos)) {
          pos += 2;
          return new PySet([]);
        }
      }
      fail(`name ${name[0]} is not a literal`);
    }
    return fail(`unexpected ${JSON.stringify(ch)}`);
  };

  // literal_eval strips leading spaces and tabs; blank lines before the literal are fine in eval mode too.
  while (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n' || text[pos] === '\r') pos++;
  const result = value();
  // Trailing whitespace, comments and newlines are fine in eval mode.
  for (;;) {
    skip();
    if (text[pos] === '\n' || text[pos] === '\r') {
      pos++;
      continue;
    }
    break;
  }
  if (pos !== text.length) fail('unexpected text after the literal');
  return result;
}

/** parsePyLiteral, or null where literal_eval would raise. */
export function tryParsePyLiteral(text: string, options: PyLiteralOptions = {}): PyValue | undefined {
  try {
    return parsePyLiteral(text, options);
  } catch {
    return undefined;
  }
}

function isHashable(v: PyValue): boolean {
  if (Array.isArray(v) || v instanceof PyDict || v instanceof PySet) return false;
  if (v instanceof PyTuple) return v.items.every(isHashable);
  return true;
}

function dedupe(items: PyValue[]): PyValue[] {
  const out: PyValue[] = [];
  for (const item of items) if (!out.some((o) => pyEquals(o, item))) out.push(item);
  return out;
}

/** Python's == on literal values: True == 1 == 1.0, list != tuple, dicts and sets compare without order. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a instanceof PyFloat) a = a.value;
  if (b instanceof PyFloat) b = b.value;
  if ((typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'number' || typeof b === 'boolean')) {
    return Number(a) === Number(b);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (a instanceof PyTuple)
    return b instanceof PyTuple && a.items.length === b.items.length && a.items.every((x, i) => pyEquals(x, b.items[i]));
  if (a instanceof PyBytes) return b instanceof PyBytes && a.value === b.value;
  if (a instanceof PySet)
    return b instanceof PySet && a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => pyEquals(x, y)));
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict)) return false;
    const keysA = dedupe(a.entries.map(([k]) => k));
    const keysB = dedupe(b.entries.map(([k]) => k));
    if (keysA.length !== keysB.length) return false;
    return keysA.every((k) => {
      const vb = b.get(k);
      return vb !== undefined && pyEquals(a.get(k)!, vb);
    });
  }
  return false;
}

function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + quote;
}

function reprNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n);
}

/** Python's repr of a float: shortest round-trip digits, always with a point or exponent ("1.0", "1e+16"). */
function reprFloat(n: number): string {
  if (!Number.isFinite(n)) return reprNumber(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    const exp = Number(exponent);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const text = String(n);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** Python's repr() of a literal value (ints and integral floats both print as ints; see the file comment). */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === PyEllipsis) return 'Ellipsis';
  if (typeof v === 'number') return reprNumber(v);
  if (v instanceof PyFloat) return reprFloat(v.value);
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (v instanceof PyDict) return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  if (v instanceof PySet) return v.items.length === 0 ? 'set()' : `{${v.items.map(pyRepr).join(', ')}}`;
  if (v instanceof PyBytes) return 'b' + reprString(v.value);
  return String(v);
}

/** Python's str(): like repr except that a top-level string is itself. */
export function pyStr(v: PyValue): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/** The JSON that Python's json.dumps would write for the value (tuples and sets → arrays, dict keys → strings). */
export function toJson(v: PyValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v instanceof PyFloat) return Number.isFinite(v.value) ? v.value : String(v.value);
  if (v === PyEllipsis) return 'Ellipsis';
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof PyTuple || v instanceof PySet) return v.items.map(toJson);
  if (v instanceof PyBytes) return v.value;
  if (v instanceof PyDict) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.entries) out[typeof k === 'string' ? k : pyStr(k)] = toJson(x);
    return out;
  }
  return null;
}

/** The number a value stands for in Python arithmetic and comparisons (bools are ints); undefined otherwise. */
export function pyNumber(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return Number(v);
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** The items of a list or tuple (and a string's characters when `strings`), as len() and indexing see them. */
export function pySequence(v: PyValue, options: { strings?: boolean } = {}): readonly PyValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items;
  if (options.strings && typeof v === 'string') return Array.from(v);
  return undefined;
}
