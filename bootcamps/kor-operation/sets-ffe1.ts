// KorOperationUnicode￡ (ffe1): an operation on sets; a finite set [[{1,2,3}]] compared as a set of elements
// (digits as ints, anything else as text), or an interval description compared after normalising ≤/≥.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllDoubleBracket } from '../shared/double-brackets.ts';
import { PyRegex, removePyWhitespace } from '../shared/py-regex.ts';
import { pyStrip, toAsciiDigits } from '../shared/py-str.ts';
import { pyStr, type PyValue } from '../shared/py-literal.ts';

const ELEMENTS = new PyRegex(String.raw`[^,{}\s]+`);
const groundTruth = z.looseObject({ type: z.string().optional(), solution: z.unknown() });

/** str.isdigit(): decimal digits of any script, and the superscript, subscript and circled digits. */
const isDigitText = (s: string) => /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468]+$/u.test(s);

/** int(e) if e.isdigit() else e; int() raises on the non-decimal digits, which the reference turns into False. */
function element(text: string): string | number {
  if (!isDigitText(text)) return text;
  if (!/^\p{Nd}+$/u.test(text)) throw new Error('int() cannot read it');
  return Number(toAsciiDigits(text));
}

const key = (v: unknown) => (typeof v === 'number' ? `n:${v}` : typeof v === 'string' ? `s:${v}` : `o:${JSON.stringify(v)}`);

function normalize(s: string): string {
  return removePyWhitespace(s).toLowerCase().replaceAll('< =', '≤').replaceAll('>=', '≥').replaceAll('=<', '≤').replaceAll('=>', '≥');
}

export const korOperationFfe1 = defineBootcamp({
  name: 'KorOperationUnicodeffe1',
  answerFormat: '[[{a,b,c}]] or [[{x | condition}]] (may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = findAllDoubleBracket(output, true).at(-1);
    return last === undefined ? null : pyStrip(last);
  },
  check: (solution: string, gt) => {
    if ((gt.type ?? 'finite') === 'finite') {
      // set(correct): a list's items, or a string's characters.
      const correct = Array.isArray(gt.solution) ? gt.solution : typeof gt.solution === 'string' ? Array.from(gt.solution) : undefined;
      if (correct === undefined) return false;
      try {
        const given = new Set((ELEMENTS.findall(solution) as string[]).map((e) => key(element(e))));
        const expected = new Set(correct.map(key));
        return given.size === expected.size && [...given].every((k) => expected.has(k));
      } catch {
        return false;
      }
    }
    return normalize(solution) === normalize(pyStr(gt.solution as PyValue));
  },
});
