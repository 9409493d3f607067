// Outputs of every shape for the KorLogic shared lines: the right answer built from the ground truth, a wrong
// one, and format variants. Deterministic, so the reference's scores can be recorded once and compared.
import type { Variant } from './core-variants.ts';

type GT = Record<string, any>;
const RELATION_OPTION: Record<string, string> = { '*': 'A', x: 'B', '@': 'C', '%': 'D' };

/** The text that belongs inside [[...]] for a right answer (the reference decides whether it scores). */
export function korLogicRightAnswer(source: string, gt: GT): string {
  switch (source) {
    case 'KorLogicAnalogicalReasoning':
    case 'KorLogicDefinitions':
    case 'KorLogicFormalFallacies':
    case 'KorLogicSpeechActs':
    case 'KorLogicInductionParadox':
      return gt.correct_answer;
    case 'KorLogicCooperativePrinciple':
      return gt.correct;
    case 'KorLogicLogicalMethodsForExploringCauseAndEffectRelationships':
      return gt.method;
    case 'KorLogicCanonicalPropositions':
      if (gt.type === 'relationship') return gt.key.map((r: string) => RELATION_OPTION[r]).join(';');
      if (gt.type === 'symbolization') return gt.solution;
      return `Formula ${gt.correct}`;
    case 'KorLogicDerivativeReasoningOfPropositionalLogic':
      return gt.question_type === 'apply_method' ? `"${gt.correct_answer}"` : gt.correct_method;
    case 'KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm':
      return gt.type === 'classify' ? gt.correct_options.join('') : gt.correct_denote;
    case 'KorLogicDynamicLogic':
      return gt.type === 'multiple_choice' ? gt.correct : gt.expected;
    case 'KorLogicEnumerativeInductiveReasoning':
      if (gt.question_type === 'choice') return gt.type;
      return `${(gt.type === 'A' ? gt.sampled : gt.instances).map((e: string) => `P(${e})`).join('∧')};${gt.type === 'A' ? `∀e∈${gt.class},P(e)` : `P(${gt.class})`}`;
    case 'KorLogicEpistemicLogic':
      return gt.type === 'multiple_choice' ? gt.correct_answer : gt.correct_expression;
    case 'KorLogicEquivalenceCalculus':
      if (gt.type === 'expression_conversion') return gt.target_rule === 10 ? gt.expression.replaceAll('>', '!').replaceAll('=', '|') : gt.expression;
      if (gt.type === 'equivalence_validation') return gt.expected ? 'A' : 'B';
      return gt.city ?? 'A';
    case 'KorLogicFigureOfTheSyllogism':
      return `${gt.figure};${gt.mood}`;
    case 'KorLogicPredicateLogicFormalization':
      return gt.problems.map((p: GT) => p.correct_answer).join(';');
    case 'KorLogicPropositionalLogicConcepts': {
      const list = { components: gt.correct_answer, proposition_type: [gt.correct_type], relationship_exists: gt.correct_answers, relationship_type: gt.correct_relations, truth_value: gt.correct_values }[gt.problem_type as string];
      return (list ?? []).join(';');
    }
    case 'KorLogicResolution':
      if (gt.problem_type === 'can_resolve') return gt.expected ? 'A' : 'B';
      if (gt.problem_type === 'compute_dispel') return gt.expected;
      return `${gt.expected_output};${gt.steps}`;
    case 'KorLogicStatisticalReasoning': {
      const a = gt.attribute.symbol;
      return {
        U_calculation: '100%',
        P_calculation: `${(gt.k / gt.n) * 100}%`,
        U_symbolization: `U(${a},${gt.n})`,
        P_symbolization: `P(${a},${gt.k},${gt.n})`,
        C_symbolization: `C(${a},${gt.k1}/${gt.n1},${gt.k2}/${gt.n2})`,
      }[gt.question_type as string] ?? '';
    }
    case 'KorLogicTruthValueModalPropositions':
      return String(gt.correct_answer);
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

/** A wrong answer in the right format: another letter, or the answer with its digits or last term changed. */
export function korLogicWrongAnswer(right: string): string {
  if (/^[A-Z]$/.test(right)) return right === 'A' ? 'B' : 'A';
  if (/^[A-Z](;[A-Z])+$/.test(right)) return right.split(';').reverse().join(';') === right ? right.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) : right.split(';').reverse().join(';');
  if (/\d/.test(right)) return right.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  return right + 'Z';
}

const think = (s: string) => `<think>\n让我想想。Maybe [[Z]]? Let me think.\n</think>\n${s}`;

export function korLogicVariants(source: string, gt: GT): Variant[] {
  const a = korLogicRightAnswer(source, gt);
  return doubleBracketVariants(a, korLogicWrongAnswer(a));
}

/** The fifteen shapes of a [[...]] answer (shared by the KorLogic and KorOperation families). */
export function doubleBracketVariants(a: string, w: string): Variant[] {
  return [
    { name: 'right', output: `The answer is [[${a}]].` },
    { name: 'right with think and Chinese', output: think(`所以答案是 [[${a}]] 。`) },
    { name: 'right padded', output: `[[  ${a}  ]]` },
    { name: 'right, CRLF around', output: `分析如下\r\n[[${a}]]\r\n` },
    { name: 'right across lines', output: `[[\n${a}\n]]` },
    { name: 'right then wrong', output: `[[${a}]] no, [[${w}]]` },
    { name: 'wrong then right', output: `[[${w}]] no, [[${a}]]` },
    { name: 'wrong', output: `[[${w}]]` },
    { name: 'lower case', output: `[[${a.toLowerCase()}]]` },
    { name: 'markdown fence', output: '```\n[[' + a + ']]\n```' },
    { name: 'single brackets', output: `[${a}]` },
    { name: 'no tag', output: a },
    { name: 'truncated tag', output: `[[${a}` },
    { name: 'empty', output: '' },
    { name: 'garbage', output: '[[[[]]]] ]] [[ \n ]] [[;]] [[图形]]' },
  ];
}
