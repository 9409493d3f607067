// Reads a whole normalised LaTeX answer the way latex2sympy2_extended's top rule does, trying in its order:
// `x \in {...}` / `x = 1, 2` (a variable set to elements), then comma- and semicolon-separated elements (one
// element is itself; `1, 2` a finite set; `1, 2; 3, 4` a set of tuples; `\pm 2` two elements), then set
// expressions with \cup, \cap and \setminus. Brackets follow the grammar: `(1, 2)` and `[1, 2)` are intervals
// (a tuple when the interval would be empty, so (3, 1) is the pair), `(1, 2, 3)` a tuple, `\{1, 2\}` a set.
// A relation reads left to right into a chain (1 < x < 2 is 1 < x and x < 2); `x \approx 3.1` is 3.1.
import { LatexSyntaxError } from './latex-lexer.ts';
import { Cursor, ExprReader, tokensOf } from './latex-expr.ts';
import { addFlat, negate, onlySymbols, type Node, type RelOp } from './nodes.ts';
import { realApprox } from './numeric.ts';

const FOLLOW = new Set([',', ';', ')', ']', '}', '\\)', '\\}']);
const REL_OPS: Readonly<Record<string, RelOp>> = { '=': '=', '==': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '!=': '!=' };
const INTERVAL_OPEN: Readonly<Record<string, boolean>> = { '(': true, '\\(': true, '[': false };
const INTERVAL_CLOSE: Readonly<Record<string, boolean>> = { ')': true, '\\)': true, ']': false };
const SET_OPEN: Readonly<Record<string, string>> = { '{': '}', '\\{': '\\}' };
const TUPLE_OPEN: Readonly<Record<string, string>> = { '(': ')', '\\(': '\\)', '[': ']' };

/** Elements as the grammar groups them: one list per semicolon part, each element read into one or two values. */
type Elements = Node[][];

function setOrTuple(elements: Elements): Node {
  if (elements.length === 1) return elements[0].length === 1 ? elements[0][0] : { k: 'set', items: elements[0] };
  if (elements.every((e) => e.length === 1)) return { k: 'set', items: elements.map((e) => e[0]) };
  return { k: 'set', items: elements.map((e) => ({ k: 'tuple', items: e })) };
}

class SetReader {
  private readonly x: ExprReader;
  constructor(private readonly c: Cursor) {
    this.x = new ExprReader(c);
  }

  math(): Node {
    const whole = <T>(read: () => T) =>
      this.c.attempt(() => {
        const v = read();
        if (!this.c.done) throw new LatexSyntaxError(`unexpected ${this.c.peek()!.raw}`);
        return v;
      });
    const assigned = whole(() => this.assignedElements());
    if (assigned) return assigned;
    const elements = whole(() => this.elements(false));
    if (elements) return setOrTuple(elements);
    const sets = whole(() => this.setRelation());
    if (sets) return sets;
    throw new LatexSyntaxError('not an answer the grammar reads');
  }

  /** set_elements_relation: a variable (or a tuple of them) `\in` or `=` a list of elements. */
  private assignedElements(): Node {
    const lhs = this.atomList();
    if (!this.c.take('in') && !this.c.take('=')) throw new LatexSyntaxError('no assignment');
    return { k: 'rel', op: '=', lhs, rhs: setOrTuple(this.elements(true)) };
  }

  private atomList(): Node {
    if (this.c.take('(')) {
      const items = [this.x.atom()];
      while (this.c.take(',')) items.push(this.x.atom());
      this.c.expect(')');
      if (!items.every(onlySymbolAtom)) throw new LatexSyntaxError('not a variable list');
      return items.length === 1 ? items[0] : { k: 'tuple', items };
    }
    const atom = this.x.atom();
    if (!onlySymbolAtom(atom)) throw new LatexSyntaxError('not a variable');
    return atom;
  }

  elements(noRelation: boolean): Elements {
    const groups: Elements = [];
    do {
      const group: Node[] = [];
      do group.push(...this.element(noRelation));
      while (this.c.take(','));
      groups.push(group);
    } while (this.c.take(';'));
    return groups;
  }

  private followsElement(): boolean {
    const tok = this.c.peek();
    return !tok || (tok.type === 'op' && FOLLOW.has(tok.text));
  }

  private element(noRelation: boolean): Node[] {
    this.c.step();
    const pm = this.c.attempt(() => {
      let left: Node | undefined;
      if (!this.c.at('pm')) left = this.x.expr();
      this.c.expect('pm');
      const right = this.x.expr();
      if (!this.followsElement()) throw new LatexSyntaxError('not a ± element');
      return left === undefined ? [negateValue(right), right] : [addFlat(left, right), addFlat(left, negateValue(right))];
    });
    if (pm) return pm;
    const atom = this.c.attempt(() => {
      const a = this.setAtom();
      if (!this.followsElement()) throw new LatexSyntaxError('a set atom inside an expression');
      return a;
    });
    if (atom) return [atom];
    return [noRelation ? this.x.expr() : this.relation()];
  }

