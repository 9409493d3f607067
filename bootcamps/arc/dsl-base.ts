// The re-arc DSL's value-level primitives (numbers, pairs, containers, higher-order functions), written from
// their documented Python semantics: a container keeps its kind (tuple or frozenset), min/max pick the first
// extreme in iteration order, and lbind/rbind look at the bound function's argument count as Python's
// __code__.co_argcount does (a JavaScript function's length).
import { FSet, floorDiv, iterate, keyOf, pyCompare, pyContains, pyEqual, pyLen, pyMaxBy, sameKind, type PyFunction, type Value } from './py-values.ts';

type Pair = [number, number];
const isPair = (x: Value): x is Value[] => Array.isArray(x);
const num = (x: Value): number => Number(x);

/** Elementwise on ints and pairs, as the DSL's add/subtract/multiply do for each int/tuple combination. */
function binary(op: (a: number, b: number) => number) {
  return (a: Value, b: Value): Value => {
    if (!isPair(a) && !isPair(b)) return op(num(a), num(b));
    if (isPair(a) && isPair(b)) return [op(num(a[0]), num(b[0])), op(num(a[1]), num(b[1]))];
    if (!isPair(a) && isPair(b)) return [op(num(a), num(b[0])), op(num(a), num(b[1]))];
    const p = a as Value[];
    return [op(num(p[0]), num(b)), op(num(p[1]), num(b))];
  };
}

function unary(op: (a: number) => number) {
  return (x: Value): Value => (isPair(x) ? [op(num(x[0])), op(num(x[1]))] : op(num(x)));
}

function first(container: Value): Value {
  const items = iterate(container);
  if (items.length === 0) throw new Error('StopIteration');
  return items[0];
}

function merge(containers: Value): Value {
  const out: Value[] = [];
  for (const c of iterate(containers)) out.push(...iterate(c));
  return sameKind(containers, out);
}

function sfilter(container: Value, condition: PyFunction): Value {
  return sameKind(container, iterate(container).filter((e) => condition(e)));
}

function remove(value: Value, container: Value): Value {
  return sameKind(container, iterate(container).filter((e) => !pyEqual(e, value)));
}

function compose(outer: PyFunction, inner: PyFunction): PyFunction {
  return (x: Value) => outer(inner(x));
}

function power(fn: PyFunction, n: number): PyFunction {
  return n === 1 ? fn : compose(fn, power(fn, n - 1));
}

