// ARC (AI2 Reasoning Challenge): grade-school science questions, ARC-Easy and ARC-Challenge as subsets,
// scored by MultipleChoice. Prompt (answer only, "ANSWER: X"), 0-shot by default, as EvalScope's arc adapter.
import type { Benchmark, Row } from './types.ts';
import { parquetPerSubset } from './shared/hub-layout.ts';
import { choiceItem, FEW_SHOT_PREFIX, SINGLE_ANSWER, SINGLE_ANSWER_COT, type ChoiceQuestion } from './shared/multiple-choice-prompt.ts';
import { text, textList } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

function arcQuestion(row: Row): ChoiceQuestion {
  const choices = row.choices as Row | undefined;
  if (!choices || typeof choices !== 'object') throw new BenchmarkRowError('expected "choices" to be {text: [...], label: [...]}');
  const texts = textList(choices, 'text');
  let answer = text(row, 'answerKey').trim();
  // A few rows label their choices 1-4 instead of A-D: the same positions.
  if (/^\d$/.test(answer)) answer = String.fromCharCode(64 + Number(answer));
  if (!/^[A-Z]$/.test(answer) || answer.charCodeAt(0) - 65 >= texts.length) throw new BenchmarkRowError(`"answerKey" ${JSON.stringify(answer)} is not one of the ${texts.length} choices`);
  return { question: text(row, 'question'), choices: texts, answer };
}

const SUBSETS = ['ARC-Easy', 'ARC-Challenge'];
const files = parquetPerSubset(SUBSETS, ['test', 'train']);

export const arc: Benchmark = {
  name: 'arc',
  prettyName: 'ARC',
  aliases: ['ai2_arc', 'arc_challenge', 'arc_easy'],
  subsetAliases: { arc_challenge: ['ARC-Challenge'], arc_easy: ['ARC-Easy'] },
  description: 'AI2 Reasoning Challenge: science questions, grades 3-9, in an Easy and a Challenge set.',
  license: 'CC-BY-SA-4.0',
  metric: 'acc',
  dataSource: 'MultipleChoice',
  source: { hub: 'huggingface', repo: 'allenai/ai2_arc', revision: 'main', files },
  mirrors: { modelscope: { repo: 'allenai/ai2_arc', revision: 'master' } },
  subsets: SUBSETS,
  evalSplit: 'test',
  fewShotSplit: 'train',
  fewShotNum: 0,
  prompts: {
    default: { origin: "EvalScope's arc adapter (answer only)", template: SINGLE_ANSWER, fewShotTemplate: FEW_SHOT_PREFIX + SINGLE_ANSWER },
    cot: { origin: "EvalScope's chain-of-thought template", template: SINGLE_ANSWER_COT, fewShotTemplate: FEW_SHOT_PREFIX + SINGLE_ANSWER_COT },
  },
  toItem: (row, ctx) => choiceItem(arcQuestion(row), ctx.template, ctx.fewShotTemplate, ctx.fewShot.map(arcQuestion)),
};
