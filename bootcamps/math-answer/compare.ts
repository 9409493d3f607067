// Whether a predicted answer equals the gold one, deciding as Math-Verify's grader (sympy_expr_eq, strict mode)
// does, gold first:
// - assignments: `x = 3` against `3` compares 3 with 3 (either way round), `a = b = 7` is a = 7, while an equation
//   that is not an assignment only unwraps on the prediction's side (2x + z = 1 against 1 is not equal);
// - a gold relation against a predicted set is read as the set it describes (1 < x < 2 is (1, 2));
// - the same text is equal; relations by their sides (a - b), flipped (a < b is b > a), and equations in two or
//   more variables whose differences are constant multiples (2x + 2y = 2 and x + y = 1);
// - sets order-free, tuples and intervals in order (open and closed ends counted), unions by the points they hold;
// - a lone symbol by its name (`\text{Yes}` is `yes`), numbers exactly, and rounded to `floatRounding` decimals
//   when one side is a decimal (1/3 = 0.333333); other expressions by value: exactly where rational arithmetic
//   suffices, else to 11 significant digits at several points for each free symbol (see equalByValue).
import { addFlat, childrenOf, freeSymbols, hasFloat, isEquation, isRelation, isSetLike, mulFlat, MINUS_ONE, onlySymbols, show, type Node, type RelOp } from './nodes.ts';
import { approx, close, exact, ratToNumber, roundExact, type C, type Point } from './numeric.ts';
import { relationAsSet, relationMatchesSet, sameRealSet } from './real-sets.ts';
import { containsMatrix, reduceMatrix } from './matrices.ts';
import { rat, type Rational } from '../shared/sympy-lite/expr.ts';

export interface CompareOptions {
  /** Decimal places a decimal answer is rounded to before comparing (Math-Verify's float_rounding, default 6). */
  floatRounding: number;
  /** Symbols range over the complex numbers (Math-Verify's reading when the answer mentions i, \mathbb{C}, ...). */
  complex: boolean;
}

const INVERSE: Readonly<Record<RelOp, RelOp>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '!=': '!=' };

const firstRel = (n: Node): Node => (n.k === 'and' ? n.args[0] : n);
const lastRel = (n: Node): Node => (n.k === 'and' ? lastRel(n.args[n.args.length - 1]) : n);
const sideOf = (n: Node, side: 'lhs' | 'rhs'): Node => (n as Extract<Node, { k: 'rel' }>)[side];
const difference = (a: Node, b: Node): Node => addFlat(a, mulFlat(MINUS_ONE, b));

function isAssignment(n: Node): boolean {
  if (n.k === 'rel') return n.op === '=' && onlySymbols(n.lhs);
  if (n.k === 'and') return n.args.length > 0 && n.args.every((a) => a.k === 'rel' && a.op === '=') && onlySymbols(sideOf(n.args[0], 'lhs'));
  return false;
}

export function equalAnswers(goldIn: Node, predIn: Node, opts: CompareOptions): boolean {
  let gold = goldIn;
  let pred = predIn;
  const goldAssignment = isAssignment(gold);
  const predAssignment = isAssignment(pred);
  const goldEquation = isEquation(gold);
  const predEquation = isEquation(pred);
  if (goldAssignment) gold = { k: 'rel', op: '=', lhs: sideOf(firstRel(gold), 'lhs'), rhs: sideOf(lastRel(gold), 'rhs') };
  if (predAssignment) pred = { k: 'rel', op: '=', lhs: sideOf(firstRel(pred), 'lhs'), rhs: sideOf(lastRel(pred), 'rhs') };
  if (predEquation && !goldEquation) pred = sideOf(lastRel(pred), 'rhs');
  else if (goldAssignment && !predEquation) gold = sideOf(lastRel(gold), 'rhs');
  if (isRelation(gold) && isSetLike(pred)) {
    const asSet = relationAsSet(gold);
    if (asSet) gold = asSet;
    else {
      // Beyond linear relations, the relation and the set are compared point by point.
      const same = relationMatchesSet(gold, pred);
      if (same !== undefined) return same;
    }
  }

  // Math-Verify's structural comparison raises on a gold that is complex infinity (12:00 read as 12/0).
  if (gold.k === 'const' && gold.name === 'zoo') return false;
  if (show(gold) === show(pred)) return true;
  if (isRelation(gold) && isRelation(pred)) return equalRelations(gold, pred, opts);
  if (isSetLike(gold) || isSetLike(pred) || gold.k === 'tuple' || pred.k === 'tuple') return equalSets(gold, pred, opts);
  if (gold.k === 'sym' || pred.k === 'sym') return equalSymbols(gold, pred);
  if (containsMatrix(gold) || containsMatrix(pred)) return equalMatrices(gold, pred, opts);
  return equalNumerically(gold, pred, opts) || equalByValue(gold, pred, opts);
}

