// KorLogic bootcamps that are multiple choice: the answer is one option letter in double brackets, and the score
// is whether it equals the ground truth's letter. Each keeps its reference's own pattern and case handling.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex, type PyRegexFlags } from '../shared/py-regex.ts';
import type { Bootcamp } from '../types.ts';

interface LetterChoice {
  name: string;
  /** The reference's findall pattern (one group: the letter) and flags. */
  pattern: string;
  flags?: PyRegexFlags;
  /** Whether the reference upper-cases the letter it extracted. */
  upper: boolean;
  /** The ground-truth key holding the right letter. */
  key: string;
  /** The reference upper-cases the extracted answer again before comparing (str(solution).upper()). */
  upperAgain?: boolean;
}

function letterChoice(spec: LetterChoice): Bootcamp<Record<string, unknown>> {
  const regex = new PyRegex(spec.pattern, spec.flags);
  return defineBootcamp({
    name: spec.name,
    answerFormat: `[[X]]: one option letter; the last such tag counts`,
    groundTruth: z.looseObject({ [spec.key]: z.string() }),
    extract: (output: string) => {
      const last = regex.lastFindall(output) as string | undefined;
      if (last === undefined) return null;
      return spec.upper ? last.toUpperCase() : last;
    },
    check: (letter: string, gt) => (spec.upperAgain ? letter.toUpperCase() : letter) === gt[spec.key],
  });
}

export const korLogicAnalogicalReasoning = letterChoice({ name: 'KorLogicAnalogicalReasoning', pattern: String.raw`\[\[([AB])\]\]`, upper: false, key: 'correct_answer' });
// The reference finds [[a]] to [[c]] too (IGNORECASE) and upper-cases them.
export const korLogicCooperativePrinciple = letterChoice({ name: 'KorLogicCooperativePrinciple', pattern: String.raw`\[\[([ABC])\]\]`, flags: { ignoreCase: true }, upper: true, key: 'correct', upperAgain: true });
export const korLogicDefinitions = letterChoice({ name: 'KorLogicDefinitions', pattern: String.raw`\[\[([A-Fa-f])]]`, upper: true, key: 'correct_answer' });
export const korLogicFormalFallacies = letterChoice({ name: 'KorLogicFormalFallacies', pattern: String.raw`\[\[([A-J])]]`, upper: true, key: 'correct_answer' });
// Padding inside the brackets is allowed here, and only here among the letter answers.
export const korLogicLogicalMethods = letterChoice({ name: 'KorLogicLogicalMethodsForExploringCauseAndEffectRelationships', pattern: String.raw`\[\[\s*([A-Ea-e])\s*\]\]`, upper: true, key: 'method' });
export const korLogicSpeechActs = letterChoice({ name: 'KorLogicSpeechActs', pattern: String.raw`\[\[([A-D])]]`, flags: { ignoreCase: true }, upper: true, key: 'correct_answer' });
