// Matrix arithmetic for comparing matrix answers the way sympy's doit() leaves them: sums and products of
// written matrices (and numbers times matrices, and small integer powers) worked out entry by entry.
import { addFlat, mulFlat, type Node } from './nodes.ts';

type Matrix = Extract<Node, { k: 'matrix' }>;

const shapeOf = (m: Matrix) => [m.rows.length, m.rows[0]?.length ?? 0] as const;

function times(a: Matrix, b: Matrix): Matrix | undefined {
  const [n, k] = shapeOf(a);
  const [k2, m] = shapeOf(b);
  if (k !== k2) return undefined;
  const rows = Array.from({ length: n }, (_r, i) =>
    Array.from({ length: m }, (_c, j) => {
      const terms = Array.from({ length: k }, (_t, t) => mulFlat(a.rows[i][t], b.rows[t][j]));
      return terms.length === 1 ? terms[0] : terms.reduce(addFlat);
    }),
  );
  return { k: 'matrix', rows };
}

/** The matrix a node works out to, or undefined when it is not matrix arithmetic (or the shapes do not fit). */
export function reduceMatrix(n: Node): Matrix | undefined {
  if (n.k === 'matrix') return n;
  if (n.k === 'add') {
    const parts = n.args.map(reduceMatrix);
    if (!parts.every((p) => p !== undefined)) return undefined;
    const [first, ...rest] = parts as Matrix[];
    const [r, c] = shapeOf(first);
    if (rest.some((p) => shapeOf(p)[0] !== r || shapeOf(p)[1] !== c)) return undefined;
    return { k: 'matrix', rows: first.rows.map((row, i) => row.map((x, j) => rest.reduce((acc, p) => addFlat(acc, p.rows[i][j]), x))) };
  }
  if (n.k === 'mul') {
    let scalar: Node[] = [];
    let acc: Matrix | undefined;
    for (const arg of n.args) {
      const m = containsMatrix(arg) ? reduceMatrix(arg) : undefined;
      if (containsMatrix(arg) && !m) return undefined;
      if (!m) scalar.push(arg);
      else acc = acc ? times(acc, m) : m;
      if (containsMatrix(arg) && !acc) return undefined;
    }
    if (!acc) return undefined;
    const factor = scalar;
    scalar = [];
    return factor.length === 0 ? acc : { k: 'matrix', rows: acc.rows.map((row) => row.map((x) => factor.reduce((p, f) => mulFlat(f, p), x))) };
  }
  if (n.k === 'pow' && n.exp.k === 'num' && n.exp.v.q === 1n && n.exp.v.p >= 1n && n.exp.v.p <= 16n) {
    const base = reduceMatrix(n.base);
    if (!base || shapeOf(base)[0] !== shapeOf(base)[1]) return undefined;
    let acc: Matrix | undefined = base;
    for (let i = 1n; i < n.exp.v.p && acc; i++) acc = times(acc, base);
    return acc;
  }
  return undefined;
}

export function containsMatrix(n: Node): boolean {
  if (n.k === 'matrix') return true;
  if (n.k === 'add' || n.k === 'mul') return n.args.some(containsMatrix);
  if (n.k === 'pow') return containsMatrix(n.base);
  return false;
}
