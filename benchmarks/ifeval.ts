// IFEval: 541 prompts with verifiable instructions (25 kinds), scored by the IFEval bootcamp: prompt-level
// strict as the score, and the four accuracies (prompt/instruction level, strict/loose) as EvalScope reports.
import type { Benchmark } from './types.ts';
import { text } from './shared/rows.ts';
import { fillTemplate } from './shared/format.ts';
import { BenchmarkRowError } from './types.ts';

export const ifevalBenchmark: Benchmark = {
  name: 'ifeval',
  prettyName: 'IFEval',
  aliases: ['if_eval', 'ifeval_strict'],
  description: "Google's instruction-following evaluation: 541 prompts with 25 kinds of verifiable instructions.",
  license: 'Apache-2.0',
  metric: 'acc',
  dataSource: 'IFEval',
  source: { hub: 'huggingface', repo: 'google/IFEval', revision: 'main', files: [{ split: 'train', path: 'ifeval_input_data.jsonl', format: 'jsonl' }] },
  mirrors: { modelscope: { repo: 'opencompass/ifeval', revision: 'master' } },
  subsets: ['default'],
  evalSplit: 'train',
  fewShotNum: 0,
  // EvalScope sends the prompt as it is.
  prompts: { default: { origin: "EvalScope's ifeval adapter (the prompt as it is)", template: '{question}' } },
  toItem(row, { template }) {
    const ids = row.instruction_id_list;
    const kwargs = row.kwargs;
    if (!Array.isArray(ids) || !Array.isArray(kwargs)) throw new BenchmarkRowError('expected "instruction_id_list" and "kwargs" lists');
    return { prompt: fillTemplate(template, { question: text(row, 'prompt') }), ground_truth: { key: row.key, instruction_id_list: ids, kwargs }, data_source: 'IFEval' };
  },
};
