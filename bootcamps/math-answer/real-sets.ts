// Sets of real numbers as the points they hold, for the comparisons sympy makes with set algebra: a union of
// intervals equals another when their symmetric difference is empty, whatever the order or grouping they were
// written in; and a relation in one variable is the set of values that satisfy it (sympy's as_set), as far as
// linear relations go (x > 3, 1 < x \le 2, 2x - 1 \ne 0).
import { addFlat, freeSymbols, mapChildren, mul, mulFlat, MINUS_ONE, num, pow, show, type Node } from './nodes.ts';
import { KNOWN_FUNCTIONS as KNOWN } from './numeric.ts';
import { approx, close, realApprox } from './numeric.ts';

/** One piece of the real line: an interval, or a point when lo = hi (both ends in). */
interface Piece {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

const sameNumber = (a: number, b: number) => close([a, 0], [b, 0]);

function normalise(pieces: Piece[]): Piece[] {
  const kept = pieces.filter((p) => p.lo < p.hi || (sameNumber(p.lo, p.hi) && p.loIn && p.hiIn));
  kept.sort((a, b) => a.lo - b.lo || Number(b.loIn) - Number(a.loIn));
  const out: Piece[] = [];
  for (const p of kept) {
    const last = out[out.length - 1];
    const touches = last && (p.lo < last.hi || (sameNumber(p.lo, last.hi) && (p.loIn || last.hiIn)));
    if (!last || !touches) {
      out.push({ ...p });
      continue;
    }
    if (p.hi > last.hi || (sameNumber(p.hi, last.hi) && p.hiIn)) {
      last.hiIn = sameNumber(p.hi, last.hi) ? last.hiIn || p.hiIn : p.hiIn;
      last.hi = Math.max(last.hi, p.hi);
    }
  }
  return out;
}

function complement(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let lo = -Infinity;
  let loIn = false;
  for (const p of pieces) {
    out.push({ lo, hi: p.lo, loIn, hiIn: !p.loIn });
    lo = p.hi;
    loIn = !p.hiIn;
  }
  out.push({ lo, hi: Infinity, loIn, hiIn: false });
  return normalise(out);
}

function intersect(a: Piece[], b: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loIn = (sameNumber(x.lo, lo) ? x.loIn : true) && (sameNumber(y.lo, lo) ? y.loIn : true);
      const hiIn = (sameNumber(x.hi, hi) ? x.hiIn : true) && (sameNumber(y.hi, hi) ? y.hiIn : true);
      out.push({ lo, hi, loIn, hiIn });
    }
  }
  return normalise(out);
}

/** The pieces of a set whose bounds are real constants; undefined for anything else (symbols, ℤ, tuples). */
function piecesOf(n: Node): Piece[] | undefined {
  switch (n.k) {
    case 'interval': {
      const lo = realApprox(n.lo);
      const hi = realApprox(n.hi);
      if (lo === undefined || hi === undefined) return undefined;
      return normalise([{ lo, hi, loIn: !n.lopen && Number.isFinite(lo), hiIn: !n.ropen && Number.isFinite(hi) }]);
    }
    case 'set': {
      const points = n.items.map(realApprox);
      if (!points.every((p) => p !== undefined && Number.isFinite(p))) return undefined;
      return normalise((points as number[]).map((p) => ({ lo: p, hi: p, loIn: true, hiIn: true })));
    }
    case 'named':
      return n.name === 'Reals' ? [{ lo: -Infinity, hi: Infinity, loIn: false, hiIn: false }] : n.name === 'Empty' ? [] : undefined;
    case 'setop': {
      const a = piecesOf(n.a);
      const b = piecesOf(n.b);
      if (!a || !b) return undefined;
      if (n.op === 'union') return normalise([...a, ...b]);
      if (n.op === 'intersection') return intersect(a, b);
      return intersect(a, complement(b));
    }
    default:
      return undefined;
  }
}

/** Whether two sets hold the same real numbers; undefined when either is not a set of real constants. */
export function sameRealSet(a: Node, b: Node): boolean | undefined {
  const x = piecesOf(a);
  const y = piecesOf(b);
  if (!x || !y) return undefined;
  return x.length === y.length && x.every((p, i) => sameNumber(p.lo, y[i].lo) && sameNumber(p.hi, y[i].hi) && p.loIn === y[i].loIn && p.hiIn === y[i].hiIn);
}

/** An undefined function call as one symbol (f(x) → f_x), as Math-Verify's unwrap_fcs does before as_set. */
function unwrapCalls(n: Node): Node {
  if (n.k === 'fn' && !KNOWN.has(n.name)) return { k: 'sym', name: `${n.name}_${n.args.map(show).join('_')}` };
  return mapChildren(n, unwrapCalls);
}

