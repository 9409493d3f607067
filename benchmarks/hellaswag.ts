// HellaSwag: pick the most plausible ending of an everyday scene (four endings), scored by MultipleChoice.
// Context and endings cleaned as EvalScope's hellaswag adapter does; validation split, 0-shot.
import type { Benchmark, Row } from './types.ts';
import { choiceItem, FEW_SHOT_PREFIX, SINGLE_ANSWER, type ChoiceQuestion } from './shared/multiple-choice-prompt.ts';
import { letterOf, text, textList } from './shared/rows.ts';

/** EvalScope's clean-up: " [title]" becomes ". ", other [bracketed] tags go, double spaces become one. */
function clean(s: string): string {
  return s.trim().replaceAll(' [title]', '. ').replace(/\[.*?\]/g, '').replaceAll('  ', ' ');
}

/** Python's str.capitalize: first character upper case, the rest lower case. */
function capitalize(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1).toLowerCase();
}

function hellaswagQuestion(row: Row): ChoiceQuestion {
  const endings = textList(row, 'endings').map(clean);
  const label = Number(text(row, 'label'));
  return { question: clean(text(row, 'ctx_a') + ' ' + capitalize(text(row, 'ctx_b'))), choices: endings, answer: letterOf(label, endings.length, 'label') };
}

export const hellaswag: Benchmark = {
  name: 'hellaswag',
  prettyName: 'HellaSwag',
  aliases: ['hella_swag'],
  description: 'Commonsense sentence completion with adversarially filtered endings (validation 10,042).',
  license: 'MIT',
  metric: 'acc',
  dataSource: 'MultipleChoice',
  source: {
    hub: 'huggingface',
    repo: 'Rowan/hellaswag',
    revision: 'main',
    files: [
      { split: 'validation', path: 'data/validation-00000-of-00001.parquet', format: 'parquet' },
      { split: 'train', path: 'data/train-00000-of-00001.parquet', format: 'parquet' },
    ],
  },
  mirrors: { modelscope: { repo: 'evalscope/hellaswag', revision: 'master' } },
  subsets: ['default'],
  evalSplit: 'validation',
  fewShotSplit: 'train',
  fewShotNum: 0,
  prompts: { default: { origin: "EvalScope's hellaswag adapter", template: SINGLE_ANSWER, fewShotTemplate: FEW_SHOT_PREFIX + SINGLE_ANSWER } },
  toItem: (row, ctx) => choiceItem(hellaswagQuestion(row), ctx.template, ctx.fewShotTemplate, ctx.fewShot.map(hellaswagQuestion)),
};