  /** relation: expressions joined by =, <, \le, ...; a chain keeps every link. */
  relation(): Node {
    let left: Node = this.x.expr();
    for (;;) {
      const tok = this.c.peek();
      if (!tok || tok.type !== 'rel') return left;
      if (tok.text === 'in' || tok.text === 'notin' || tok.text === 'subset' || tok.text === 'supset') throw new LatexSyntaxError(`${tok.raw} between expressions`);
      this.c.pos++;
      const right = this.x.expr();
      if (tok.text === 'approx') {
        left = onlySymbols(left) ? right : left;
        continue;
      }
      const op = REL_OPS[tok.text];
      const link = (lhs: Node): Node => ({ k: 'rel', op, lhs, rhs: right });
      if (left.k === 'and') left = { k: 'and', args: [...left.args, link((left.args[left.args.length - 1] as { rhs: Node }).rhs)] };
      else if (left.k === 'rel') left = { k: 'and', args: [left, link(left.rhs)] };
      else left = link(left);
    }
  }

  setAtom(): Node {
    const tok = this.c.peek();
    if (!tok) throw new LatexSyntaxError('unexpected end');
    if (tok.type === 'set') {
      this.c.pos++;
      return { k: 'named', name: tok.text as never };
    }
    if (this.c.at('{') && this.c.at('}', 1)) {
      this.c.pos += 2;
      return { k: 'named', name: 'Empty' };
    }
    if (this.c.at('\\{') && this.c.at('\\}', 1)) {
      this.c.pos += 2;
      return { k: 'named', name: 'Empty' };
    }
    const interval = this.c.attempt(() => this.interval());
    if (interval) return interval;
    if (tok.type === 'op' && TUPLE_OPEN[tok.text]) {
      const tuple = this.c.attempt(() => {
        this.c.pos++;
        const elements = this.c.nest(() => this.elements(false));
        this.c.expect(TUPLE_OPEN[tok.text]);
        if (elements.length === 1 && elements[0].length === 1) return elements[0][0];
        return { k: 'tuple' as const, items: elements.flat() };
      });
      if (tuple) return tuple;
    }
    if ((tok.type === 'op' && SET_OPEN[tok.text]) || (tok.type === 'cmd' && tok.text === 'boxed')) {
      this.c.pos++;
      const boxed = tok.type === 'cmd';
      if (boxed) this.c.expect('{');
      const elements = this.c.nest(() => this.elements(false));
      this.c.expect(boxed ? '}' : SET_OPEN[tok.text]);
      return boxed ? setOrTuple(elements) : { k: 'set', items: elements.flat() };
    }
    throw new LatexSyntaxError('not a set');
  }

  private interval(): Node {
    const open = this.c.peek()!;
    if (open.type !== 'op' || !(open.text in INTERVAL_OPEN)) throw new LatexSyntaxError('not an interval');
    this.c.pos++;
    const lo = this.x.expr();
    this.c.expect(',');
    const hi = this.x.expr();
    const close = this.c.peek();
    if (!close || close.type !== 'op' || !(close.text in INTERVAL_CLOSE)) throw new LatexSyntaxError('not an interval');
    this.c.pos++;
    const lopen = INTERVAL_OPEN[open.text];
    const ropen = INTERVAL_CLOSE[close.text];
    // An interval that would be empty is read as the pair it more likely is: (3, 1), [2, 1].
    const a = realApprox(lo);
    const b = realApprox(hi);
    if (a !== undefined && b !== undefined && ((lopen && ropen && b <= a) || (!lopen && !ropen && b < a))) return { k: 'tuple', items: [lo, hi] };
    return { k: 'interval', lo, hi, lopen, ropen };
  }

  /** set_relation: `x \in S`, then set differences, unions and intersections of set atoms. */
  private setRelation(): Node {
    const assigned = this.c.attempt(() => {
      const left = this.atomList();
      if (!this.c.take('in') && !this.c.take('=')) throw new LatexSyntaxError('no membership');
      return { k: 'rel' as const, op: '=' as const, lhs: left, rhs: this.setRelation() };
    });
    if (assigned) return assigned;
    return this.setMinus();
  }

  private setMinus(): Node {
    let a = this.setUnion();
    while (this.c.take('setminus')) a = { k: 'setop', op: 'minus', a, b: this.setUnion() };
    return a;
  }
  private setUnion(): Node {
    let a = this.setIntersection();
    while (this.c.take('cup')) a = { k: 'setop', op: 'union', a: asSet(a), b: asSet(this.setIntersection()) };
    return a;
  }
  private setIntersection(): Node {
    let a = this.setGroup();
    while (this.c.take('cap')) a = { k: 'setop', op: 'intersection', a: asSet(a), b: asSet(this.setGroup()) };
    return a;
  }
  private setGroup(): Node {
    this.c.step();
    const grouped = this.c.attempt(() => {
      this.c.expect('(');
      const inner = this.c.nest(() => this.setMinus());
      this.c.expect(')');
      return inner;
    });
    return grouped ?? this.setAtom();
  }
}

const onlySymbolAtom = (n: Node) => n.k === 'sym' || (n.k === 'pow' && n.base.k === 'sym');
const asSet = (n: Node): Node => (n.k === 'tuple' ? { k: 'set', items: n.items } : n);

/** latex2sympy's as_unary_minus: a number negated in place, anything else times -1. */
function negateValue(n: Node): Node {
  return negate(n);
}

// "7,425,000" and "1,000.5" are numbers, not sets (the grammar would read 1, 000 as the set {1, 0}).
const THOUSANDS = /^\s*-?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;

/** Reads a normalised LaTeX answer; throws LatexSyntaxError when the grammar would not read it. */
export function readLatex(latex: string): Node {
  if (THOUSANDS.test(latex)) {
    return new ExprReader(tokensOf(latex.replace(/[,\s]/g, ''))).expr();
  }
  return new SetReader(tokensOf(latex)).math();
}
