// The re-arc DSL's grid primitives and the table of every grid and patch primitive, written from their
// documented Python semantics. A grid is a tuple of rows; "piece" functions take a grid or a patch (see
// patches.ts) and tell them apart as the Python does (tuple or not).
import { FSet, floorDiv, iterate, pyEqual, pyLen, pyMaxBy, pySlice, mapDistinct, type Value } from './py-values.ts';
import { type Grid, type Loc, type Cell, isGrid, asGrid, isObject, toindices, locs, uppermost, lowermost, leftmost, rightmost, ulcorner, urcorner, llcorner, lrcorner, height, width, shift, normalize, outline, backdrop, center, connect, dneighbors, ineighbors, hasPeriod, manhattan, matching } from './patches.ts';

/** mostcolor/leastcolor: max/min of set(values) by count; ties follow the set's iteration order. */
function colorValues(element: Value): number[] {
  if (isGrid(element)) return asGrid(element).flat();
  return iterate(element).map((c) => (c as Cell)[0]);
}
function byCount(element: Value, sign: 1 | -1): number {
  const values = colorValues(element);
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return pyMaxBy(new FSet(values).items, (v: Value) => counts.get(Number(v))!, sign) as number;
}
const mostcolor = (element: Value) => byCount(element, 1);
const leastcolor = (element: Value) => byCount(element, -1);

function palette(element: Value): FSet {
  return new FSet(colorValues(element));
}

function fill(grid: Value, value: Value, patch: Value): Grid {
  const g = asGrid(grid);
  const h = g.length;
  const w = g[0].length;
  const out = g.map((row) => [...row]);
  for (const [i, j] of locs(patch)) if (i >= 0 && i < h && j >= 0 && j < w) out[i][j] = value as number;
  return out;
}

function paint(grid: Value, obj: Value): Grid {
  const g = asGrid(grid);
  const out = g.map((row) => [...row]);
  for (const [v, [i, j]] of iterate(obj) as Cell[]) if (i >= 0 && i < g.length && j >= 0 && j < g[0].length) out[i][j] = v;
  return out;
}

function crop(grid: Value, start: Value, dims: Value): Grid {
  const [si, sj] = start as Loc;
  const [dh, dw] = dims as Loc;
  return pySlice(asGrid(grid), si, si + dh).map((r) => pySlice(r, sj, sj + dw));
}

function dmirror(piece: Value): Value {
  if (isGrid(piece)) return transpose(asGrid(piece));
  const [a, b] = ulcorner(piece);
  if (isObject(piece)) return mapDistinct(piece, iterate(piece).map((c) => [(c as Cell)[0], [(c as Cell)[1][1] - b + a, (c as Cell)[1][0] - a + b]]));
  return mapDistinct(piece, iterate(piece).map((l) => [(l as Loc)[1] - b + a, (l as Loc)[0] - a + b]));
}
function vmirror(piece: Value): Value {
  if (isGrid(piece)) return asGrid(piece).map((row) => [...row].reverse());
  const d = ulcorner(piece)[1] + lrcorner(piece)[1];
  if (isObject(piece)) return mapDistinct(piece, iterate(piece).map((c) => [(c as Cell)[0], [(c as Cell)[1][0], d - (c as Cell)[1][1]]]));
  return mapDistinct(piece, iterate(piece).map((l) => [(l as Loc)[0], d - (l as Loc)[1]]));
}
function hmirror(piece: Value): Value {
  if (isGrid(piece)) return [...asGrid(piece)].reverse();
  const d = ulcorner(piece)[0] + lrcorner(piece)[0];
  if (isObject(piece)) return mapDistinct(piece, iterate(piece).map((c) => [(c as Cell)[0], [d - (c as Cell)[1][0], (c as Cell)[1][1]]]));
  return mapDistinct(piece, iterate(piece).map((l) => [d - (l as Loc)[0], (l as Loc)[1]]));
}

