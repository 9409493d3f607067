// SimpleQA: OpenAI's short fact-seeking questions (4,326), graded by an LLM judge as CORRECT, INCORRECT or
// NOT_ATTEMPTED (EvalScope's simple_qa, judge only): the SimpleQA bootcamp asks for the judge's simpleqa template.
import type { Benchmark } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';

const PROMPT = 'Answer the question:\n\n{question}';

export const simpleQa: Benchmark = {
  name: 'simple_qa',
  prettyName: 'SimpleQA',
  aliases: ['simpleqa', 'simple-qa'],
  description: 'Short fact-seeking questions with one indisputable answer (4,326); scored by an LLM judge (--judge_model_args), as EvalScope does.',
  license: 'MIT',
  metric: 'is_correct',
  dataSource: 'SimpleQA',
  source: { hub: 'huggingface', repo: 'basicv8vc/SimpleQA', revision: 'main', files: [{ split: 'test', path: 'simple_qa_test_set.csv', format: 'csv' }] },
  subsets: ['default'],
  evalSplit: 'test',
  fewShotNum: 0,
  prompts: { default: { origin: "EvalScope's simple_qa adapter", template: PROMPT } },
  toItem: (row, { template }) => ({ prompt: fillTemplate(template, { question: text(row, 'problem') }), ground_truth: { answer: text(row, 'answer') }, data_source: 'SimpleQA' }),
};
