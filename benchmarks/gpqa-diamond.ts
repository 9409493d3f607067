// GPQA-Diamond: 198 graduate-level science questions, gated on the hub (HF_TOKEN; never bundled), scored by
// MultipleChoice. The four answers are shuffled per question exactly as EvalScope's gpqa adapter does (a
// Python random.Random seeded by the question's SHA-256), so letters mean the same in both tools.
import { createHash } from 'node:crypto';
import type { Benchmark, Row } from './types.ts';
import { choiceItem, SIMPLE_EVALS_MULTICHOICE, SINGLE_ANSWER, SINGLE_ANSWER_COT, type ChoiceQuestion } from './shared/multiple-choice-prompt.ts';
import { pythonShuffle } from './shared/python-random.ts';

function field(row: Row, name: string): string {
  const v = row[name];
  return typeof v === 'string' ? v.trim() : ' ';
}

export function gpqaQuestion(row: Row): ChoiceQuestion {
  const correct = field(row, 'Correct Answer');
  const choices = [field(row, 'Incorrect Answer 1'), field(row, 'Incorrect Answer 2'), field(row, 'Incorrect Answer 3'), correct];
  const seed = createHash('sha256').update(field(row, 'Question'), 'utf8').digest().readBigUInt64BE(0);
  pythonShuffle(choices, seed);
  const question = typeof row.Question === 'string' ? row.Question : '';
  return { question, choices, answer: String.fromCharCode(65 + choices.indexOf(correct)) };
}

export const gpqaDiamond: Benchmark = {
  name: 'gpqa_diamond',
  prettyName: 'GPQA-Diamond',
  aliases: ['gpqa', 'gpqa-diamond', 'gpqa_diamond_cot'],
  description: 'Graduate-level, "Google-proof" questions in biology, physics and chemistry (198). Gated: accept the terms on the hub and set HF_TOKEN.',
  license: 'CC-BY-4.0 (gated; not redistributable)',
  metric: 'acc',
  dataSource: 'MultipleChoice',
  source: { hub: 'huggingface', repo: 'Idavidrein/gpqa', revision: 'main', files: [{ split: 'train', path: 'gpqa_diamond.csv', format: 'csv' }] },
  subsets: ['default'],
  evalSplit: 'train',
  fewShotNum: 0,
  prompts: {
    default: { origin: "EvalScope's gpqa adapter (chain of thought)", template: SINGLE_ANSWER_COT },
    direct: { origin: "EvalScope's single-answer template", template: SINGLE_ANSWER },
    // The prompt text only: simple-evals orders the choices by its own random permutation, not EvalScope's.
    nemo: { origin: "NeMo Evaluator's simple-evals prompt ('Answer: X'), choices in EvalScope's order", template: SIMPLE_EVALS_MULTICHOICE },
  },
  toItem: (row, ctx) => choiceItem(gpqaQuestion(row), ctx.template, ctx.fewShotTemplate, []),
};
