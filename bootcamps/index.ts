// The bootcamp registry: data_source name → bootcamp. The runner looks bootcamps up here and knows nothing else
// about them. Each family's module is imported the first time a run (or `ls`, or a dry run) names one of its
// data sources: a Game24-only run never loads Arc's 400 programs or sympy-lite. The names are listed here so
// that a name can be resolved to its family without importing it; a test checks each list against its module.
import type { AnyBootcamp } from './types.ts';

export type { AnyBootcamp, Bootcamp, VerifierKind } from './types.ts';

interface Family {
  readonly names: readonly string[];
  load(): Promise<AnyBootcamp[]>;
}

export const FAMILIES: Readonly<Record<string, Family>> = {
  core: { names: ['Game24', 'Sudoku', 'Maze'], load: async () => (await import('./core.ts')).coreBootcamps },
  korLogic: {
    names: [
      'KorLogicAnalogicalReasoning', 'KorLogicCanonicalPropositions', 'KorLogicCooperativePrinciple', 'KorLogicDefinitions',
      'KorLogicDerivativeReasoningOfPropositionalLogic', 'KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm', 'KorLogicDynamicLogic',
      'KorLogicEnumerativeInductiveReasoning', 'KorLogicEpistemicLogic', 'KorLogicEquivalenceCalculus', 'KorLogicFigureOfTheSyllogism',
      'KorLogicFormalFallacies', 'KorLogicInductionParadox', 'KorLogicLogicalMethodsForExploringCauseAndEffectRelationships',
      'KorLogicPredicateLogicFormalization', 'KorLogicPropositionalLogicConcepts', 'KorLogicResolution', 'KorLogicSpeechActs',
      'KorLogicStatisticalReasoning', 'KorLogicTruthValueModalPropositions',
    ],
    load: async () => (await import('./kor-logic/index.ts')).korLogicBootcamps,
  },
  korOperation: {
    names: [
      'KorOperationUnicode20ac', 'KorOperationUnicode2295', 'KorOperationUnicode25a0', 'KorOperationUnicode25a1', 'KorOperationUnicode25b3',
      'KorOperationUnicode25bd', 'KorOperationUnicode25c6', 'KorOperationUnicode25cb', 'KorOperationUnicode25ce', 'KorOperationUnicode25cf',
      'KorOperationUnicode2605', 'KorOperationUnicodeffe0', 'KorOperationUnicodeffe1',
    ],
    load: async () => (await import('./kor-operation/index.ts')).korOperationBootcamps,
  },
  korPuzzle: {
    names: [
      'KorPuzzle24Points', 'KorPuzzleArrowMaze', 'KorPuzzleCalcudoko', 'KorPuzzleCampsite', 'KorPuzzleConnectWords', 'KorPuzzleCryptoMath',
      'KorPuzzleKukurasu', 'KorPuzzleLogicPuzzle', 'KorPuzzleSkyscrapers', 'KorPuzzleWordBrainTeasers', 'KorPuzzleWordLadder',
      'KorPuzzleWordRootsAndAffixes', 'KorPuzzleWordSearch', 'KorPuzzleWordscapes',
    ],
    load: async () => (await import('./kor-puzzle/index.ts')).korPuzzleBootcamps,
  },
  bbeh: {
    names: [
      'BbehDyckLanguages', 'BbehGeometricShapes', 'BbehMultistepArithmetic', 'BbehTemporalSequences', 'BbehWebOfLies', 'BbehWordSorting',
      'Bbehboardgameqa', 'Bbehbooleanexpressions', 'Bbehobjectcounting', 'Bbehobjectproperties', 'Bbehshuffobject',
    ],
    load: async () => (await import('./bbeh/index.ts')).bbehBootcamps,
  },
  cipher: { names: ['Cipher'], load: async () => (await import('./cipher/index.ts')).cipherBootcamps },
  arc: { names: ['Arc'], load: async () => (await import('./arc/index.ts')).arcBootcamps },
  puzzles: {
    names: [
      'Aquarium', 'Arrowmaze', 'Binairo', 'Calcudoku', 'Campsite', 'Cryptomath', 'Dominosa', 'Futoshiki', 'Galaxies', 'Kakurasu', 'LightUp',
      'Minesweeper', 'Nonograms', 'Starbattle', 'Stitches', 'Tents', 'Thermometers',
    ],
    load: async () => (await import('./puzzles/set-b.ts')).puzzleSetBBootcamps,
  },
  code: { names: ['HumanEval', 'KodCode', 'BigCodeBench', 'StdioCode', 'LiveCodeBench', 'SciCode'], load: async () => (await import('./code/index.ts')).codeBootcamps },
  math: { names: ['GSM8K', 'AIME'], load: async () => (await import('./math/index.ts')).mathBootcamps },
  mathAnswer: { names: ['MathAnswer'], load: async () => (await import('./math-answer/index.ts')).mathAnswerBootcamps },
  choice: { names: ['MultipleChoice'], load: async () => (await import('./choice/index.ts')).choiceBootcamps },
  openQa: { names: ['OpenQA', 'SimpleQA'], load: async () => (await import('./open-qa/index.ts')).openQaBootcamps },
  vqa: { names: ['RelaxedAccuracy', 'AnswerLine'], load: async () => (await import('./vqa/index.ts')).vqaBootcamps },
  ifeval: {
    names: ['IFEval'],
    load: async () => {
      const family = await import('./ifeval/index.ts');
      await family.ready();
      return family.ifevalBootcamps;
    },
  },
};

