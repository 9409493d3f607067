// Where Math-Verify's LaTeX patterns match, found in linear time. Its patterns are regular expressions with lazy
// bodies ($...$, \[...\], \(...\), $$...$$, " [...] ", a bare \frac{a}{b}; the boxed forms need a \boxed{...}
// inside), up to five of them joined by ",", "and" or "or", after anchors such as "final answer is". Run as
// backtracking regular expressions they take quadratic time on text full of openers without closers (a line
// of 10,000 "\(" takes seconds); every body here stops at the first closer its characters allow, which is
// where the lazy pattern stops too, so a table of "next closer" positions answers each opener at once.

/** One match: where it starts and ends, and its named groups as Math-Verify's regexes name them. */
export interface SpanMatch {
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
}

type Body = 'latexDisplayDollar' | 'latexDisplayBracket' | 'latexInlineDollar' | 'latexInlineParenthesis' | 'latexInlineBracket' | 'latexFraction';

const FRACTION = /-?\\frac\{-?\d+(?:[.,]\d+)?\}\{-?\d+(?:[.,]\d+)?\}/y;
const PERCENT = /\\?%|[Pp]ercent|[Pp]ercentage|[Pp]ct/y;
const SEPARATOR = /\s*(?:,?and|,?or|,)\s*/y;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** For every index i, the first index ≥ i where `at` holds (text.length when none). */
function nextWhere(text: string, at: (i: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 2);
  next[text.length] = next[text.length + 1] = text.length;
  for (let i = text.length - 1; i >= 0; i--) next[i] = at(i) ? i : next[i + 1];
  return next;
}

export class LatexSpans {
  private tables?: {
    doubleDollar: Int32Array;
    bracketClose: Int32Array;
    parenClose: Int32Array;
    lineEnd: Int32Array;
    freeDollar: Int32Array;
    bracketStop: Int32Array;
    boxedOpen: Int32Array;
    brace: Int32Array;
  };

  constructor(private readonly text: string) {}

  private get t() {
    if (this.tables) return this.tables;
    const s = this.text;
    const at = (i: number) => s.charCodeAt(i);
    // Char codes: $ 36, \\ 92, ] 93, [ 91, ) 41, newline 10, } 125, b 98.
    return (this.tables = {
      doubleDollar: nextWhere(s, (i) => at(i) === 36 && at(i + 1) === 36),
      bracketClose: nextWhere(s, (i) => at(i) === 92 && at(i + 1) === 93),
      parenClose: nextWhere(s, (i) => at(i) === 92 && at(i + 1) === 41),
      lineEnd: nextWhere(s, (i) => at(i) === 10),
      freeDollar: nextWhere(s, (i) => at(i) === 36 && at(i - 1) !== 92),
      bracketStop: nextWhere(s, (i) => at(i) === 10 || at(i) === 93 || at(i) === 91),
      boxedOpen: nextWhere(s, (i) => at(i) === 92 && at(i + 1) === 98 && s.startsWith('\\boxed{', i)),
      brace: nextWhere(s, (i) => at(i) === 125),
    });
  }

  /** Whether a body can start at `pos` at all: "$", a backslash, "-" (a fraction), or a space before "[". */
  private canStart(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    if (c === 36 || c === 92 || c === 45) return true;
    return (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c > 127) && this.text.charCodeAt(pos + 1) === 91;
  }

  /** The body starting exactly at `pos` (its kind, content range and end), trying the forms in the pattern's order. */
  private body(pos: number, boxed: boolean): { kind: Body; from: number; to: number; end: number } | undefined {
    if (!this.canStart(pos)) return undefined;
    const s = this.text;
    const t = this.t;
    const c = s[pos];
    const escaped = s[pos - 1] === '\\';
    if (c === '$' && s[pos + 1] === '$' && !escaped) {
      const f = t.doubleDollar[pos + 2];
      if (f < s.length && f > pos + 2 && s[f - 1] !== '\\') return this.check({ kind: 'latexDisplayDollar', from: pos + 2, to: f, end: f + 2 }, boxed);
    }
    if (c === '\\' && s[pos + 1] === '[' && !escaped) {
      const f = t.bracketClose[pos + 2];
      if (f < s.length && f > pos + 2 && s[f - 1] !== '\\') return this.check({ kind: 'latexDisplayBracket', from: pos + 2, to: f, end: f + 2 }, boxed);
    }
    if (c === '$' && !escaped && !/\d/.test(s[pos - 1] ?? '')) {
      const f = t.freeDollar[pos + 1];
      if (f < s.length && f > pos + 1 && t.lineEnd[pos + 1] > f) return this.check({ kind: 'latexInlineDollar', from: pos + 1, to: f, end: f + 1 }, boxed);
    }
    if (c === '\\' && s[pos + 1] === '(' && !escaped) {
      const f = t.parenClose[pos + 2];
      if (f < s.length && f > pos + 2 && t.lineEnd[pos + 2] > f && s[f - 1] !== '\\') return this.check({ kind: 'latexInlineParenthesis', from: pos + 2, to: f, end: f + 2 }, boxed);
    }
    if (isSpace(c) && s[pos + 1] === '[') {
      const f = t.bracketStop[pos + 2];
      if (f < s.length && f > pos + 2 && s[f] === ']' && isSpace(s[f + 1])) return this.check({ kind: 'latexInlineBracket', from: pos + 2, to: f, end: f + 2 }, boxed);
    }
    if (!boxed && (c === '-' || c === '\\')) {
      FRACTION.lastIndex = pos;
      const m = FRACTION.exec(s);
      if (m) return { kind: 'latexFraction', from: pos, to: pos + m[0].length, end: pos + m[0].length };
    }
    return undefined;
  }

