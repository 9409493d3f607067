// The Python values the re-arc grid DSL works on, in JavaScript: ints and bools as numbers/booleans, tuples
// (grids, coordinates, cells) as arrays, frozensets as FSet, callables as functions. Equality and hashing
// follow Python's (1 == 1.0 == True; tuples and frozensets compare by value).
export type PyFunction = (...args: any[]) => any; // the DSL is dynamically typed: a primitive takes whatever values a program hands it
export type Value = number | boolean | null | Value[] | FSet | PyFunction;

const functionIds = new WeakMap<PyFunction, number>();
let nextFunctionId = 0;

/** A string equal for exactly the values Python calls equal (and hashes alike). */
export function keyOf(v: Value): string {
  if (typeof v === 'number') return String(v);
  // Fast paths for the two shapes that fill most sets, locations (i, j) and cells (v, (i, j)); same strings as
  // the general case below.
  if (Array.isArray(v) && v.length === 2) {
    const [a, b] = v;
    if (typeof a === 'number') {
      if (typeof b === 'number') return `(${a},${b})`;
      if (Array.isArray(b) && b.length === 2 && typeof b[0] === 'number' && typeof b[1] === 'number') return `(${a},(${b[0]},${b[1]}))`;
    }
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v === null) return 'N';
  if (Array.isArray(v)) {
    let out = '(';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + keyOf(v[i]);
    return out + ')';
  }
  if (v instanceof FSet) return v.key;
  let id = functionIds.get(v);
  if (id === undefined) functionIds.set(v, (id = nextFunctionId++));
  return `f${id}`;
}

export function pyEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'number' || typeof a === 'boolean') return (typeof b === 'number' || typeof b === 'boolean') && Number(a) === Number(b);
  return keyOf(a) === keyOf(b);
}

/**
 * The order CPython iterates a set of ints built by adding `ints` one by one: an int hashes to itself, the
 * table starts with 8 slots, probes up to 9 slots linearly and then by perturbation, and grows to 4× the used
 * count once 3/5 full. Ties in the DSL's mostcolor/leastcolor/argmax follow this order, so it is reproduced.
 */
export function cpythonIntSetOrder(ints: readonly number[]): number[] {
  let mask = 7;
  let table: (number | undefined)[] = new Array(8);
  let fill = 0;
  const place = (tbl: (number | undefined)[], m: number, v: number) => {
    const hash = BigInt.asUintN(64, BigInt(v === -1 ? -2 : v));
    let perturb = hash;
    let i = Number(hash & BigInt(m));
    for (;;) {
      const probes = i + 9 <= m ? 9 : 0;
      for (let k = 0; k <= probes; k++) {
        if (tbl[i + k] === undefined) {
          tbl[i + k] = v;
          return;
        }
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(m));
    }
  };
  const seen = new Set<number>();
  for (const v of ints) {
    if (seen.has(v)) continue;
    seen.add(v);
    place(table, mask, v);
    fill++;
    if (fill * 5 >= mask * 3) {
      const used = seen.size;
      let size = 8;
      while (size <= (used > 50000 ? used * 2 : used * 4)) size <<= 1;
      const old = table;
      table = new Array(size);
      mask = size - 1;
      for (const x of old) if (x !== undefined) place(table, mask, x);
    }
  }
  return table.filter((x): x is number => x !== undefined);
}

const SMALL = 1 << 15;
const isSmallInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > -SMALL && x < SMALL;

/**
 * A set's own key for a member: a number for locations (i, j) and cells (colour, (i, j)) with small ints — most
 * members, and far cheaper to hash than a string — else keyOf's string. One value always gets the same key.
 */
function memberKey(v: Value): number | string {
  if (Array.isArray(v) && v.length === 2) {
    // Booleans count as the ints they equal in Python: (True, 2) is the member (1, 2).
    const a = asInt(v[0]);
    if (isSmallInt(a)) {
      const b = v[1];
      const bn = asInt(b);
      if (isSmallInt(bn)) return (a + SMALL) * 2 * SMALL + (bn + SMALL);
      if (Array.isArray(b) && b.length === 2 && a >= 0 && a < 1024) {
        const i = asInt(b[0]);
        const j = asInt(b[1]);
        if (isSmallInt(i) && isSmallInt(j)) return -(1 + a * 4 * SMALL * SMALL + (i + SMALL) * 2 * SMALL + (j + SMALL));
      }
    }
  }
  return keyOf(v);
}

const asInt = (x: Value): Value => (typeof x === 'boolean' ? Number(x) : x);

/**
 * An immutable frozenset. Iterates ints in CPython's order, anything else in insertion order. The key → member
 * index is built only when a membership test or the set's own key needs it: most sets the programs make (a
 * shifted object, say) are only iterated.
 */
