// KorPuzzleCryptoMath: a cryptarithm such as FCA+EAB=CBDD; [[A=5,B=3,...]] letter=digit pairs, checked by
// substituting them (distinct digits, no leading zero).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

export const korPuzzleCryptoMath = defineBootcamp({
  name: 'KorPuzzleCryptoMath',
  answerFormat: '[[A=5,B=3,...]] on one line; last tag counts',
  groundTruth: z.looseObject({ equation: z.string() }),
  extract: (output) => {
    const last = lastBracketContent(output);
    if (last === null) return null;
    const solution = new Map<string, number>();
    for (const raw of last.split(',')) {
      const pair = pyStrip(raw);
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const letter = pyStrip(pair.slice(0, eq)).toUpperCase();
      const num = pyInt(pair.slice(eq + 1));
      if (num !== undefined && num >= 0 && num <= 9) solution.set(letter, num);
    }
    return solution.size > 0 ? solution : null;
  },
  toJson: (solution) => Object.fromEntries(solution),
  check: (solution: Map<string, number>, gt) => {
    const sides = gt.equation.split('=');
    if (sides.length !== 2) return false; // ValueError: False
    const [left, right] = sides;
    const digit = (c: string) => {
      const v = solution.get(c);
      if (v === undefined) throw new Error('KeyError'); // caught by the reference: False
      return v;
    };
    try {
      let sum = 0n;
      for (const term of left.split('+')) {
        if (term.length > 1 && digit(term[0]) === 0) return false;
        const text = Array.from(term, (c) => String(digit(c))).join('');
        if (pyInt(text) === undefined) return false; // int('') raises ValueError: False
        sum += BigInt(text);
      }
      const result = pyStrip(right);
      if (result.length > 1 && digit(result[0]) === 0) return false;
      const resultText = Array.from(result, (c) => String(digit(c))).join('');
      if (pyInt(resultText) === undefined) return false;
      const values = [...solution.values()];
      if (new Set(values).size !== values.length) return false;
      return sum === BigInt(resultText);
    } catch {
      return false;
    }
  },
});
