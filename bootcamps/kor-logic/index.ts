// Registry of the KorLogic family (20 bootcamps, answers in double square brackets). Each file keeps its
// reference's own pattern: which match counts and whether it may cross lines differ from one to the next.
import type { AnyBootcamp } from '../types.ts';
import {
  korLogicAnalogicalReasoning,
  korLogicCooperativePrinciple,
  korLogicDefinitions,
  korLogicFormalFallacies,
  korLogicLogicalMethods,
  korLogicSpeechActs,
} from './choice-letter.ts';
import { korLogicCanonicalPropositions } from './canonical-propositions.ts';
import { korLogicDerivativeReasoning } from './derivative-reasoning.ts';
import { korLogicNormalForms } from './normal-forms.ts';
import { korLogicDynamicLogic } from './dynamic-logic.ts';
import { korLogicEnumerativeInduction } from './enumerative-induction.ts';
import { korLogicEpistemicLogic } from './epistemic-logic.ts';
import { korLogicEquivalenceCalculus } from './equivalence-calculus.ts';
import { korLogicFigureOfTheSyllogism } from './figure-of-syllogism.ts';
import { korLogicInductionParadox } from './induction-paradox.ts';
import { korLogicPredicateLogic } from './predicate-logic.ts';
import { korLogicPropositionalConcepts } from './propositional-concepts.ts';
import { korLogicResolution } from './resolution.ts';
import { korLogicStatisticalReasoning } from './statistical-reasoning.ts';
import { korLogicTruthValueModal } from './truth-value-modal.ts';

export const korLogicBootcamps: AnyBootcamp[] = [
  korLogicAnalogicalReasoning,
  korLogicCanonicalPropositions,
  korLogicCooperativePrinciple,
  korLogicDefinitions,
  korLogicDerivativeReasoning,
  korLogicNormalForms,
  korLogicDynamicLogic,
  korLogicEnumerativeInduction,
  korLogicEpistemicLogic,
  korLogicEquivalenceCalculus,
  korLogicFigureOfTheSyllogism,
  korLogicFormalFallacies,
  korLogicInductionParadox,
  korLogicLogicalMethods,
  korLogicPredicateLogic,
  korLogicPropositionalConcepts,
  korLogicResolution,
  korLogicSpeechActs,
  korLogicStatisticalReasoning,
  korLogicTruthValueModal,
];