/** Python's range(start, stop, step) as a list. */
function range(start: number, stop: number, step: number): number[] {
  if (step === 0) throw new Error('range() arg 3 must not be zero');
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

function mostcommon(container: Value): Value {
  const items = iterate(container);
  const counts = new Map<string, number>();
  for (const e of items) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
  return pyMaxBy(new FSet(items).items, (e: Value) => counts.get(keyOf(e))!, 1);
}

export const BASE_DSL: Record<string, Value> = {
  ZERO: 0, ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5, SIX: 6, SEVEN: 7, EIGHT: 8, NINE: 9, TEN: 10,
  F: false, T: true, NEG_ONE: -1, NEG_TWO: -2,
  ORIGIN: [0, 0], UNITY: [1, 1], DOWN: [1, 0], RIGHT: [0, 1], UP: [-1, 0], LEFT: [0, -1],
  NEG_UNITY: [-1, -1], UP_RIGHT: [-1, 1], DOWN_LEFT: [1, -1],
  ZERO_BY_TWO: [0, 2], TWO_BY_ZERO: [2, 0], TWO_BY_TWO: [2, 2], THREE_BY_THREE: [3, 3],

  identity: (x: Value) => x,
  add: binary((a, b) => a + b),
  subtract: binary((a, b) => a - b),
  multiply: binary((a, b) => a * b),
  divide: binary((a, b) => floorDiv(a, b)),
  double: unary((a) => a * 2),
  halve: unary((a) => floorDiv(a, 2)),
  increment: unary((a) => a + 1),
  decrement: unary((a) => a - 1),
  crement: unary((a) => (a === 0 ? 0 : a > 0 ? a + 1 : a - 1)),
  invert: unary((a) => -a),
  sign: unary((a) => (a === 0 ? 0 : a > 0 ? 1 : -1)),
  even: (n: Value) => ((num(n) % 2) + 2) % 2 === 0,
  positive: (x: Value) => num(x) > 0,
  greater: (a: Value, b: Value) => num(a) > num(b),
  equality: (a: Value, b: Value) => pyEqual(a, b),
  flip: (b: Value) => !b,
  both: (a: Value, b: Value) => (a ? b : a),
  either: (a: Value, b: Value) => (a ? a : b),
  branch: (condition: Value, ifValue: Value, elseValue: Value) => (condition ? ifValue : elseValue),
  toivec: (i: Value): Pair => [num(i), 0],
  tojvec: (j: Value): Pair => [0, num(j)],
  astuple: (a: Value, b: Value) => [a, b],

  size: (container: Value) => pyLen(container),
  first,
  last: (container: Value) => {
    const items = iterate(container);
    if (items.length === 0) throw new Error('max() arg is an empty sequence');
    return items[items.length - 1];
  },
  other: (container: Value, value: Value) => first(remove(value, container)),
  remove,
  totuple: (container: Value) => [...iterate(container)],
  initset: (value: Value) => new FSet([value]),
  insert: (value: Value, container: Value) => new FSet([...iterate(container), value]),
  contained: (value: Value, container: Value) => pyContains(container, value),
  combine: (a: Value, b: Value) => sameKind(a, [...iterate(a), ...iterate(b)]),
  difference: (a: Value, b: Value) => sameKind(a, iterate(a).filter((e) => !pyContains(b, e))),
  intersection: (a: Value, b: Value) => {
    // CPython iterates the smaller set (b when the sizes are equal) and keeps what the other holds.
    const [small, large] = pyLen(b) <= pyLen(a) ? [b, a] : [a, b];
    return new FSet(iterate(small).filter((e) => pyContains(large, e)));
  },
  dedupe: (iterable: Value) => {
    const seen = new Set<string>();
    return iterate(iterable).filter((e) => !seen.has(keyOf(e)) && (seen.add(keyOf(e)), true));
  },
  repeat: (item: Value, n: Value) => Array.from({ length: Math.max(0, num(n)) }, () => item),
  interval: (start: Value, stop: Value, step: Value) => range(num(start), num(stop), num(step)),
  pair: (a: Value, b: Value) => {
    const x = iterate(a);
    const y = iterate(b);
    return Array.from({ length: Math.min(x.length, y.length) }, (_, i) => [x[i], y[i]]);
  },
  maximum: (container: Value) => pyMaxBy(iterate(container), (x: Value) => x, 1, { value: 0 }),
  minimum: (container: Value) => pyMaxBy(iterate(container), (x: Value) => x, -1, { value: 0 }),
  argmax: (container: Value, fn: PyFunction) => pyMaxBy(iterate(container), fn, 1, { value: null }),
  argmin: (container: Value, fn: PyFunction) => pyMaxBy(iterate(container), fn, -1, { value: null }),
  valmax: (container: Value, fn: PyFunction) => fn(pyMaxBy(iterate(container), fn, 1, { value: 0 })),
  valmin: (container: Value, fn: PyFunction) => fn(pyMaxBy(iterate(container), fn, -1, { value: 0 })),
  mostcommon,
  leastcommon: (container: Value) => {
    const items = iterate(container);
    const counts = new Map<string, number>();
    for (const e of items) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
    return pyMaxBy(new FSet(items).items, (e: Value) => counts.get(keyOf(e))!, -1);
  },
  order: (container: Value, fn: PyFunction) => {
    // sorted() is stable: equal keys keep their iteration order.
    const keyed = iterate(container).map((e, i) => ({ e, k: fn(e) as Value, i }));
    keyed.sort((a, b) => pyCompare(a.k, b.k) || a.i - b.i);
    return keyed.map((x) => x.e);
  },
  extract: (container: Value, condition: PyFunction) => {
    for (const e of iterate(container)) if (condition(e)) return e;
    throw new Error('StopIteration: extract found no element');
  },
  sfilter,
  mfilter: (container: Value, fn: PyFunction) => merge(sfilter(container, fn)),
  merge,
  apply: (fn: PyFunction, container: Value) => sameKind(container, iterate(container).map((e) => fn(e))),
  mapply: (fn: PyFunction, container: Value) => {
    // merge(apply(fn, container)). For a frozenset the intermediate set of results only drops repeats, which
    // add nothing to the union, so it is skipped (it cost a key for every result set).
    if (container instanceof FSet) {
      const items = iterate(container);
      return new FSet(
        (function* () {
          for (const e of items) yield* iterate(fn(e));
        })(),
      );
    }
    return merge(sameKind(container, iterate(container).map((e) => fn(e))));
  },
  rapply: (functions: Value, value: Value) => sameKind(functions, iterate(functions).map((f) => (f as PyFunction)(value))),
  papply: (fn: PyFunction, a: Value, b: Value) => {
    const x = iterate(a);
    const y = iterate(b);
    return Array.from({ length: Math.min(x.length, y.length) }, (_, i) => fn(x[i], y[i]));
  },
  mpapply: (fn: PyFunction, a: Value, b: Value) => {
    const x = iterate(a);
    const y = iterate(b);
    return merge(Array.from({ length: Math.min(x.length, y.length) }, (_, i) => fn(x[i], y[i])));
  },
  prapply: (fn: PyFunction, a: Value, b: Value) => {
    const out: Value[] = [];
    for (const j of iterate(b)) for (const i of iterate(a)) out.push(fn(i, j));
    return new FSet(out);
  },
  product: (a: Value, b: Value) => {
    const out: Value[] = [];
    for (const j of iterate(b)) for (const i of iterate(a)) out.push([i, j]);
    return new FSet(out);
  },
  compose,
  chain: (h: PyFunction, g: PyFunction, f: PyFunction) => (x: Value) => h(g(f(x))),
  fork: (outer: PyFunction, a: PyFunction, b: PyFunction) => (x: Value) => outer(a(x), b(x)),
  matcher: (fn: PyFunction, target: Value) => (x: Value) => pyEqual(fn(x), target),
  power: (fn: PyFunction, n: Value) => power(fn, num(n)),
  lbind: (fn: PyFunction, fixed: Value) => {
    if (fn.length === 2) return (y: Value) => fn(fixed, y);
    if (fn.length === 3) return (y: Value, z: Value) => fn(fixed, y, z);
    return (y: Value, z: Value, a: Value) => fn(fixed, y, z, a);
  },
  rbind: (fn: PyFunction, fixed: Value) => {
    if (fn.length === 2) return (x: Value) => fn(x, fixed);
    if (fn.length === 3) return (x: Value, y: Value) => fn(x, y, fixed);
    return (x: Value, y: Value, z: Value) => fn(x, y, z, fixed);
  },
};
