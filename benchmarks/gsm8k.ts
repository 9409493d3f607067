// GSM8K: grade-school word problems with a numeric answer, scored by the GSM8K bootcamp. Prompt, 4-shot
// examples from the train split and answer reading as EvalScope's gsm8k adapter (fde259d2).
import type { Benchmark } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';

const PROMPT = '{question}\nPlease reason step by step, and put your final answer within \\boxed{{}}.';
const FEW_SHOT = 'Here are some examples of how to solve similar problems:\n\n{fewshot}\n\n' + PROMPT;

/** The worked answer split at its last "####": the reasoning before it, the number after. */
function splitAnswer(answer: string): { reasoning: string; target: string } {
  const at = answer.lastIndexOf('####');
  if (at < 0) return { reasoning: '', target: answer.trim() };
  return { reasoning: answer.slice(0, at).trim(), target: answer.slice(at + 4).trim() };
}

export const gsm8k: Benchmark = {
  name: 'gsm8k',
  prettyName: 'GSM8K',
  aliases: ['gsm8k_cot', 'gsm8k-cot'],
  description: 'Grade-school math word problems (8.5k, test 1,319); the answer is a number.',
  license: 'MIT',
  metric: 'acc',
  dataSource: 'GSM8K',
  source: {
    hub: 'huggingface',
    repo: 'openai/gsm8k',
    revision: 'main',
    files: [
      { split: 'test', path: 'main/test-00000-of-00001.parquet', format: 'parquet' },
      { split: 'train', path: 'main/train-00000-of-00001.parquet', format: 'parquet' },
    ],
  },
  mirrors: { modelscope: { repo: 'AI-ModelScope/gsm8k', revision: 'master' } },
  subsets: ['main'],
  evalSplit: 'test',
  fewShotSplit: 'train',
  fewShotNum: 4,
  prompts: { default: { origin: "EvalScope's gsm8k adapter", template: PROMPT, fewShotTemplate: FEW_SHOT } },
  toItem(row, { fewShot, template, fewShotTemplate }) {
    const question = text(row, 'question');
    const { target } = splitAnswer(text(row, 'answer'));
    const fewshot = fewShot
      .map((r) => {
        const { reasoning, target: t } = splitAnswer(text(r, 'answer'));
        return `${text(r, 'question')}\n\nReasoning:\n${reasoning}\n\nANSWER: \\boxed{${t}}`;
      })
      .join('\n\n');
    const prompt = fillTemplate(fewShot.length > 0 ? fewShotTemplate : template, { question, fewshot });
    return { prompt, ground_truth: { answer: target }, data_source: 'GSM8K' };
  },
};
