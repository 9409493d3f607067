// KorLogicEquivalenceCalculus: rewrite an expression by an equivalence rule, or say whether two expressions are
// equivalent ([[A]] yes). The reference's third kind (puzzle_solution) compares a string with a list, so it can
// never score: kept on purpose.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketWithoutClosing } from './last-bracket.ts';

const groundTruth = z.looseObject({ type: z.string(), expression: z.string().optional(), target_rule: z.number().optional(), expected: z.boolean().optional() });

export const korLogicEquivalenceCalculus = defineBootcamp({
  name: 'KorLogicEquivalenceCalculus',
  answerFormat: '[[expression]] or [[A]]/[[B]] (no "]" inside); last tag counts',
  groundTruth,
  extract: lastBracketWithoutClosing,
  check: (solution: string, gt) => {
    if (gt.type === 'expression_conversion') {
      if (gt.expression === undefined || gt.target_rule === undefined) throw new Error('expression and target_rule are needed');
      const converted = gt.target_rule === 10 ? gt.expression.replaceAll('>', '!').replaceAll('=', '|') : gt.expression;
      return solution === converted;
    }
    if (gt.type === 'equivalence_validation') {
      if (gt.expected === undefined) throw new Error('no expected');
      return (solution === 'A') === gt.expected;
    }
    return false; // puzzle_solution is always False; any other type returned None, which scores 0
  },
});
