// MATH-500: 500 competition problems from MATH (the subset of "Let's Verify Step by Step"), five difficulty
// levels; answers are LaTeX (\frac{14}{3}, (3, \frac{\pi}{2}), p - q), scored by meaning with MathAnswer
// (Math-Verify's semantics). Prompt and "Level N" subsets as EvalScope's math_500 adapter (fde259d2).
import type { Benchmark, Row } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

const PROMPT = '{question}\nPlease reason step by step, and put your final answer within \\boxed{{}}.';

/** NeMo Evaluator's simple-evals math prompt (openai/simple-evals math_eval.py at ee3b031): "Answer: X" last. */
const SIMPLE_EVALS = 'Solve the following math problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n{question}\n\nRemember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.';

const LEVELS = ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'];

function levelOf(row: Row): string {
  const level = row.level;
  if ((typeof level === 'number' || typeof level === 'string') && LEVELS.includes(`Level ${level}`)) return `Level ${level}`;
  throw new BenchmarkRowError(`expected "level" to be 1 to 5, got ${JSON.stringify(level)}`);
}

export const math500: Benchmark = {
  name: 'math_500',
  prettyName: 'MATH-500',
  aliases: ['math500', 'math-500', 'math_test_500'],
  description: 'MATH-500: 500 competition math problems in five difficulty levels; LaTeX answers judged by meaning (Math-Verify).',
  license: 'MIT',
  metric: 'acc',
  dataSource: 'MathAnswer',
  source: { hub: 'huggingface', repo: 'HuggingFaceH4/MATH-500', revision: 'main', files: [{ split: 'test', path: 'test.jsonl', format: 'jsonl' }] },
  mirrors: { modelscope: { repo: 'AI-ModelScope/MATH-500', revision: 'master' } },
  subsets: LEVELS,
  subsetOfRow: levelOf,
  evalSplit: 'test',
  fewShotNum: 0,
  prompts: {
    default: { origin: "EvalScope's math_500 adapter", template: PROMPT },
    nemo: { origin: "NeMo Evaluator's simple-evals math prompt", template: SIMPLE_EVALS },
  },
  toItem(row, { template }) {
    const question = text(row, 'problem');
    const answer = text(row, 'answer').trim();
    if (answer === '') throw new BenchmarkRowError('expected "answer" to be a non-empty LaTeX answer');
    levelOf(row);
    // MATH-500's answers are LaTeX written bare ("-2,1" is the pair -2 and 1, not a decimal): read as math.
    return { prompt: fillTemplate(template, { question }), ground_truth: { answer: `$${answer}$` }, data_source: 'MathAnswer' };
  },
};