/** Matrices entry by entry once their sums and products are worked out (sympy's doit), shapes equal. */
function equalMatrices(gold: Node, pred: Node, opts: CompareOptions): boolean {
  const a = reduceMatrix(gold);
  const b = reduceMatrix(pred);
  if (!a || !b || a.rows.length !== b.rows.length || a.rows[0].length !== b.rows[0].length) return false;
  return a.rows.every((row, i) => row.every((x, j) => equalNumerically(x, b.rows[i][j], opts) || equalByValue(x, b.rows[i][j], opts)));
}

function equalRelations(gold: Node, pred: Node, opts: CompareOptions): boolean {
  if (gold.k === 'and' && pred.k === 'and') return gold.args.length === pred.args.length && gold.args.every((g, i) => equalRelations(g, pred.args[i], opts));
  if (gold.k !== 'rel' || pred.k !== 'rel') return false;
  const gd = difference(gold.lhs, gold.rhs);
  if (gold.op === pred.op && equalAnswers(gd, difference(pred.lhs, pred.rhs), opts)) return true;
  if (INVERSE[gold.op] === pred.op && equalAnswers(gd, difference(pred.rhs, pred.lhs), opts)) return true;
  // Math-Verify then solves both and compares the solutions, which works only for equations in two or more
  // variables (solve returns {x: 1 - y}; in one variable it returns values, and inequalities a relation, and
  // the comparison fails): so 2x + 2y = 2 equals x + y = 1, while 2x = 4 and x = 2, or x > 2 and 2x > 4, differ.
  if (gold.op === '=' && pred.op === '=') return proportional(gd, difference(pred.lhs, pred.rhs), opts);
  return false;
}

/** Whether a = c·b for one nonzero constant c at every point (the same two or more free symbols on both sides). */
function proportional(a: Node, b: Node, opts: CompareOptions): boolean {
  const symbolsA = [...freeSymbols(a)].sort();
  const symbolsB = [...freeSymbols(b)].sort();
  if (symbolsA.length < 2 || symbolsA.join() !== symbolsB.join()) return false;
  let ratio: C | undefined;
  for (const at of pointsFor(symbolsA, opts.complex)) {
    const va = approx(a, at);
    const vb = approx(b, at);
    if (!va.every(Number.isFinite) || !vb.every(Number.isFinite)) return false;
    if (Math.hypot(...vb) < 1e-12) {
      if (Math.hypot(...va) > 1e-9) return false;
      continue;
    }
    const d = vb[0] * vb[0] + vb[1] * vb[1];
    const r: C = [(va[0] * vb[0] + va[1] * vb[1]) / d, (va[1] * vb[0] - va[0] * vb[1]) / d];
    if (ratio === undefined) ratio = r;
    else if (!close(ratio, r)) return false;
  }
  return ratio !== undefined && Math.hypot(...ratio) > 1e-12;
}

function asSetOrTuple(n: Node): Node {
  return isSetLike(n) || n.k === 'tuple' ? n : { k: 'set', items: [n] };
}

function equalSets(goldIn: Node, predIn: Node, opts: CompareOptions): boolean {
  const gold = asSetOrTuple(goldIn);
  const pred = asSetOrTuple(predIn);
  if (gold.k === 'interval' && pred.k === 'interval') {
    return gold.lopen === pred.lopen && gold.ropen === pred.ropen && equalAnswers(gold.lo, pred.lo, opts) && equalAnswers(gold.hi, pred.hi, opts);
  }
  if (gold.k !== 'tuple' && pred.k !== 'tuple' && sameRealSet(gold, pred) === true) return true;
  const listy = (n: Node) => n.k === 'set' || n.k === 'tuple';
  if (listy(gold) && listy(pred)) return equalElements(gold, pred, opts);
  // (1, 2) reads as an open interval, yet a prediction of the pair 1, 2 means the same.
  if (gold.k === 'interval' && gold.lopen && gold.ropen && listy(pred) && elementsOf(pred).length === 2) return equalElements({ k: 'tuple', items: [gold.lo, gold.hi] }, pred, opts);
  if (pred.k === 'interval' && pred.lopen && pred.ropen && listy(gold) && elementsOf(gold).length === 2) return equalElements(gold, { k: 'tuple', items: [pred.lo, pred.hi] }, opts);
  return false;
}

