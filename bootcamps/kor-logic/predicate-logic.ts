// KorLogicPredicateLogicFormalization: one formula per sub-problem, separated by ";" inside one [[...]] (which
// may span lines); each compared with its answer without spaces or case.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from './last-bracket.ts';
import { pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ problems: z.array(z.looseObject({ correct_answer: z.string() })) });
const normalize = (expr: string) => expr.replaceAll(' ', '').toUpperCase();

export const korLogicPredicateLogic = defineBootcamp({
  name: 'KorLogicPredicateLogicFormalization',
  answerFormat: '[[formula1;formula2;...]] (may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    return pyStrip(last.replaceAll('\n', ' '))
      .split(';')
      .filter((s) => pyStrip(s) !== '')
      .map(pyStrip);
  },
  check: (solution: string[], gt) =>
    solution.length === gt.problems.length && solution.every((sol, i) => normalize(sol) === normalize(gt.problems[i].correct_answer)),
});