  /** The boxed forms need \boxed{ and, after at least one character, a } inside the body. */
  private check<T extends { from: number; to: number }>(body: T, boxed: boolean): T | undefined {
    if (!boxed) return body;
    const open = this.t.boxedOpen[body.from];
    if (open + 7 >= body.to) return undefined;
    return this.t.brace[open + 8] < body.to ? body : undefined;
  }

  /** One environment and what follows it in the pattern: spaces, and an optional percent sign or word. */
  private environment(pos: number, prefix: string, boxed: boolean, groups: Record<string, string | undefined>): number | undefined {
    const b = this.body(pos, boxed);
    if (!b) return undefined;
    groups[`${prefix}${b.kind}`] = this.text.slice(b.from, b.to);
    let end = b.end;
    while (isSpace(this.text[end])) end++;
    PERCENT.lastIndex = end;
    const pct = PERCENT.exec(this.text);
    if (pct) {
      groups[`${prefix}percent`] = pct[0];
      end += pct[0].length;
    }
    return end;
  }

  /**
   * The joined environments at `pos` (the first, then up to five more after "," / "and" / "or"); `ends` gets
   * the end after each count of environments, for patterns whose tail needs fewer of them.
   */
  joinedAt(pos: number, boxed: boolean): { groups: Record<string, string | undefined>; ends: number[] } | undefined {
    const groups: Record<string, string | undefined> = {};
    const first = this.environment(pos, 'first_', boxed, groups);
    if (first === undefined) return undefined;
    const ends = [first];
    let at = first;
    for (let i = 1; i <= 5; i++) {
      let from = at;
      if (boxed) while (isSpace(this.text[from])) from++;
      SEPARATOR.lastIndex = from;
      const sep = SEPARATOR.exec(this.text);
      if (!sep) break;
      const next = this.environment(from + sep[0].length, `next${i}_`, boxed, groups);
      if (next === undefined) break;
      ends.push(next);
      at = next;
    }
    return { groups, ends };
  }

  /** Every non-overlapping match of the joined environments, left to right (the pattern's finditer). */
  *plain(boxed: boolean): Generator<SpanMatch> {
    for (let pos = 0; pos < this.text.length; pos++) {
      if (!this.canStart(pos)) continue;
      const m = this.joinedAt(pos, boxed);
      if (!m) continue;
      const end = m.ends[m.ends.length - 1];
      yield { start: pos, end, groups: m.groups };
      pos = end - 1;
    }
  }

  /**
   * Matches of an anchored pattern: `anchor` (a global regex) then a gap of up to `gap` characters (the
   * shortest that works), then `lead` (a sticky regex, such as \s+is:?\s*), the environments, then `tail`.
   */
  *anchored(anchor: RegExp, gap: number, lead: RegExp | undefined, tail: RegExp | undefined): Generator<SpanMatch> {
    anchor.lastIndex = 0;
    let searchFrom = 0;
    for (;;) {
      anchor.lastIndex = searchFrom;
      const a = anchor.exec(this.text);
      if (!a) return;
      const found = this.afterAnchor(a.index + a[0].length, gap, lead, tail);
      if (found) {
        yield { start: a.index, end: found.end, groups: found.groups };
        searchFrom = Math.max(found.end, a.index + 1);
      } else searchFrom = a.index + 1;
    }
  }

  private afterAnchor(from: number, gap: number, lead: RegExp | undefined, tail: RegExp | undefined): { end: number; groups: Record<string, string | undefined> } | undefined {
    for (let g = 0; g <= gap && from + g <= this.text.length; g++) {
      let pos = from + g;
      if (!lead && !this.canStart(pos)) continue;
      if (lead) {
        lead.lastIndex = pos;
        const l = lead.exec(this.text);
        if (!l) continue;
        pos += l[0].length;
      }
      const m = this.joinedAt(pos, false);
      if (!m) continue;
      if (!tail) return { end: m.ends[m.ends.length - 1], groups: m.groups };
      // The tail must follow the environments: with fewer of them joined if it does not follow them all.
      for (let k = m.ends.length - 1; k >= 0; k--) {
        tail.lastIndex = m.ends[k];
        const t = tail.exec(this.text);
        if (t) {
          const groups = Object.fromEntries(Object.entries(m.groups).filter(([name]) => name.startsWith('first_') || Number(name.slice(4, name.indexOf('_'))) <= k));
          return { end: m.ends[k] + t[0].length, groups };
        }
      }
    }
    return undefined;
  }

  /** \boxed{.+} with DOTALL: from the first \boxed{ to the last } after it (the box's own end is found later). */
  *bareBoxed(): Generator<SpanMatch> {
    const open = this.text.indexOf('\\boxed{');
    if (open < 0) return;
    const close = this.text.lastIndexOf('}');
    if (close < open + 8) return;
    yield { start: open, end: close + 1, groups: { first_latexBoxed: this.text.slice(open, close + 1) } };
  }
}