const familyOf = new Map<string, string>();
for (const [family, { names }] of Object.entries(FAMILIES)) {
  for (const name of names) {
    // Two bootcamps under one name would make scores depend on load order: a bug, so fail loudly.
    if (familyOf.has(name)) throw new Error(`bootcamp registered twice: ${name}`);
    familyOf.set(name, family);
  }
}

/** Every data_source a native bootcamp scores, loaded or not. */
export const BOOTCAMP_NAMES: ReadonlySet<string> = new Set(familyOf.keys());

const loaded = new Map<string, AnyBootcamp>();
const loading = new Map<string, Promise<void>>();

function loadFamily(family: string): Promise<void> {
  let pending = loading.get(family);
  if (!pending) {
    pending = FAMILIES[family].load().then((bootcamps) => {
      for (const bootcamp of bootcamps) {
        if (familyOf.get(bootcamp.name) !== family) throw new Error(`bootcamp ${bootcamp.name} is not listed under family ${family} in bootcamps/index.ts`);
        loaded.set(bootcamp.name, bootcamp);
      }
    });
    loading.set(family, pending);
  }
  return pending;
}

/** Imports the families of these data sources (names no bootcamp has are ignored). */
export async function loadBootcamps(dataSources: Iterable<string>): Promise<void> {
  const families = new Set<string>();
  for (const name of dataSources) {
    const family = familyOf.get(name);
    if (family !== undefined && !loaded.has(name)) families.add(family);
  }
  await Promise.all([...families].map(loadFamily));
}

/** Every family, for `ls`, the benchmarks and tests that walk the whole registry. */
export async function loadAllBootcamps(): Promise<ReadonlyMap<string, AnyBootcamp>> {
  await Promise.all(Object.keys(FAMILIES).map(loadFamily));
  return new Map([...familyOf.keys()].map((name) => [name, loaded.get(name)!]));
}

/** A bootcamp already loaded (see loadBootcamps), or undefined. */
export function getBootcamp(dataSource: string): AnyBootcamp | undefined {
  return loaded.get(dataSource);
}

/** Loads the bootcamp's family if needed. */
export async function loadBootcamp(dataSource: string): Promise<AnyBootcamp | undefined> {
  await loadBootcamps([dataSource]);
  return loaded.get(dataSource);
}