/** zip(*rows): as long as the shortest row. */
function transpose(rows: Grid): Grid {
  if (rows.length === 0) return [];
  const w = Math.min(...rows.map((r) => r.length));
  return Array.from({ length: w }, (_, j) => rows.map((r) => r[j]));
}
const rot90 = (grid: Value): Grid => transpose([...asGrid(grid)].reverse());
const rot180 = (grid: Value): Grid => [...asGrid(grid)].reverse().map((row) => [...row].reverse());
const rot270 = (grid: Value): Grid => transpose([...asGrid(grid)].reverse()).map((row) => [...row].reverse()).reverse();
const tophalf = (grid: Value): Grid => pySlice(asGrid(grid), 0, floorDiv(asGrid(grid).length, 2));
const bottomhalf = (grid: Value): Grid => pySlice(asGrid(grid), floorDiv(asGrid(grid).length, 2) + (asGrid(grid).length % 2));

/** objects(): connected components (4- or 8-connected), of one colour or of any non-background colours. */
function objects(grid: Value, univalued: Value, diagonal: Value, withoutBg: Value): FSet {
  const g = asGrid(grid);
  const h = g.length;
  const w = g[0].length;
  const bg = withoutBg ? mostcolor(grid) : undefined;
  const occupied = new Uint8Array(h * w);
  const steps: Loc[] = diagonal ? [[-1, 0], [1, 0], [0, -1], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]] : [[-1, 0], [1, 0], [0, -1], [0, 1]];
  const objs: FSet[] = [];
  for (let si = 0; si < h; si++) {
    for (let sj = 0; sj < w; sj++) {
      if (occupied[si * w + sj] || g[si][sj] === bg) continue;
      const val = g[si][sj];
      const cells: Cell[] = [];
      const queue: Loc[] = [[si, sj]];
      const queued = new Uint8Array(h * w);
      queued[si * w + sj] = 1;
      while (queue.length > 0) {
        const [i, j] = queue.pop()!;
        const v = g[i][j];
        if (!(univalued ? v === val : v !== bg)) continue;
        cells.push([v, [i, j]]);
        occupied[i * w + j] = 1;
        for (const [di, dj] of steps) {
          const ni = i + di;
          const nj = j + dj;
          if (ni < 0 || ni >= h || nj < 0 || nj >= w || queued[ni * w + nj] || occupied[ni * w + nj]) continue;
          queued[ni * w + nj] = 1;
          queue.push([ni, nj]);
        }
      }
      cells.sort((x, y) => x[1][0] - y[1][0] || x[1][1] - y[1][1]);
      objs.push(FSet.ofDistinct(cells));
    }
  }
  return new FSet(objs);
}

function partitionBy(grid: Value, colors: readonly Value[]): FSet {
  const g = asGrid(grid);
  return new FSet(colors.map((value) => new FSet(g.flatMap((r, i) => r.flatMap((v, j) => (v === value ? [[v, [i, j]] as Value] : []))))));
}

function upscaleGrid(grid: Grid, factor: number, vertically: boolean): Grid {
  const out: Grid = [];
  for (const row of grid) {
    const wide = row.flatMap((v) => Array.from({ length: Math.max(0, factor) }, () => v));
    for (let k = 0; k < (vertically ? Math.max(0, factor) : 1); k++) out.push(wide);
  }
  return out;
}