export class FSet {
  private readonly members: Value[];
  private index: Map<number | string, Value> | undefined;
  private ordered: Value[] | undefined;
  private cachedKey: string | undefined;

  constructor(items: Iterable<Value> = []) {
    const index = new Map<number | string, Value>();
    for (const item of items) {
      const k = memberKey(item);
      if (!index.has(k)) index.set(k, item);
    }
    this.index = index;
    this.members = [...index.values()];
  }

  /** A set of members known to be distinct (made by a one-to-one map of another set's members): no check. */
  static ofDistinct(members: Value[]): FSet {
    const set = Object.create(FSet.prototype) as FSet;
    (set as unknown as { members: Value[] }).members = members;
    return set;
  }

  private lookup(): Map<number | string, Value> {
    if (!this.index) {
      this.index = new Map();
      for (const m of this.members) this.index.set(memberKey(m), m);
    }
    return this.index;
  }

  get size(): number {
    return this.members.length;
  }

  has(v: Value): boolean {
    return this.lookup().has(memberKey(v));
  }

  /** Members in iteration order. */
  get items(): readonly Value[] {
    if (!this.ordered) {
      const inserted = this.members;
      const allInts = inserted.length > 1 && inserted.every((v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'boolean');
      if (allInts) {
        const byValue = new Map(inserted.map((v) => [Number(v), v] as const));
        this.ordered = cpythonIntSetOrder(inserted.map(Number)).map((n) => byValue.get(n)!);
      } else this.ordered = inserted;
    }
    return this.ordered;
  }

  [Symbol.iterator](): Iterator<Value> {
    return this.items[Symbol.iterator]();
  }

  /** Order-free key: equal sets have equal keys. */
  get key(): string {
    if (this.cachedKey === undefined) this.cachedKey = '{' + [...this.lookup().keys()].map((k) => (typeof k === 'number' ? `#${k}` : k)).sort().join(';') + '}';
    return this.cachedKey;
  }
}

/** The image of a set's members under a one-to-one map is a set without repeats to look for (a tuple may repeat). */
export function mapDistinct(source: Value, image: Value[]): FSet {
  return source instanceof FSet ? FSet.ofDistinct(image) : new FSet(image);
}

/** Python's len() for the containers the DSL uses. */
export function pyLen(v: Value): number {
  if (Array.isArray(v)) return v.length;
  if (v instanceof FSet) return v.size;
  throw new TypeError(`object of type ${typeof v} has no len()`);
}

export function iterate(v: Value): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof FSet) return v.items;
  throw new TypeError(`${v === null ? 'NoneType' : typeof v} object is not iterable`);
}

/** `x in container`. */
export function pyContains(container: Value, x: Value): boolean {
  if (container instanceof FSet) return container.has(x);
  if (Array.isArray(container)) return container.some((e) => pyEqual(e, x));
  throw new TypeError('argument is not iterable');
}

/** `type(container)(items)`: a tuple stays a tuple, a frozenset a frozenset. */
export function sameKind(container: Value, items: Iterable<Value>): Value[] | FSet {
  if (Array.isArray(container)) return [...items];
  if (container instanceof FSet) return new FSet(items);
  throw new TypeError('not a container');
}

/** Python's < for the values the DSL compares: numbers (bools too) and tuples, lexicographically. */
export function pyCompare(a: Value, b: Value): number {
  if ((typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'number' || typeof b === 'boolean')) return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!pyEqual(a[i], b[i])) return pyCompare(a[i], b[i]);
    }
    return a.length - b.length;
  }
  throw new TypeError(`'<' not supported between ${typeof a} and ${typeof b}`);
}

/** max(iterable, key=fn[, default]): the first greatest in iteration order, as Python's max returns. */
export function pyMaxBy(items: readonly Value[], fn: PyFunction, sign: 1 | -1, fallback?: { value: Value }): Value {
  if (items.length === 0) {
    if (fallback) return fallback.value;
    throw new Error('max() arg is an empty sequence');
  }
  let best = items[0];
  let bestKey = fn(best);
  for (let i = 1; i < items.length; i++) {
    const k = fn(items[i]);
    if (sign * pyCompare(k, bestKey) > 0) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

/** Python slicing seq[start:stop] (negative indexes count from the end; out of range clamps). */
export function pySlice<T>(seq: readonly T[], start?: number, stop?: number): T[] {
  const n = seq.length;
  const norm = (x: number | undefined, dflt: number) => (x === undefined ? dflt : x < 0 ? Math.max(0, n + x) : Math.min(n, x));
  return seq.slice(norm(start, 0), norm(stop, n));
}

export function floorDiv(a: number, b: number): number {
  if (b === 0) throw new Error('integer division or modulo by zero');
  return Math.floor(a / b);
}
