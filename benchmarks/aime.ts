// AIME 2024 and 2025: competition problems whose answer is an integer 0-999, scored by MathAnswer (Math-Verify's
// reading: the boxed answer, "final answer is", "Answer:", else the last number; 070 and 70^\circ are 70).
// Prompt as EvalScope's aime24/aime25 adapters.
import type { Benchmark, BenchmarkSource, Row } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

// EvalScope's template starts with a newline; kept, so that prompts match byte for byte.
const PROMPT = '\nSolve the following math problem step by step. Put your answer inside \\boxed{{}}.\n\n{question}\n\nRemember to put your answer inside \\boxed{{}}.';

/** NeMo Evaluator's simple-evals AIME prompt (openai/simple-evals math_eval.py at ee3b031): "Answer: N" on the last line. */
const SIMPLE_EVALS = 'Solve the following math problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n{question}\n\nRemember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.';

function answerOf(row: Row): string {
  const v = row.answer;
  if (typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'string' && v.trim() !== '')) return String(v).trim();
  throw new BenchmarkRowError('expected "answer" to be an integer');
}

function aimeBenchmark(year: '2024' | '2025', source: BenchmarkSource, modelscopeRepo: string): Benchmark {
  const short = `aime${year.slice(2)}`;
  return {
    name: short,
    prettyName: `AIME-${year}`,
    aliases: [`aime_${year}`, `aime${year}`],
    description: `The ${year} American Invitational Mathematics Examination I and II (30 problems); integer answers.`,
    license: 'problems (c) MAA; the hub copies state no license',
    metric: 'acc',
    dataSource: 'MathAnswer',
    source,
    mirrors: { modelscope: { repo: modelscopeRepo, revision: 'master' } },
    subsets: ['default'],
    evalSplit: source.files[0].split,
    fewShotNum: 0,
    prompts: { default: { origin: `EvalScope's ${short} adapter`, template: PROMPT }, nemo: { origin: "NeMo Evaluator's simple-evals AIME prompt", template: SIMPLE_EVALS } },
    toItem(row, { template }) {
      const question = text(row, 'problem');
      return { prompt: fillTemplate(template, { question }), ground_truth: { answer: answerOf(row) }, data_source: 'MathAnswer' };
    },
  };
}

export const aime24 = aimeBenchmark(
  '2024',
  { hub: 'huggingface', repo: 'HuggingFaceH4/aime_2024', revision: 'main', files: [{ split: 'train', path: 'data/train-00000-of-00001.parquet', format: 'parquet' }] },
  'evalscope/aime24',
);
export const aime25 = aimeBenchmark(
  '2025',
  { hub: 'huggingface', repo: 'math-ai/aime25', revision: 'main', files: [{ split: 'test', path: 'test.jsonl', format: 'jsonl' }] },
  'evalscope/aime25',
);
