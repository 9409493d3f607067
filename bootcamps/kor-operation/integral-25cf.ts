// KorOperationUnicode25cf: a★b = ∫_a^b f(x)dx + c; compute it ([[number]] or [[p/q]], within 1e-6) or solve for
// an unknown ([[x1 or x2]], compared as a set after rounding to 6 places).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from '../kor-logic/last-bracket.ts';
import { pyFloat, pyInt, pyStrip } from '../shared/py-str.ts';
import { pyRound } from '../shared/py-number.ts';

const groundTruth = z.looseObject({ problem_type: z.string(), correct_answer: z.number().optional(), correct_answers: z.array(z.number()).optional() });

/** Each "or"-separated part as a number (p/q by integer division of ints, else float()); unreadable parts skipped. */
function readNumbers(text: string): number[] {
  const out: number[] = [];
  // Kept on purpose: split on "or" anywhere, even inside words.
  for (const raw of text.split('or')) {
    const part = pyStrip(raw);
    if (part.includes('/')) {
      const pieces = part.split('/');
      const [n, d] = pieces.map(pyInt);
      if (pieces.length !== 2 || n === undefined || d === undefined || d === 0) continue;
      out.push(n / d);
    } else {
      const v = pyFloat(part);
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

export const korOperation25cf = defineBootcamp({
  name: 'KorOperationUnicode25cf',
  answerFormat: '[[number]], [[p/q]] or [[x1 or x2]] on one line; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketStripped(output);
    if (last === null) return null;
    const numbers = readNumbers(last);
    return numbers.length > 1 ? numbers : numbers.length === 1 ? numbers[0] : null;
  },
  check: (solution: number | number[], gt) => {
    if (gt.problem_type === 'compute') {
      // A list answer raises TypeError in abs(list - float), which scores 0.
      if (Array.isArray(solution) || gt.correct_answer === undefined) return false;
      return Math.abs(solution - gt.correct_answer) < 1e-6;
    }
    if (gt.correct_answers === undefined) throw new Error('no correct_answers');
    const expected = new Set(gt.correct_answers.map((c) => pyRound(c, 6)));
    const given = new Set((Array.isArray(solution) ? solution : [solution]).map((s) => pyRound(s, 6)));
    return expected.size === given.size && [...expected].every((v) => given.has(v));
  },
});
