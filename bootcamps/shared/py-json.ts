// Python's json.loads, as verifiers see its result: ints and floats stay apart (str(3.0) is "3.0"), NaN and
// Infinity are accepted, objects become dicts. Recursive descent with Python's practical nesting limit.
import { PyDict, PyFloat, type PyValue } from './py-literal.ts';

export class PyJsonError extends Error {
  override name = 'PyJsonError';
}

/** CPython's json decoder stops around the interpreter's recursion limit (1000 frames). */
const MAX_DEPTH = 990;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export function pyJsonLoads(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    throw new PyJsonError(`${what} at ${i}`);
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail('too deeply nested');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const keys: string[] = [];
      const values = new Map<string, PyValue>();
      ws();
      if (text[i] === '}') {
        i++;
        return new PyDict([]);
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        const v = value(depth + 1);
        if (!values.has(key)) keys.push(key);
        values.set(key, v); // a repeated key keeps its first place and its last value, as a Python dict does
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return new PyDict(keys.map((k) => [k, values.get(k)!] as const));
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: PyValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return items;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null], ['NaN', new PyFloat(NaN)], ['Infinity', new PyFloat(Infinity)], ['-Infinity', new PyFloat(-Infinity)]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('expected a value');
    i += m[0].length;
    return m[1] !== undefined || m[2] !== undefined ? new PyFloat(Number(m[0])) : Number(m[0]);
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      const at = i;
      while (i < text.length && text[i] !== '"' && text[i] !== '\\' && text.charCodeAt(i) >= 0x20) i++;
      out += text.slice(at, i);
      if (i >= text.length) fail('unterminated string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c !== '\\') fail('control character in string');
      const e = text[i + 1];
      i += 2;
      if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (!(e in map)) fail('bad escape');
        out += map[e];
      }
    }
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail('extra data');
  return result;
}
