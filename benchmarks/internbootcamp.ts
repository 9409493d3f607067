// InternBootcamp's evaluation set: 80 JSONL files whose lines are already items (prompt, ground_truth,
// data_source), each file a subset scored by its own bootcamp. It is not published on a hub: the files are
// read from --dataset_dir DIR/internbootcamp_eval/<name>.jsonl, the layout InternBootcamp ships them in.
import type { Benchmark } from './types.ts';
import { text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';
import { fillTemplate } from './shared/format.ts';

const FILES = [
  'BbehDyckLanguages', 'BbehGeometricShapes', 'BbehMultistepArithmetic', 'BbehTemporalSequences', 'BbehWebOfLies', 'BbehWordSorting',
  'LightUp', 'aquarium', 'arc', 'arrowmaze', 'bbehboardgameqa', 'bbehbooleanexpressions', 'bbehobjectcounting', 'bbehobjectproperties',
  'bbehshuffobject', 'binairo', 'calcudoku', 'campsite', 'cipher_merged', 'cryptomath', 'dominosa', 'futoshiki', 'galaxies', 'game24',
  'kakurasu', 'korLogicAnalogicalReasoning', 'korLogicCanonicalPropositions', 'korLogicCooperativePrinciple', 'korLogicDefinitions',
  'korLogicDerivativeReasoningOfPropositionalLogic', 'korLogicDisjunctiveNormalFormAndConjunctiveNormalForm', 'korLogicDynamicLogic',
  'korLogicEnumerativeInductiveReasoning', 'korLogicEpistemicLogic', 'korLogicEquivalenceCalculus', 'korLogicFigureOfTheSyllogism',
  'korLogicFormalFallacies', 'korLogicInductionParadox', 'korLogicLogicalMethodsForExploringCauseAndEffectRelationships',
  'korLogicPredicateLogicFormalization', 'korLogicPropositionalLogicConcepts', 'korLogicResolution', 'korLogicSpeechActs',
  'korLogicStatisticalReasoning', 'korLogicTruthValueModalPropositions', 'korOperationUnicode20ac', 'korOperationUnicode2295',
  'korOperationUnicode25a0', 'korOperationUnicode25a1', 'korOperationUnicode25b3', 'korOperationUnicode25bd', 'korOperationUnicode25c6',
  'korOperationUnicode25cb', 'korOperationUnicode25ce', 'korOperationUnicode25cf', 'korOperationUnicode2605', 'korOperationUnicodeffe0',
  'korOperationUnicodeffe1', 'korPuzzle24Points', 'korPuzzleArrowMaze', 'korPuzzleCalcudoko', 'korPuzzleCampsite', 'korPuzzleConnectWords',
  'korPuzzleCryptoMath', 'korPuzzleKukurasu', 'korPuzzleLogicPuzzle', 'korPuzzleSkyscrapers', 'korPuzzleWordBrainTeasers',
  'korPuzzleWordLadder', 'korPuzzleWordRootsAndAffixes', 'korPuzzleWordSearch', 'korPuzzleWordscapes', 'maze', 'minesweeper', 'nonograms',
  'starbattle', 'stitches', 'sudoku', 'tents', 'thermometers',
];

export const internbootcamp: Benchmark = {
  name: 'internbootcamp',
  prettyName: 'InternBootcamp',
  aliases: ['internbootcamp_eval', 'bootcamp'],
  description: "InternBootcamp's evaluation set: 80 reasoning tasks (puzzles, logic, ciphers, code), 5,488 lines.",
  license: 'Apache-2.0',
  metric: 'acc',
  dataSource: '(per line)',
  source: {
    hub: 'local',
    repo: 'internbootcamp_eval',
    revision: 'local',
    files: FILES.map((subset) => ({ subset, split: 'test', path: `${subset}.jsonl`, format: 'jsonl' as const })),
  },
  subsets: FILES,
  evalSplit: 'test',
  fewShotNum: 0,
  prompts: { default: { origin: "the line's own prompt", template: '{question}' } },
  toItem(row, { template }) {
    const dataSource = text(row, 'data_source');
    if (!('ground_truth' in row)) throw new BenchmarkRowError('expected a "ground_truth" field');
    return { prompt: fillTemplate(template, { question: text(row, 'prompt') }), ground_truth: row.ground_truth, data_source: dataSource };
  },
};