const elementsOf = (n: Node): Node[] => (n.k === 'set' ? distinct(n.items) : n.k === 'tuple' ? n.items : []);

/** A set's elements once each (sympy's FiniteSet drops repeats). */
function distinct(items: Node[]): Node[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = show(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Element by element: in order when the gold is a tuple, else each gold element matched to its own prediction. */
function equalElements(gold: Node, pred: Node, opts: CompareOptions): boolean {
  const g = elementsOf(gold);
  const p = elementsOf(pred);
  if (g.length !== p.length) return false;
  if (gold.k === 'tuple') return g.every((x, i) => equalAnswers(x, p[i], opts));
  const used = new Set<number>();
  return g.every((x) => {
    const j = p.findIndex((y, k) => !used.has(k) && equalAnswers(x, y, opts));
    if (j < 0) return false;
    used.add(j);
    return true;
  });
}

function equalSymbols(gold: Node, pred: Node): boolean {
  const isE = (n: Node) => n.k === 'const' && n.name === 'E';
  if ((gold.k === 'sym' && gold.name === 'e' && isE(pred)) || (pred.k === 'sym' && pred.name === 'e' && isE(gold))) return true;
  const spelled = (n: Node): string | undefined =>
    n.k === 'mul' && n.args.every((a) => a.k === 'sym' || isE(a)) ? n.args.map((a) => (a.k === 'sym' ? a.name : 'e')).join('') : undefined;
  if (gold.k === 'sym' && spelled(pred) !== undefined) return gold.name.toLowerCase() === spelled(pred)!.toLowerCase();
  if (pred.k === 'sym' && spelled(gold) !== undefined) return pred.name.toLowerCase() === spelled(gold)!.toLowerCase();
  if (gold.k === 'sym' && pred.k === 'sym') {
    const name = (s: string) => (s.length > 1 ? s.toLowerCase() : s);
    return name(gold.name) === name(pred.name);
  }
  return show(gold) === show(pred);
}

const isNumberAtom = (n: Node): boolean => n.k === 'num' || (n.k === 'const' && n.name === 'oo') || (n.k === 'pct' && n.arg.k === 'num');
const isFloatAtom = (n: Node): boolean => (n.k === 'num' && n.float !== undefined) || (n.k === 'pct' && n.arg.k === 'num' && n.arg.float !== undefined);

/** Whether the constant oo appears: only then is an infinite double a value rather than an overflow. */
function mentionsInfinity(n: Node): boolean {
  return (n.k === 'const' && n.name === 'oo') || childrenOf(n).some(mentionsInfinity);
}

/** Doubles that stand for the values: finite ones, or infinities the expressions mean (not 10^{10^{10}}). */
const meaningful = (n: Node, v: C) => v.every(Number.isFinite) || mentionsInfinity(n);

/** sympy_numeric_eq: decimals rounded, plain numbers exactly, matrices element by element. */
function equalNumerically(gold: Node, pred: Node, opts: CompareOptions): boolean {
  if (gold.k === 'matrix' && pred.k === 'matrix') {
    if (gold.rows.length !== pred.rows.length || gold.rows[0].length !== pred.rows[0].length) return false;
    return gold.rows.every((row, i) => row.every((x, j) => equalNumerically(x, pred.rows[i][j], opts)));
  }
  if (isNumberAtom(gold) || isNumberAtom(pred)) {
    if (isFloatAtom(gold) || isFloatAtom(pred)) {
      const a = rounded(gold, opts.floatRounding);
      const b = rounded(pred, opts.floatRounding);
      return a !== undefined && b !== undefined && a.p === b.p && a.q === b.q;
    }
    // doit() and ==: a value computed with a decimal is a Float, which never equals an exact number.
    if (hasFloat(gold) || hasFloat(pred)) return false;
    const a = exact(gold);
    const b = exact(pred);
    return a !== undefined && b !== undefined && a.p === b.p && a.q === b.q;
  }
  // (a - b).evalf(15, chop=True) == 0: equal to 15 digits, tiny differences chopped.
  if (freeSymbols(gold).size === 0 && freeSymbols(pred).size === 0) {
    const [a, b] = [approx(gold), approx(pred)];
    return meaningful(gold, a) && meaningful(pred, b) && close(a, b);
  }
  return false;
}

/** A real value rounded to `places` decimals; exactly when it is rational, else from its double. */
function rounded(n: Node, places: number): Rational | undefined {
  // A decimal rounds by its written value (sympy's Float.round: 2.4999995 is 2.5 to six places).
  if (n.k === 'num') return roundExact(n.v, places);
  if (n.k === 'pct' && n.arg.k === 'num') return roundExact(rat(n.arg.v.p, n.arg.v.q * 100n), places);
  const e = exact(n);
  if (e) return roundExact(e, places);
  const [re, im] = approx(n);
  if (!Number.isFinite(re) || Math.abs(im) > 1e-12) return undefined;
  const text = re.toFixed(Math.min(places + 6, 100));
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = rat(BigInt(whole + fraction) * (re < 0 ? -1n : 1n), 10n ** BigInt(fraction.length));
  return roundExact(value, places);
}

/**
 * sympy_symbolic_eq, simplify(a - b) == 0, decided by value: with no free symbols, the two doubles agree; with
 * symbols, the two agree at every one of several points (rational points first, in exact arithmetic, where both
 * sides are rational functions there; real points unless the answer is complex). A point where one side is
 * undefined (a pole) is skipped; at least three must remain.
 */
function equalByValue(gold: Node, pred: Node, opts: CompareOptions): boolean {
  if (gold.k === 'matrix' || pred.k === 'matrix') {
    if (gold.k !== 'matrix' || pred.k !== 'matrix' || gold.rows.length !== pred.rows.length || gold.rows[0].length !== pred.rows[0].length) return false;
    return gold.rows.every((row, i) => row.every((x, j) => equalByValue(x, pred.rows[i][j], opts)));
  }
  if (isRelation(gold) || isRelation(pred)) return false;
  const symbols = [...new Set([...freeSymbols(gold), ...freeSymbols(pred)])].sort();
  // With a decimal involved, the difference is a Float, zero only when the floating-point values are equal.
  const floating = hasFloat(gold) || hasFloat(pred);
  const same = (a: C, b: C) => meaningful(gold, a) && meaningful(pred, b) && (floating ? a[0] === b[0] && a[1] === b[1] : close(a, b));
  if (symbols.length === 0) {
    const a = exact(gold);
    const b = exact(pred);
    if (a && b) return a.p === b.p && a.q === b.q;
    return same(approx(gold), approx(pred));
  }
  let checked = 0;
  for (const at of pointsFor(symbols, opts.complex)) {
    const a = exact(gold, at);
    const b = exact(pred, at);
    if (a && b) {
      if (a.p !== b.p || a.q !== b.q) return false;
      checked++;
      continue;
    }
    const va = approx(gold, at);
    const vb = approx(pred, at);
    if (!va.every(Number.isFinite) && !vb.every(Number.isFinite)) continue;
    if (!same(va, vb)) return false;
    checked++;
  }
  return checked >= 3;
}

// Rational points, distinct per symbol, both signs, away from small integers where answers have poles.
const REAL_POINTS: ReadonlyArray<readonly [bigint, bigint]> = [[7n, 3n], [-5n, 4n], [11n, 13n], [29n, 10n], [-17n, 7n], [3n, 11n]];
const COMPLEX_POINTS: readonly C[] = [[0.7311, 0.2113], [-1.3179, -0.4127], [0.4283, 2.1551], [-0.9047, -2.6379], [1.6123, -0.2871], [1.5127, 3.0411]];

function pointsFor(symbols: string[], complex: boolean): Point[] {
  return REAL_POINTS.map((_p, k) => {
    const exactValues = new Map<string, Rational>();
    const approxValues = new Map<string, C>();
    symbols.forEach((name, n) => {
      if (complex) {
        const [re, im] = COMPLEX_POINTS[(k + n) % COMPLEX_POINTS.length];
        approxValues.set(name, [re * (1 + n / 10), im * (1 + n / 10)]);
        return;
      }
      const [p, q] = REAL_POINTS[(k + n) % REAL_POINTS.length];
      const v = rat(p * BigInt(10 + n), q * 10n);
      exactValues.set(name, v);
      approxValues.set(name, [ratToNumber(v), 0]);
    });
    return { exact: exactValues, approx: approxValues };
  });
}
