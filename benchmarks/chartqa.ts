// ChartQA: questions about bar, line and pie charts (a human-written and an augmented test set), one chart image
// each; the short answer on an "ANSWER:" line, scored by relaxed accuracy (numbers within 5%). Prompt, image
// after the text, and subsets from the rows' "type" as EvalScope's chartqa adapter (lmms-lab/ChartQA).
import type { Benchmark, Row } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { imageBytes, text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

const PROMPT = '\n{question}\n\nThe last line of your response should be of the form "ANSWER: [ANSWER]" (without quotes) where [ANSWER] is the a single word answer or number to the problem.\n';
const SUBSETS = ['human_test', 'augmented_test'];

function subsetOf(row: Row): string {
  const type = row.type;
  if (typeof type === 'string' && SUBSETS.includes(type)) return type;
  throw new BenchmarkRowError(`expected "type" to be human_test or augmented_test, got ${JSON.stringify(type)}`);
}

export const chartqa: Benchmark = {
  name: 'chartqa',
  prettyName: 'ChartQA',
  // VLMEvalKit's name (NeMo Evaluator's vlmevalkit harness runs it as chartqa).
  aliases: ['chart_qa', 'ChartQA_TEST'],
  description: 'ChartQA: questions about chart images (human-written and augmented test sets); relaxed accuracy, numbers within 5%.',
  license: 'GPL-3.0',
  metric: 'relaxed_acc',
  modality: 'image',
  dataSource: 'RelaxedAccuracy',
  source: { hub: 'huggingface', repo: 'lmms-lab/ChartQA', revision: 'main', files: [{ split: 'test', path: 'data/test-00000-of-00001.parquet', format: 'parquet' }] },
  mirrors: { modelscope: { repo: 'lmms-lab/ChartQA', revision: 'master' } },
  subsets: SUBSETS,
  subsetOfRow: subsetOf,
  evalSplit: 'test',
  fewShotNum: 0,
  prompts: { default: { origin: "EvalScope's chartqa adapter", template: PROMPT } },
  toItem(row, { template }) {
    const question = text(row, 'question');
    const answer = text(row, 'answer').trim();
    if (answer === '') throw new BenchmarkRowError('expected "answer" to be a non-empty answer');
    const image = imageBytes(row, 'image');
    if (!image) throw new BenchmarkRowError('expected "image" to hold the chart (no image bytes)');
    // EvalScope sends the text, then the chart.
    return { prompt: `${fillTemplate(template, { question })}<image_1>`, images: [image], ground_truth: { answer }, data_source: 'RelaxedAccuracy' };
  },
};
