// KorPuzzle24Points: make 24 from four numbers; [[expression]], using exactly the given numbers, evaluated with
// exact rational arithmetic where the reference calls eval (deliberate difference: only + - * / ( ) × ÷ are
// read; eval would also run ** // % and function calls).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from '../kor-logic/last-bracket.ts';
import { evalArithmetic, Fraction } from '../shared/arithmetic.ts';
import { pythonEvalSource } from '../shared/python-eval-source.ts';
import { pyInt } from '../shared/py-str.ts';

/** re.findall(r'\b\d+\b', s): digit runs standing alone (Python's \b and \d are Unicode). */
const STANDALONE_NUMBER = /(?<![\p{L}\p{N}_])\p{Nd}+(?![\p{L}\p{N}_])/gu;
const TOLERANCE = new Fraction(1n, 1_000_000n);

export const korPuzzle24Points = defineBootcamp({
  name: 'KorPuzzle24Points',
  answerFormat: '[[expression]] using each number once, equal to 24; last tag counts',
  groundTruth: z.looseObject({ numbers: z.array(z.number().int()) }),
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    const used = (solution.match(STANDALONE_NUMBER) ?? []).map((n) => pyInt(n)!).sort((a, b) => a - b);
    const given = [...gt.numbers].sort((a, b) => a - b);
    if (used.length !== given.length || used.some((n, i) => n !== given[i])) return false;
    const expression = solution.replaceAll('×', '*').replaceAll('÷', '/').replaceAll(' ', '');
    try {
      const diff = evalArithmetic(pythonEvalSource(expression)).sub(Fraction.of(24));
      const abs = diff.num < 0n ? diff.neg() : diff;
      return abs.sub(TOLERANCE).num < 0n; // abs(eval(expr) - 24) < 1e-6
    } catch {
      return false;
    }
  },
});
