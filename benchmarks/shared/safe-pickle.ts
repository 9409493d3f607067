// A pickle reader for data only: strings, lists and dicts (and the framing and memo opcodes that come with
// them). LiveCodeBench stores its private tests as base64 of zlib of a pickle of a JSON string; Python's
// pickle.loads would run whatever the bytes ask (a pickle can call any function). This reads the opcodes
// itself and refuses every other one (globals, reduce, build, objects, ...) with its name and offset, so a
// hostile data file can never make the evaluator run anything. Nothing here is ever executed.

export class UnsafePickleError extends Error {
  override name = 'UnsafePickleError';
}

type Value = string | Value[] | Map<string, Value> | { mark: true };

const MARK: Value = { mark: true };

/** Opcodes we read; every other byte is refused. */
const NAMES: Record<number, string> = {
  0x80: 'PROTO', 0x95: 'FRAME', 0x2e: 'STOP', 0x28: 'MARK',
  0x8c: 'SHORT_BINUNICODE', 0x58: 'BINUNICODE', 0x8d: 'BINUNICODE8', 0x56: 'UNICODE',
  0x5d: 'EMPTY_LIST', 0x61: 'APPEND', 0x65: 'APPENDS', 0x6c: 'LIST',
  0x7d: 'EMPTY_DICT', 0x73: 'SETITEM', 0x75: 'SETITEMS', 0x64: 'DICT',
  0x94: 'MEMOIZE', 0x71: 'BINPUT', 0x72: 'LONG_BINPUT', 0x70: 'PUT', 0x68: 'BINGET', 0x6a: 'LONG_BINGET', 0x67: 'GET',
};

/** Names of the opcodes refused most often, for the message. */
const REFUSED: Record<number, string> = {
  0x63: 'GLOBAL', 0x93: 'STACK_GLOBAL', 0x52: 'REDUCE', 0x62: 'BUILD', 0x69: 'INST', 0x6f: 'OBJ', 0x81: 'NEWOBJ', 0x92: 'NEWOBJ_EX',
  0x4b: 'BININT1', 0x4a: 'BININT', 0x4d: 'BININT2', 0x4e: 'NONE', 0x88: 'NEWTRUE', 0x89: 'NEWFALSE', 0x47: 'BINFLOAT', 0x74: 'TUPLE',
  0x85: 'TUPLE1', 0x86: 'TUPLE2', 0x87: 'TUPLE3', 0x29: 'EMPTY_TUPLE', 0x43: 'SHORT_BINBYTES', 0x42: 'BINBYTES', 0x8f: 'EMPTY_SET',
  0x90: 'ADDITEMS', 0x91: 'FROZENSET', 0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER', 0x50: 'PERSID', 0x51: 'BINPERSID',
};

