// BbehGeometricShapes: name the shape an SVG path draws; \boxed{option}, compared as text after stripping.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBoxedContent } from '../shared/boxed.ts';
import { pyStrip } from '../shared/py-str.ts';

export const bbehGeometricShapes = defineBootcamp({
  name: 'BbehGeometricShapes',
  answerFormat: '\\boxed{answer}; the last box counts',
  groundTruth: z.looseObject({ ans: z.string() }),
  extract: lastBoxedContent,
  check: (solution: string, gt) => pyStrip(solution) === pyStrip(gt.ans),
});
