// The double-bracket answers most KorLogic/KorOperation/KorPuzzle references read, scanned by hand: the same
// matches as Python's re.findall for these patterns, in one pass. (A general linear-time engine is much
// slower per character on brackets-only hostile input, and these patterns run on every output.)

import { isPyWhitespace } from './py-regex.ts';

/**
 * re.findall(r'\[\s*\[\s*.*?\s*\]\s*\]', text, re.DOTALL): each span from "[", optional whitespace and "[" to
 * the first "]" followed by optional whitespace and "]" (Arc's answer grids). Linear: a span's search starts
 * where the previous one ended, and once no closing pair lies ahead, no later opener can have one.
 */
export function findAllSpacedDoubleBrackets(text: string): string[] {
  const out: string[] = [];
  const skipSpace = (i: number) => {
    while (i < text.length && isPyWhitespace(text.charCodeAt(i))) i++;
    return i;
  };
  let open = text.indexOf('[');
  while (open !== -1) {
    const second = skipSpace(open + 1);
    if (text[second] !== '[') {
      open = text.indexOf('[', open + 1);
      continue;
    }
    let end = -1;
    for (let close = text.indexOf(']', second + 1); close !== -1; ) {
      const next = skipSpace(close + 1);
      if (text[next] === ']') {
        end = next + 1;
        break;
      }
      close = text.indexOf(']', next);
    }
    if (end === -1) break;
    out.push(text.slice(open, end));
    open = text.indexOf('[', end);
  }
  return out;
}

/** re.findall(r'\[\[(.*?)\]\]', text): lazy, and `.` does not cross a newline unless `dotAll` (re.DOTALL). */
export function findAllDoubleBracket(text: string, dotAll = false): string[] {
  const out: string[] = [];
  let pos = 0;
  let close = -2; // first "]]" at or after some point, reused while it stays ahead of the candidate
  let newline = -2;
  for (;;) {
    const start = text.indexOf('[[', pos);
    if (start < 0) break;
    const from = start + 2;
    if (close !== -1 && close < from) close = text.indexOf(']]', from);
    if (close === -1) break; // no "]]" anywhere ahead: no later start can match either
    if (!dotAll) {
      if (newline !== -1 && newline < from) newline = text.indexOf('\n', from);
      if (newline !== -1 && newline < close) {
        // Every start before this newline meets the newline before its "]]": resume after it.
        pos = newline + 1;
        continue;
      }
    }
    out.push(text.slice(from, close));
    pos = close + 2;
  }
  return out;
}

/** re.findall(r'\[\[([^]]+)\]\]', text): at least one character, none of them "]" (newlines allowed). */
export function findAllDoubleBracketNoClose(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const start = text.indexOf('[[', pos);
    if (start < 0) break;
    const from = start + 2;
    const q = text.indexOf(']', from);
    if (q < 0) break;
    if (q > from && text.charCodeAt(q + 1) === 93 /* ] */) {
      out.push(text.slice(from, q));
      pos = q + 2;
    } else {
      // Any start before q meets the same first "]", which is empty-bodied or not doubled: resume after it.
      pos = q + 1;
    }
  }
  return out;
}