/** The value of a pickle that holds only strings, lists and dicts (dicts as plain objects with string keys). */
export function loadSafePickle(bytes: Uint8Array): unknown {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: Value[] = [];
  const memo = new Map<number, Value>();
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw new UnsafePickleError(`the pickle ends early at byte ${at}`);
  };
  const popMark = (): Value[] => {
    const items: Value[] = [];
    for (;;) {
      const v = stack.pop();
      if (v === undefined) throw new UnsafePickleError('MARK expected on the stack');
      if (v === MARK) return items.reverse();
      items.push(v);
    }
  };
  const top = (): Value => {
    if (stack.length === 0) throw new UnsafePickleError(`an empty stack at byte ${at}`);
    return stack[stack.length - 1];
  };
  const text = (n: number) => {
    need(n);
    const s = buf.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  const line = () => {
    const end = buf.indexOf(0x0a, at);
    if (end < 0) throw new UnsafePickleError('a text opcode without its newline');
    const s = buf.toString('latin1', at, end);
    at = end + 1;
    return s;
  };
  const append = (list: Value, items: Value[]) => {
    if (!Array.isArray(list)) throw new UnsafePickleError('APPEND to something that is not a list');
    list.push(...items);
  };
  const setItems = (dict: Value, items: Value[]) => {
    if (!(dict instanceof Map)) throw new UnsafePickleError('SETITEM on something that is not a dict');
    if (items.length % 2 !== 0) throw new UnsafePickleError('SETITEMS with an odd number of values');
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i];
      if (typeof key !== 'string') throw new UnsafePickleError('a dict key that is not a string');
      dict.set(key, items[i + 1]);
    }
  };
  while (at < buf.length) {
    const op = buf[at];
    const offset = at;
    at++;
    if (!(op in NAMES)) {
      const name = REFUSED[op] ?? `0x${op.toString(16).padStart(2, '0')}`;
      throw new UnsafePickleError(`opcode ${name} at byte ${offset} is refused: only strings, lists and dicts are read from data files`);
    }
    switch (op) {
      case 0x80: need(1); at += 1; break;
      case 0x95: need(8); at += 8; break;
      case 0x2e: {
        if (stack.length !== 1) throw new UnsafePickleError(`STOP with ${stack.length} values on the stack`);
        return toPlain(stack[0]);
      }
      case 0x28: stack.push(MARK); break;
      case 0x8c: need(1); stack.push(text(buf[at++])); break;
      case 0x58: { need(4); const n = buf.readUInt32LE(at); at += 4; stack.push(text(n)); break; }
      case 0x8d: { need(8); const n = Number(buf.readBigUInt64LE(at)); at += 8; stack.push(text(n)); break; }
      case 0x56: stack.push(unescapeRawUnicode(line())); break;
      case 0x5d: stack.push([]); break;
      case 0x61: { const v = stack.pop(); if (v === undefined) throw new UnsafePickleError('APPEND on an empty stack'); append(top(), [v]); break; }
      case 0x65: { const items = popMark(); append(top(), items); break; }
      case 0x6c: stack.push(popMark()); break;
      case 0x7d: stack.push(new Map()); break;
      case 0x73: { const v = stack.pop(); const k = stack.pop(); if (k === undefined || v === undefined) throw new UnsafePickleError('SETITEM on a short stack'); setItems(top(), [k, v]); break; }
      case 0x75: { const items = popMark(); setItems(top(), items); break; }
      case 0x64: { const d = new Map<string, Value>(); setItems(d, popMark()); stack.push(d); break; }
      case 0x94: memo.set(memo.size, top()); break;
      case 0x71: need(1); memo.set(buf[at++], top()); break;
      case 0x72: need(4); memo.set(buf.readUInt32LE(at), top()); at += 4; break;
      case 0x70: memo.set(Number(line()), top()); break;
      case 0x68: case 0x6a: case 0x67: {
        let key: number;
        if (op === 0x68) { need(1); key = buf[at++]; } else if (op === 0x6a) { need(4); key = buf.readUInt32LE(at); at += 4; } else key = Number(line());
        const v = memo.get(key);
        if (v === undefined) throw new UnsafePickleError(`GET of memo ${key}, which was never stored`);
        stack.push(v);
        break;
      }
    }
  }
  throw new UnsafePickleError('the pickle has no STOP');
}

/** Protocol 0's raw-unicode-escape: \uXXXX and \UXXXXXXXX escapes, the rest Latin-1. */
function unescapeRawUnicode(s: string): string {
  return s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u4: string | undefined, u8: string | undefined) => String.fromCodePoint(parseInt(u4 ?? u8!, 16)));
}

/** Plain JSON-like values; a container that holds itself (through the memo) is refused, not followed forever. */
function toPlain(v: Value, open = new Set<Value>()): unknown {
  if (typeof v === 'string') return v;
  if (open.has(v)) throw new UnsafePickleError('a list or dict that contains itself');
  open.add(v);
  try {
    if (Array.isArray(v)) return v.map((x) => toPlain(x, open));
    if (v instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v) out[k] = toPlain(x, open);
      return out;
    }
  } finally {
    open.delete(v);
  }
  throw new UnsafePickleError('a MARK left in the data');
}
