// MathVista (testmini): mathematical reasoning over images (function plots, geometry, charts, puzzles, paper
// figures); multiple choice (EvalScope's chain-of-thought choice prompt) or a free-form answer in \boxed{}
// judged by meaning (MathAnswer). The image after the text, as EvalScope's math_vista adapter.
import type { Benchmark, Row } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { choiceItem, SINGLE_ANSWER_COT } from './shared/multiple-choice-prompt.ts';
import { imageBytes, text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

const OPEN_PROMPT = '{question}\nPlease reason step by step, and put your final answer within \\boxed{{}} without units.';

function questionType(row: Row): 'multi_choice' | 'free_form' {
  const type = row.question_type;
  if (type === 'multi_choice' || type === 'free_form') return type;
  throw new BenchmarkRowError(`expected "question_type" to be multi_choice or free_form, got ${JSON.stringify(type)}`);
}

export const mathVista: Benchmark = {
  name: 'math_vista',
  prettyName: 'MathVista',
  // NeMo Evaluator's vlmevalkit task and VLMEvalKit's dataset name (any case: mathvista_mini works too).
  aliases: ['mathvista', 'mathvista-mini', 'MathVista_MINI'],
  description: 'MathVista testmini: 1,000 math problems over images (plots, geometry, charts, puzzles); choices or a boxed answer judged by meaning.',
  license: 'CC-BY-SA-4.0',
  metric: 'acc',
  modality: 'image',
  dataSource: 'MultipleChoice',
  dataSources: ['MultipleChoice', 'MathAnswer'],
  dataSourceOfRow: (row) => (questionType(row) === 'free_form' ? 'MathAnswer' : 'MultipleChoice'),
  source: { hub: 'huggingface', repo: 'AI4Math/MathVista', revision: 'main', files: [{ split: 'testmini', path: 'data/testmini-00000-of-00001-725687bf7a18d64b.parquet', format: 'parquet' }] },
  mirrors: { modelscope: { repo: 'evalscope/MathVista', revision: 'master' } },
  subsets: ['default'],
  evalSplit: 'testmini',
  fewShotNum: 0,
  prompts: { default: { origin: "EvalScope's math_vista adapter (free-form; choices use its chain-of-thought choice prompt)", template: OPEN_PROMPT } },
  toItem(row, { template }) {
    const question = text(row, 'question');
    const answer = text(row, 'answer').trim();
    if (answer === '') throw new BenchmarkRowError('expected "answer" to be non-empty');
    const image = imageBytes(row, 'decoded_image');
    const images = image ? [image] : [];
    const marker = image ? '<image_1>' : '';
    if (questionType(row) === 'multi_choice') {
      const choices = row.choices;
      if (!Array.isArray(choices) || choices.length < 2 || !choices.every((c) => typeof c === 'string')) throw new BenchmarkRowError('expected "choices" to be a list of at least two texts');
      const at = (choices as string[]).indexOf(answer);
      if (at < 0) throw new BenchmarkRowError(`"answer" ${JSON.stringify(answer)} is not one of the choices`);
      const item = choiceItem({ question, choices: choices as string[], answer: String.fromCharCode(65 + at) }, SINGLE_ANSWER_COT, SINGLE_ANSWER_COT, []);
      return { ...item, prompt: item.prompt + marker, images };
    }
    return { prompt: fillTemplate(template, { question }) + marker, images, ground_truth: { answer }, data_source: 'MathAnswer' };
  },
};
