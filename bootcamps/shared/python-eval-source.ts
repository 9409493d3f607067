// What CPython's eval() makes of the white space, comments and line breaks around an expression, so that
// verifiers whose reference calls eval(text) accept exactly the texts it accepts. eval strips leading spaces
// and tabs; \r\n and \r read as \n; blank and comment-only lines are skipped; a newline inside parentheses, or
// after a backslash, joins lines; the one logical line may not be indented (a form feed resets the column);
// anything after it other than blank lines is a SyntaxError. Checked against python3 (test/bootcamps/game24-whitespace).
import { ArithmeticSyntaxError } from './arithmetic.ts';

/** One line of arithmetic for parseArithmetic, or an ArithmeticSyntaxError where CPython raises one. */
export function pythonEvalSource(text: string): string {
  const s = text.replace(/^[ \t]+/, '').replace(/\r\n?/g, '\n');
  let out = '';
  let depth = 0;
  let i = 0;
  let sawLogicalLine = false;
  let atLineStart = true;
  while (i < s.length) {
    if (atLineStart && depth === 0) {
      // The indentation of a new logical line, as the tokenizer counts it (tabs to the next multiple of 8).
      let col = 0;
      let j = i;
      for (; j < s.length; j++) {
        const ch = s[j];
        if (ch === ' ') col++;
        else if (ch === '\t') col = (Math.floor(col / 8) + 1) * 8;
        else if (ch === '\f') col = 0;
        else if (ch === '\\' && s[j + 1] === '\n') j++;
        else break;
      }
      if (j >= s.length) {
        // White space without a newline at the very end is an indented empty line to the tokenizer.
        if (col > 0) throw new ArithmeticSyntaxError('IndentationError: unexpected indent');
        break;
      }
      if (s[j] === '#' || s[j] === '\n') {
        const nl = s.indexOf('\n', j);
        i = nl < 0 ? s.length : nl + 1;
        continue;
      }
      if (sawLogicalLine) throw new ArithmeticSyntaxError('SyntaxError: a second line after the expression');
      if (col > 0) throw new ArithmeticSyntaxError('IndentationError: unexpected indent');
      sawLogicalLine = true;
      atLineStart = false;
      i = j;
      continue;
    }
    const ch = s[i];
    if (ch === '#') {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl;
      continue;
    }
    if (ch === '\\') {
      if (s[i + 1] !== '\n') throw new ArithmeticSyntaxError('SyntaxError: unexpected character after line continuation character');
      if (i + 2 >= s.length) throw new ArithmeticSyntaxError('SyntaxError: unexpected EOF while parsing');
      out += ' ';
      i += 2;
      continue;
    }
    if (ch === '\n') {
      if (depth > 0) out += ' ';
      else atLineStart = true;
      i++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    out += ch;
    i++;
  }
  return out;
}
