// KorLogic bootcamps that are multiple choice: the answer is one option letter in double brackets, and the score
// is whether it equals the ground truth's letter. Each keeps its reference's own pattern and case handling.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { PyRegex, type PyRegexFlags } from '../shared/py-regex.ts';

/** Python's \s, for the one pattern here that allows padding. */
const PY_SPACE = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
import type { Bootcamp } from '../types.ts';

interface LetterChoice {
  name: string;
  /** The reference's findall pattern (one group: the letter) and flags. */
  pattern: string;
  flags?: PyRegexFlags;
  /**
   * The same pattern as a native regex, used instead of the linear-time engine: these patterns have no
   * unbounded repetition next to a choice (or only whitespace padding), so backtracking cannot blow up, and the
   * native engine is some 20x faster on hostile input. The parity tests hold the two to the reference.
   */
  native?: RegExp;
  /** Whether the reference upper-cases the letter it extracted. */
  upper: boolean;
  /** The ground-truth key holding the right letter. */
  key: string;
  /** The reference upper-cases the extracted answer again before comparing (str(solution).upper()). */
  upperAgain?: boolean;
}

function letterChoice(spec: LetterChoice): Bootcamp<Record<string, unknown>> {
  const regex = new PyRegex(spec.pattern, spec.flags);
  const lastLetter = (output: string): string | undefined => {
    if (!spec.native) return regex.lastFindall(output) as string | undefined;
    let last: string | undefined;
    for (const m of output.matchAll(spec.native)) last = m[1];
    return last;
  };
  return defineBootcamp({
    name: spec.name,
    answerFormat: `[[X]]: one option letter; the last such tag counts`,
    groundTruth: z.looseObject({ [spec.key]: z.string() }),
    extract: (output: string) => {
      const last = lastLetter(output);
      if (last === undefined) return null;
      return spec.upper ? last.toUpperCase() : last;
    },
    check: (letter: string, gt) => (spec.upperAgain ? letter.toUpperCase() : letter) === gt[spec.key],
  });
}

export const korLogicAnalogicalReasoning = letterChoice({ name: 'KorLogicAnalogicalReasoning', pattern: String.raw`\[\[([AB])\]\]`, native: /\[\[([AB])\]\]/g, upper: false, key: 'correct_answer' });
// The reference finds [[a]] to [[c]] too (IGNORECASE) and upper-cases them.
export const korLogicCooperativePrinciple = letterChoice({ name: 'KorLogicCooperativePrinciple', pattern: String.raw`\[\[([ABC])\]\]`, flags: { ignoreCase: true }, native: /\[\[([ABCabc])\]\]/g, upper: true, key: 'correct', upperAgain: true });
export const korLogicDefinitions = letterChoice({ name: 'KorLogicDefinitions', pattern: String.raw`\[\[([A-Fa-f])]]`, native: /\[\[([A-Fa-f])\]\]/g, upper: true, key: 'correct_answer' });
export const korLogicFormalFallacies = letterChoice({ name: 'KorLogicFormalFallacies', pattern: String.raw`\[\[([A-J])]]`, native: /\[\[([A-J])\]\]/g, upper: true, key: 'correct_answer' });
// Padding inside the brackets is allowed here, and only here among the letter answers.
export const korLogicLogicalMethods = letterChoice({ name: 'KorLogicLogicalMethodsForExploringCauseAndEffectRelationships', pattern: String.raw`\[\[\s*([A-Ea-e])\s*\]\]`, native: new RegExp(`\\[\\[${PY_SPACE}*([A-Ea-e])${PY_SPACE}*\\]\\]`, 'gu'), upper: true, key: 'method' });
export const korLogicSpeechActs = letterChoice({ name: 'KorLogicSpeechActs', pattern: String.raw`\[\[([A-D])]]`, flags: { ignoreCase: true }, native: /\[\[([A-Da-d])\]\]/g, upper: true, key: 'correct_answer' });
