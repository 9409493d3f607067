// KorOperationUnicode25a1: f□g = f' + g'; an expression in LaTeX compared as written, or a value at a point
// ([[3.14]]) rounded to 4 places and compared within 1e-4.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from '../kor-logic/last-bracket.ts';
import { pyFloat } from '../shared/py-str.ts';
import { pyRound } from '../shared/py-number.ts';

const groundTruth = z.looseObject({ problem_type: z.string(), correct_answer: z.union([z.string(), z.number()]) });

export const korOperation25a1 = defineBootcamp({
  name: 'KorOperationUnicode25a1',
  answerFormat: '[[LaTeX expression]] (compared exactly) or [[number]]; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    if (gt.problem_type === 'expression') return solution === gt.correct_answer;
    const value = pyFloat(solution);
    if (value === undefined || typeof gt.correct_answer !== 'number') return false;
    return Math.abs(pyRound(value, 4) - gt.correct_answer) < 1e-4;
  },
});