/** Whether a relation holds at x: undefined where a side has no real value. Near-equal sides count as equal. */
function holds(rel: Node, x: string, value: number): boolean | undefined {
  if (rel.k === 'and') {
    const parts = rel.args.map((r) => holds(r, x, value));
    return parts.some((p) => p === undefined) ? undefined : parts.every(Boolean);
  }
  if (rel.k !== 'rel') return undefined;
  const at = { exact: new Map(), approx: new Map([[x, [value, 0] as [number, number]]]) };
  const [l, li] = approx(rel.lhs, at);
  const [r, ri] = approx(rel.rhs, at);
  if (![l, r].every(Number.isFinite) || Math.abs(li) > 1e-9 || Math.abs(ri) > 1e-9) return undefined;
  const equal = Math.abs(l - r) <= 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));
  switch (rel.op) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return l < r && !equal;
    case '<=':
      return l < r || equal;
    case '>':
      return l > r && !equal;
    case '>=':
      return l > r || equal;
  }
}

/**
 * Whether a relation in one variable holds exactly on a set of reals, tested at the set's ends, just inside and
 * outside each, between them and far out; undefined when either side cannot be tested (several variables, a
 * set with symbolic bounds).
 */
export function relationMatchesSet(rel: Node, set: Node): boolean | undefined {
  const relation = unwrapCalls(rel);
  const symbols = [...freeSymbols(relation)];
  const pieces = piecesOf(set);
  if (symbols.length !== 1 || !pieces) return undefined;
  const ends = pieces.flatMap((p) => [p.lo, p.hi]).filter(Number.isFinite);
  const sorted = [...new Set(ends)].sort((a, b) => a - b);
  const probes = new Set<number>([0, 0.5, -0.5]);
  for (const e of sorted) {
    const d = 1e-6 * Math.max(1, Math.abs(e));
    [e, e - d, e + d, e - 1, e + 1].forEach((p) => probes.add(p));
  }
  sorted.forEach((e, i) => i > 0 && probes.add((e + sorted[i - 1]) / 2));
  const far = Math.max(10, ...sorted.map(Math.abs)) * 100;
  probes.add(far).add(-far);
  const inPieces = (v: number) =>
    pieces.some((p) => (v > p.lo || (p.loIn && sameNumber(v, p.lo))) && (v < p.hi || (p.hiIn && sameNumber(v, p.hi))) && !((!p.loIn && sameNumber(v, p.lo)) || (!p.hiIn && sameNumber(v, p.hi))));
  let tested = 0;
  for (const v of probes) {
    const h = holds(relation, symbols[0], v);
    if (h === undefined) continue;
    tested++;
    if (h !== inPieces(v)) return false;
  }
  return tested > 0 ? true : undefined;
}

function substitute(n: Node, name: string, value: Node): Node {
  return n.k === 'sym' ? (n.name === name ? value : n) : mapChildren(n, (x) => substitute(x, name, value));
}

const OO: Node = { k: 'const', name: 'oo' };
const MINUS_OO: Node = mul([MINUS_ONE, OO]);

/** The solution set of a linear relation (or chain of them) in one variable, as an interval, point or union. */
export function relationAsSet(rel: Node): Node | undefined {
  if (rel.k === 'and') {
    const parts = rel.args.map(relationAsSet);
    if (!parts.every((p) => p !== undefined)) return undefined;
    return (parts as Node[]).reduce((a, b) => ({ k: 'setop', op: 'intersection', a, b }));
  }
  if (rel.k !== 'rel') return undefined;
  const symbols = [...freeSymbols(rel)];
  if (symbols.length !== 1) return undefined;
  const [x] = symbols;
  const f = addFlat(rel.lhs, mulFlat(MINUS_ONE, rel.rhs));
  const b = substitute(f, x, num(0n));
  const aPlusB = substitute(f, x, num(1n));
  const slope = addFlat(aPlusB, mulFlat(MINUS_ONE, b));
  const [vb] = approx(b);
  const [va] = approx(slope);
  const [v2] = approx(substitute(f, x, num(2n)));
  const [vHalf] = approx(substitute(f, x, num(-7n, 3n)));
  if (![vb, va, v2, vHalf].every(Number.isFinite) || va === 0) return undefined;
  if (!sameNumber(v2, 2 * va + vb) || !sameNumber(vHalf, (-7 / 3) * va + vb)) return undefined;
  const root = mul([MINUS_ONE, b, pow(slope, MINUS_ONE)]);
  // f = slope·(x - root): for a negative slope the inequality turns round.
  const op = va > 0 ? rel.op : ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '!=': '!=' } as const)[rel.op];
  switch (op) {
    case '=':
      return { k: 'set', items: [root] };
    case '<':
      return { k: 'interval', lo: MINUS_OO, hi: root, lopen: true, ropen: true };
    case '<=':
      return { k: 'interval', lo: MINUS_OO, hi: root, lopen: true, ropen: false };
    case '>':
      return { k: 'interval', lo: root, hi: OO, lopen: true, ropen: true };
    case '>=':
      return { k: 'interval', lo: root, hi: OO, lopen: false, ropen: true };
    case '!=':
      return {
        k: 'setop',
        op: 'union',
        a: { k: 'interval', lo: MINUS_OO, hi: root, lopen: true, ropen: true },
        b: { k: 'interval', lo: root, hi: OO, lopen: true, ropen: true },
      };
  }
}
