// HumanEval: 164 Python functions to complete, run against their tests in the sandbox by the HumanEval
// bootcamp (needs --use_sandbox). Prompt as EvalScope's humaneval adapter; ours (the import script's) as a variant.
import type { Benchmark } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';

export const humaneval: Benchmark = {
  name: 'humaneval',
  prettyName: 'HumanEval',
  aliases: ['openai_humaneval', 'human_eval'],
  description: "OpenAI's hand-written Python problems (164), scored by running their unit tests (pass@1).",
  license: 'MIT',
  metric: 'pass@1',
  dataSource: 'HumanEval',
  source: {
    hub: 'huggingface',
    repo: 'openai/openai_humaneval',
    revision: 'main',
    files: [{ split: 'test', path: 'openai_humaneval/test-00000-of-00001.parquet', format: 'parquet' }],
  },
  mirrors: { modelscope: { repo: 'opencompass/humaneval', revision: 'master' } },
  subsets: ['default'],
  evalSplit: 'test',
  fewShotNum: 0,
  prompts: {
    default: {
      origin: "EvalScope's humaneval adapter",
      template: 'Read the following function signature and docstring, and fully implement the function described. Your response should only contain the code for this function.\n{question}',
    },
    bootcamp: {
      origin: "bootcamp-eval's import_humaneval prompt",
      template: 'Complete the following Python function. Reply with the complete function (its imports included) in one ```python code block.\n\n```python\n{question}```',
    },
  },
  toItem(row, { template }) {
    const prompt = text(row, 'prompt');
    // The canonical solution stays out of the item: neither the model nor the details ever see it.
    const ground_truth = { task_id: text(row, 'task_id'), prompt, entry_point: text(row, 'entry_point'), test: text(row, 'test') };
    return { prompt: fillTemplate(template, { question: prompt }), ground_truth, data_source: 'HumanEval' };
  },
};
