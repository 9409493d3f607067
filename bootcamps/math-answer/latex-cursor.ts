// A cursor over a LaTeX answer's tokens for the recursive reader: look-ahead, backtracking attempts, and the
// bounds that keep hostile input cheap (a step budget and a nesting limit, both ending the reading as a syntax
// error rather than a hang or a stack overflow).
import { tokenize, LatexSyntaxError, type Token } from './latex-lexer.ts';

/** Parse steps one reading may take and how deep it may nest: answers are short; hostile ones stop here. */
const MAX_STEPS = 200_000;
const MAX_DEPTH = 120;

export class Cursor {
  pos = 0;
  private steps = 0;
  depth = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  at(text: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok !== undefined && (tok.type === 'op' || tok.type === 'cmd' || tok.type === 'rel') && tok.text === text;
  }
  take(text: string): boolean {
    if (!this.at(text)) return false;
    this.pos++;
    return true;
  }
  expect(text: string): void {
    if (!this.take(text)) throw new LatexSyntaxError(`expected ${text}`);
  }
  get done(): boolean {
    return this.pos >= this.tokens.length;
  }
  step(): void {
    if (++this.steps > MAX_STEPS) throw new LatexSyntaxError('answer too complex to read');
  }
  /** Runs `read` and keeps its result, or puts the cursor back and returns undefined when it fails. */
  attempt<T>(read: () => T): T | undefined {
    const start = this.pos;
    const depth = this.depth;
    try {
      return read();
    } catch (error) {
      if (!(error instanceof LatexSyntaxError)) throw error;
      this.pos = start;
      this.depth = depth;
      return undefined;
    }
  }
  nest<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new LatexSyntaxError('answer nested too deeply');
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
}

export function tokensOf(latex: string): Cursor {
  return new Cursor(tokenize(latex));
}
