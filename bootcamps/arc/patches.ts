// Where a patch lies: the re-arc DSL's geometry of index sets and objects (a patch is a frozenset of (i, j)
// indices or of (value, (i, j)) cells), shared by its primitives. Written from the documented Python semantics.
import { FSet, floorDiv, iterate, pyLen, mapDistinct, type Value } from './py-values.ts';

export type Grid = number[][];
export type Loc = [number, number];
export type Cell = [number, Loc];

export const isGrid = (x: Value): x is Value[] => Array.isArray(x);
export const asGrid = (x: Value): Grid => x as unknown as Grid;

/** True when the patch holds cells (value, (i, j)) rather than bare indices: Python looks at the first member. */
export function isObject(patch: Value): boolean {
  const items = iterate(patch);
  return items.length > 0 && Array.isArray((items[0] as Value[])[1]);
}

export function toindices(patch: Value): FSet {
  const items = iterate(patch);
  if (items.length === 0) return new FSet();
  if (isObject(patch)) return new FSet(items.map((c) => (c as Cell)[1]));
  return patch instanceof FSet ? patch : new FSet(items);
}

/** The locations of a patch's members, without building a set (repeats do not matter to min, max or fill). */
export function locs(patch: Value): Loc[] {
  const items = iterate(patch);
  if (items.length === 0) return [];
  return Array.isArray((items[0] as Value[])[1]) ? items.map((c) => (c as Cell)[1]) : (items as Loc[]);
}
const rowsOf = (patch: Value) => locs(patch).map((l) => l[0]);
const colsOf = (patch: Value) => locs(patch).map((l) => l[1]);

function minOf(xs: number[]): number {
  if (xs.length === 0) throw new Error('min() arg is an empty sequence');
  return Math.min(...xs);
}
function maxOf(xs: number[]): number {
  if (xs.length === 0) throw new Error('max() arg is an empty sequence');
  return Math.max(...xs);
}

export const uppermost = (patch: Value) => minOf(rowsOf(patch));
export const lowermost = (patch: Value) => maxOf(rowsOf(patch));
export const leftmost = (patch: Value) => minOf(colsOf(patch));
export const rightmost = (patch: Value) => maxOf(colsOf(patch));

/** The corner functions zip the indices: an empty patch gives an empty tuple. */
function corner(patch: Value, pickRow: 'min' | 'max', pickCol: 'min' | 'max'): Value {
  const l = locs(patch);
  if (l.length === 0) return [];
  const r = l.map((x) => x[0]);
  const c = l.map((x) => x[1]);
  return [pickRow === 'min' ? minOf(r) : maxOf(r), pickCol === 'min' ? minOf(c) : maxOf(c)];
}
export const ulcorner = (patch: Value) => corner(patch, 'min', 'min') as Loc;
export const urcorner = (patch: Value) => corner(patch, 'min', 'max') as Loc;
export const llcorner = (patch: Value) => corner(patch, 'max', 'min') as Loc;
export const lrcorner = (patch: Value) => corner(patch, 'max', 'max') as Loc;

export function height(piece: Value): number {
  if (pyLen(piece) === 0) return 0;
  if (isGrid(piece)) return piece.length;
  return lowermost(piece) - uppermost(piece) + 1;
}
export function width(piece: Value): number {
  if (pyLen(piece) === 0) return 0;
  if (isGrid(piece)) return pyLen(piece[0]);
  return rightmost(piece) - leftmost(piece) + 1;
}

export function shift(patch: Value, directions: Value): Value {
  if (pyLen(patch) === 0) return patch;
  const [di, dj] = directions as Loc;
  if (isObject(patch)) return mapDistinct(patch, iterate(patch).map((c) => [(c as Cell)[0], [(c as Cell)[1][0] + di, (c as Cell)[1][1] + dj]]));
  return mapDistinct(patch, iterate(patch).map((l) => [(l as Loc)[0] + di, (l as Loc)[1] + dj]));
}

export function normalize(patch: Value): Value {
  if (pyLen(patch) === 0) return patch;
  return shift(patch, [-uppermost(patch), -leftmost(patch)]);
}

function rectangleOutline(si: number, sj: number, ei: number, ej: number): FSet {
  const out: Loc[] = [];
  for (let i = si; i <= ei; i++) out.push([i, sj], [i, ej]);
  for (let j = sj; j <= ej; j++) out.push([si, j], [ei, j]);
  return new FSet(out);
}
export function outline(ai: number, aj: number, bi: number, bj: number): FSet {
  return rectangleOutline(Math.min(ai, bi), Math.min(aj, bj), Math.max(ai, bi), Math.max(aj, bj));
}

export function backdrop(patch: Value): FSet {
  if (pyLen(patch) === 0) return new FSet();
  const [si, sj] = ulcorner(toindices(patch));
  const [ei, ej] = lrcorner(patch);
  const out: Loc[] = [];
  for (let i = si; i <= ei; i++) for (let j = sj; j <= ej; j++) out.push([i, j]);
  return new FSet(out);
}

export function center(patch: Value): Loc {
  return [uppermost(patch) + floorDiv(height(patch), 2), leftmost(patch) + floorDiv(width(patch), 2)];
}

export function connect(a: Value, b: Value): FSet {
  const [ai, aj] = a as Loc;
  const [bi, bj] = b as Loc;
  const si = Math.min(ai, bi);
  const ei = Math.max(ai, bi) + 1;
  const sj = Math.min(aj, bj);
  const ej = Math.max(aj, bj) + 1;
  const out: Loc[] = [];
  if (ai === bi) for (let j = sj; j < ej; j++) out.push([ai, j]);
  else if (aj === bj) for (let i = si; i < ei; i++) out.push([i, aj]);
  else if (bi - ai === bj - aj) for (let k = 0; si + k < ei && sj + k < ej; k++) out.push([si + k, sj + k]);
  else if (bi - ai === aj - bj) for (let k = 0; si + k < ei && ej - 1 - k > sj - 1; k++) out.push([si + k, ej - 1 - k]);
  return new FSet(out);
}

export const dneighbors = ([i, j]: Loc) => new FSet([[i - 1, j], [i + 1, j], [i, j - 1], [i, j + 1]]);
export const ineighbors = ([i, j]: Loc) => new FSet([[i - 1, j - 1], [i - 1, j + 1], [i + 1, j - 1], [i + 1, j + 1]]);

export function hasPeriod(normalized: Value, offset: Loc, keep: (c: Cell) => boolean): boolean {
  const shifted = iterate(shift(normalized, offset)) as Cell[];
  const set = normalized as FSet;
  return shifted.filter(keep).every((c) => set.has(c));
}

export function manhattan(a: Value, b: Value): number {
  let best = Infinity;
  for (const [ai, aj] of locs(a)) for (const [bi, bj] of locs(b)) best = Math.min(best, Math.abs(ai - bi) + Math.abs(aj - bj));
  if (best === Infinity) throw new Error('min() arg is an empty sequence');
  return best;
}

export function matching(a: Value, b: Value, axis: 0 | 1): boolean {
  const xs = new Set(locs(a).map((l) => l[axis]));
  return locs(b).some((l) => xs.has(l[axis]));
}