export const GRID_DSL: Record<string, Value> = {
  toindices,
  uppermost,
  lowermost,
  leftmost,
  rightmost,
  ulcorner,
  urcorner,
  llcorner,
  lrcorner,
  corners: (patch: Value) => new FSet([ulcorner(patch), urcorner(patch), llcorner(patch), lrcorner(patch)]),
  height,
  width,
  shape: (piece: Value) => [height(piece), width(piece)],
  portrait: (piece: Value) => height(piece) > width(piece),
  hline: (patch: Value) => width(patch) === pyLen(patch) && height(patch) === 1,
  vline: (patch: Value) => height(patch) === pyLen(patch) && width(patch) === 1,
  shift,
  normalize,
  center,
  color: (obj: Value) => (iterate(obj)[0] as Cell)[0],
  mostcolor,
  leastcolor,
  palette,
  numcolors: (element: Value) => palette(element).size,
  colorcount: (element: Value, value: Value) => colorValues(element).filter((v) => pyEqual(v, value)).length,
  colorfilter: (objs: Value, value: Value) => new FSet(iterate(objs).filter((o) => pyEqual((iterate(o)[0] as Cell)[0], value))),
  sizefilter: (container: Value, n: Value) => new FSet(iterate(container).filter((item) => pyLen(item) === n)),
  asindices: (grid: Value) => {
    const g = asGrid(grid);
    const out: Loc[] = [];
    for (let i = 0; i < g.length; i++) for (let j = 0; j < g[0].length; j++) out.push([i, j]);
    return FSet.ofDistinct(out);
  },
  asobject: (grid: Value) => FSet.ofDistinct(asGrid(grid).flatMap((r, i) => r.map((v, j) => [v, [i, j]] as Value))),
  ofcolor: (grid: Value, value: Value) => FSet.ofDistinct(asGrid(grid).flatMap((r, i) => r.flatMap((v, j) => (v === value ? [[i, j] as Value] : [])))),
  toobject: (patch: Value, grid: Value) => {
    const g = asGrid(grid);
    return FSet.ofDistinct((toindices(patch).items as Loc[]).filter(([i, j]) => i >= 0 && i < g.length && j >= 0 && j < g[0].length).map(([i, j]) => [g[i][j], [i, j]]));
  },
  // toindices is a set, so its members and the cells made from them are distinct.
  recolor: (value: Value, patch: Value) => FSet.ofDistinct(toindices(patch).items.map((l) => [value, l])),
  objects,
  partition: (grid: Value) => partitionBy(grid, palette(grid).items),
  fgpartition: (grid: Value) => {
    const bg = mostcolor(grid);
    return partitionBy(grid, palette(grid).items.filter((v) => v !== bg));
  },
  frontiers: (grid: Value) => {
    const g = asGrid(grid);
    const rows = g.map((r, i) => (new Set(r).size === 1 ? i : -1)).filter((i) => i >= 0);
    const cols = transpose(g).map((c, j) => (new Set(c).size === 1 ? j : -1)).filter((j) => j >= 0);
    const h = rows.map((i) => new FSet(g[i].map((v, j) => [v, [i, j]])));
    const v = cols.map((j) => new FSet(g.map((r, i) => [r[j], [i, j]])));
    return new FSet([...h, ...v]);
  },
  occurrences: (grid: Value, obj: Value) => {
    const g = asGrid(grid);
    const normed = iterate(normalize(obj)) as Cell[];
    const out: Loc[] = [];
    for (let i = 0; i < g.length; i++) {
      for (let j = 0; j < g[0].length; j++) {
        if (normed.every(([v, [a, b]]) => a + i >= 0 && a + i < g.length && b + j >= 0 && b + j < g[0].length && g[a + i][b + j] === v)) out.push([i, j]);
      }
    }
    return new FSet(out);
  },
  fill,
  underfill: (grid: Value, value: Value, patch: Value) => {
    const bg = mostcolor(grid);
    const g = asGrid(grid);
    const out = g.map((row) => [...row]);
    for (const [i, j] of locs(patch)) if (i >= 0 && i < g.length && j >= 0 && j < g[0].length && out[i][j] === bg) out[i][j] = value as number;
    return out;
  },
  paint,
  cover: (grid: Value, patch: Value) => fill(grid, mostcolor(grid), toindices(patch)),
  move: (grid: Value, obj: Value, offset: Value) => paint(fill(grid, mostcolor(grid), toindices(obj)), shift(obj, offset)),
  underpaint: (grid: Value, obj: Value) => {
    const g = asGrid(grid);
    const bg = mostcolor(grid);
    const out = g.map((row) => [...row]);
    for (const [v, [i, j]] of iterate(obj) as Cell[]) if (i >= 0 && i < g.length && j >= 0 && j < g[0].length && out[i][j] === bg) out[i][j] = v;
    return out;
  },
  replace: (grid: Value, replacee: Value, replacer: Value) => asGrid(grid).map((r) => r.map((v) => (v === replacee ? (replacer as number) : v))),
  switch: (grid: Value, a: Value, b: Value) => asGrid(grid).map((r) => r.map((v) => (v === a ? (b as number) : v === b ? (a as number) : v))),
  canvas: (value: Value, dims: Value) => Array.from({ length: Math.max(0, (dims as Loc)[0]) }, () => Array.from({ length: Math.max(0, (dims as Loc)[1]) }, () => value as number)),
  crop,
  subgrid: (patch: Value, grid: Value) => crop(grid, ulcorner(patch), [height(patch), width(patch)]),
  index: (grid: Value, loc: Value) => {
    const g = asGrid(grid);
    const [i, j] = loc as Loc;
    return i >= 0 && i < g.length && j >= 0 && j < g[0].length ? g[i][j] : null;
  },
  hconcat: (a: Value, b: Value) => {
    const x = asGrid(a);
    const y = asGrid(b);
    return Array.from({ length: Math.min(x.length, y.length) }, (_, i) => [...x[i], ...y[i]]);
  },
  vconcat: (a: Value, b: Value) => [...asGrid(a), ...asGrid(b)],
  hsplit: (grid: Value, n: Value) => {
    const g = asGrid(grid);
    const k = n as number;
    const w = floorDiv(g[0].length, k);
    const offset = g[0].length % k !== 0 ? 1 : 0;
    return Array.from({ length: k }, (_, i) => crop(grid, [0, w * i + i * offset], [g.length, w]));
  },
  vsplit: (grid: Value, n: Value) => {
    const g = asGrid(grid);
    const k = n as number;
    const h = floorDiv(g.length, k);
    const offset = g.length % k !== 0 ? 1 : 0;
    return Array.from({ length: k }, (_, i) => crop(grid, [h * i + i * offset, 0], [h, g[0].length]));
  },
  tophalf,
  bottomhalf,
  lefthalf: (grid: Value) => rot270(tophalf(rot90(grid))),
  righthalf: (grid: Value) => rot270(bottomhalf(rot90(grid))),
  rot90,
  rot180,
  rot270,
  dmirror,
  vmirror,
  hmirror,
  cmirror: (piece: Value) => {
    if (isGrid(piece)) return transpose([...asGrid(piece)].reverse().map((r) => [...r].reverse()));
    return vmirror(dmirror(vmirror(piece)));
  },
  trim: (grid: Value) => pySlice(asGrid(grid), 1, -1).map((r) => pySlice(r, 1, -1)),
  compress: (grid: Value) => {
    const g = asGrid(grid);
    const uniformRows = new Set(g.map((r, i) => (new Set(r).size === 1 ? i : -1)));
    const uniformCols = new Set(transpose(g).map((c, j) => (new Set(c).size === 1 ? j : -1)));
    return g.filter((_, i) => !uniformRows.has(i)).map((r) => r.filter((_, j) => !uniformCols.has(j)));
  },
  upscale: (element: Value, factor: Value) => {
    const k = factor as number;
    if (isGrid(element)) return upscaleGrid(asGrid(element), k, true);
    if (pyLen(element) === 0) return new FSet();
    const [oi, oj] = ulcorner(element);
    const normed = iterate(shift(element, [-oi, -oj])) as Cell[];
    const out: Cell[] = [];
    for (const [v, [i, j]] of normed) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) out.push([v, [i * k + a, j * k + b]]);
    return shift(new FSet(out), [oi, oj]);
  },
  hupscale: (grid: Value, factor: Value) => upscaleGrid(asGrid(grid), factor as number, false),
  vupscale: (grid: Value, factor: Value) => asGrid(grid).flatMap((row) => Array.from({ length: Math.max(0, factor as number) }, () => row)),
  downscale: (grid: Value, factor: Value) => {
    const k = factor as number;
    const keep = (_: unknown, idx: number) => ((idx % k) + k) % k === 0;
    return asGrid(grid).map((row) => row.filter(keep)).filter(keep);
  },
  square: (piece: Value) =>
    isGrid(piece) ? piece.length === pyLen(piece[0]) : height(piece) * width(piece) === pyLen(piece) && height(piece) === width(piece),
  centerofmass: (patch: Value) => {
    const l = locs(patch);
    if (l.length === 0) return [];
    const n = pyLen(patch);
    return [floorDiv(l.reduce((s, x) => s + x[0], 0), n), floorDiv(l.reduce((s, x) => s + x[1], 0), n)];
  },
  position: (a: Value, b: Value) => {
    const [ia, ja] = center(toindices(a));
    const [ib, jb] = center(toindices(b));
    if (ia === ib) return [0, ja < jb ? 1 : -1];
    if (ja === jb) return [ia < ib ? 1 : -1, 0];
    if (ia < ib) return [1, ja < jb ? 1 : -1];
    if (ia > ib) return [-1, ja < jb ? 1 : -1];
    return null;
  },
  backdrop,
  delta: (patch: Value) => {
    if (pyLen(patch) === 0) return new FSet();
    const inside = toindices(patch);
    return new FSet(backdrop(patch).items.filter((l) => !inside.has(l)));
  },
  box: (patch: Value) => {
    if (pyLen(patch) === 0) return patch;
    const [ai, aj] = ulcorner(patch);
    const [bi, bj] = lrcorner(patch);
    return outline(ai, aj, bi, bj);
  },
  inbox: (patch: Value) => outline(uppermost(patch) + 1, leftmost(patch) + 1, lowermost(patch) - 1, rightmost(patch) - 1),
  outbox: (patch: Value) => outline(uppermost(patch) - 1, leftmost(patch) - 1, lowermost(patch) + 1, rightmost(patch) + 1),
  connect,
  shoot: (start: Value, direction: Value) => connect(start, [(start as Loc)[0] + 42 * (direction as Loc)[0], (start as Loc)[1] + 42 * (direction as Loc)[1]]),
  hfrontier: (loc: Value) => new FSet(Array.from({ length: 30 }, (_, j) => [(loc as Loc)[0], j])),
  vfrontier: (loc: Value) => new FSet(Array.from({ length: 30 }, (_, i) => [i, (loc as Loc)[1]])),
  dneighbors: (loc: Value) => dneighbors(loc as Loc),
  ineighbors: (loc: Value) => ineighbors(loc as Loc),
  neighbors: (loc: Value) => new FSet([...dneighbors(loc as Loc).items, ...ineighbors(loc as Loc).items]),
  manhattan,
  adjacent: (a: Value, b: Value) => manhattan(a, b) === 1,
  hmatching: (a: Value, b: Value) => matching(a, b, 0),
  vmatching: (a: Value, b: Value) => matching(a, b, 1),
  bordering: (patch: Value, grid: Value) =>
    uppermost(patch) === 0 || leftmost(patch) === 0 || lowermost(patch) === asGrid(grid).length - 1 || rightmost(patch) === asGrid(grid)[0].length - 1,
  gravitate: (source: Value, destination: Value) => {
    const [si, sj] = center(source);
    const [di, dj] = center(destination);
    let i = 0;
    let j = 0;
    if (matching(source, destination, 1)) i = si < di ? 1 : -1;
    else j = sj < dj ? 1 : -1;
    let gi = i;
    let gj = j;
    let moved = source;
    for (let c = 0; manhattan(moved, destination) !== 1 && c < 42; c++) {
      gi += i;
      gj += j;
      moved = shift(moved, [i, j]);
    }
    return [gi - i, gj - j];
  },
  hperiod: (obj: Value) => {
    const normalized = normalize(obj);
    const w = width(normalized);
    for (let p = 1; p < w; p++) if (hasPeriod(normalized, [0, -p], (c) => c[1][1] >= 0)) return p;
    return w;
  },
  vperiod: (obj: Value) => {
    const normalized = normalize(obj);
    const h = height(normalized);
    for (let p = 1; p < h; p++) if (hasPeriod(normalized, [-p, 0], (c) => c[1][0] >= 0)) return p;
    return h;
  },
};
