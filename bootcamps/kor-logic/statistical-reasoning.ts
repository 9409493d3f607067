// KorLogicStatisticalReasoning: a percentage (compared within 1e-6) or a statistical symbol such as
// [[P(K,13,37)]] (compared without whitespace).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from './last-bracket.ts';
import { removePyWhitespace } from '../shared/py-regex.ts';
import { pyFloat, pyStripChars } from '../shared/py-str.ts';
import { pyStr } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({
  question_type: z.string(),
  attribute: z.looseObject({ symbol: z.union([z.string(), z.number()]) }),
  n: z.number().optional(),
  k: z.number().optional(),
  n1: z.number().optional(),
  k1: z.number().optional(),
  n2: z.number().optional(),
  k2: z.number().optional(),
});

function percent(clean: string): number {
  const value = pyFloat(pyStripChars(clean, '%'));
  if (value === undefined) throw new Error('not a number');
  return value;
}

const need = (v: number | undefined) => {
  if (v === undefined) throw new Error('missing count');
  return pyStr(v);
};

export const korLogicStatisticalReasoning = defineBootcamp({
  name: 'KorLogicStatisticalReasoning',
  answerFormat: '[[percentage]] or [[U(attr,n)]] / [[P(attr,k,n)]] / [[C(attr,k1/n1,k2/n2)]] on one line; last tag counts',
  groundTruth,
  extract: lastBracketStripped,
  check: (solution: string, gt) => {
    if (!solution) return false;
    const attr = pyStr(gt.attribute.symbol);
    const clean = removePyWhitespace(solution);
    switch (gt.question_type) {
      case 'U_calculation':
        return Math.abs(percent(clean) - 100) < 1e-6;
      case 'P_calculation': {
        if (gt.k === undefined || gt.n === undefined) throw new Error('k and n are needed');
        if (gt.n === 0) throw new Error('division by zero');
        return Math.abs(percent(clean) - (gt.k / gt.n) * 100) < 1e-6;
      }
      case 'U_symbolization':
        return clean === removePyWhitespace(`U(${attr},${need(gt.n)})`);
      case 'P_symbolization':
        return clean === removePyWhitespace(`P(${attr},${need(gt.k)},${need(gt.n)})`);
      case 'C_symbolization':
        return clean === removePyWhitespace(`C(${attr},${need(gt.k1)}/${need(gt.n1)},${need(gt.k2)}/${need(gt.n2)})`);
      default:
        return false;
    }
  },
});
