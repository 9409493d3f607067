// KorLogicInductionParadox: an option letter; the reference then also requires the case itself to be well
// formed (two hypotheses and a contradiction, or an expression with →, ∧ and ⊻/矛盾), so a malformed case
// cannot score even with the right letter: kept on purpose.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';

// The reference's \[\[([A-Ca-c])]] as a native regex: fixed width, so linear.
const LETTER = /\[\[([A-Ca-c])\]\]/g;
const groundTruth = z.looseObject({
  type: z.string(),
  correct_answer: z.string(),
  hypotheses: z.array(z.string()).optional(),
  contradiction: z.string().optional(),
  phenomenon: z.string().optional(),
  expression: z.string().optional(),
});

export const korLogicInductionParadox = defineBootcamp({
  name: 'KorLogicInductionParadox',
  answerFormat: '[[A]]/[[B]]/[[C]]; last tag counts',
  groundTruth,
  extract: (output) => {
    let last: string | undefined;
    for (const m of output.matchAll(LETTER)) last = m[1];
    return last === undefined ? null : last.toUpperCase();
  },
  check: (solution: string, gt) => {
    if (solution !== gt.correct_answer) return false;
    if (gt.type === 'example') {
      if (gt.hypotheses === undefined || gt.contradiction === undefined || gt.phenomenon === undefined) throw new Error('incomplete example');
      return gt.hypotheses.length === 2 && gt.contradiction !== '' && gt.phenomenon !== '';
    }
    if (gt.expression === undefined) throw new Error('no expression');
    const e = gt.expression;
    return e.includes('→') && e.includes('∧') && (e.includes('⊻') || e.includes('矛盾'));
  },
});
