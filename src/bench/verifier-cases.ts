// Inputs for exercising every verifier: one sample ground truth per data source from the shared evaluation
// lines, realistic outputs built from each line, and a hostile set (huge, deeply nested, near-misses for the
// common answer patterns, broken UTF-16) that no verifier may hang or crash on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../version.ts';

export const SHARED_EVAL_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'internbootcamp_eval');

export interface SharedLine {
  file: string;
  index: number;
  data_source: string;
  prompt: string;
  ground_truth: unknown;
}

type Row = Record<string, unknown>;

/** Every shared line, grouped by data source (empty when ../shared is not there). */
export function sharedLinesBySource(dir = SHARED_EVAL_DIR): Map<string, SharedLine[]> {
  const bySource = new Map<string, SharedLine[]>();
  if (!existsSync(dir)) return bySource;
  /** The rows of one JSONL file, each made a line by `toLine`. */
  const addFile = (full: string, file: string, toLine: (row: Row) => Omit<SharedLine, 'file' | 'index'>) => {
    readFileSync(full, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (!text.trim()) return;
        const line = { file, index, ...toLine(JSON.parse(text) as Row) };
        let list = bySource.get(line.data_source);
        if (!list) bySource.set(line.data_source, (list = []));
        list.push(line);
      });
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    addFile(path.join(dir, file), file, (row) => ({ data_source: String(row.data_source), prompt: String(row.prompt), ground_truth: row.ground_truth }));
  }
  // The math benchmarks' bootcamps take their lines from the shared data sets beside the evaluation set.
  const data = path.dirname(dir);
  const benchmarkFiles: [string, string, string][] = [
    ['GSM8K', 'gsm8k/test.jsonl', 'question'],
    ['AIME', 'aime24/test.jsonl', 'problem'],
    ['AIME', 'aime25/test.jsonl', 'problem'],
  ];
  for (const [source, file, promptKey] of benchmarkFiles) {
    const full = path.join(data, file);
    if (existsSync(full)) addFile(full, file, (row) => ({ data_source: source, prompt: String(row[promptKey]), ground_truth: { answer: row.answer } }));
  }
  // MathAnswer: MATH-500's rows as the math_500 benchmark hands them on (the gold inside $...$), with the row's
  // own worked solution as one more realistic output, and the AIME problems.
  const math500 = path.join(data, 'math500', 'test.jsonl');
  if (existsSync(math500)) addFile(math500, 'math500/test.jsonl', (row) => ({ data_source: 'MathAnswer', prompt: `${row.problem}\n\n${row.solution}`, ground_truth: { answer: `$${row.answer}$` } }));
  for (const file of ['aime24/test.jsonl', 'aime25/test.jsonl']) {
    const full = path.join(data, file);
    if (existsSync(full)) addFile(full, file, (row) => ({ data_source: 'MathAnswer', prompt: String(row.problem), ground_truth: { answer: String(row.answer) } }));
  }
  // IFEval: the 541 shared prompts, each row its own ground truth.
  const ifeval = path.join(data, 'ifeval', 'input_data.jsonl');
  if (existsSync(ifeval)) addFile(ifeval, 'ifeval/input_data.jsonl', (row) => ({ data_source: 'IFEval', prompt: String(row.prompt), ground_truth: row }));
  // MultipleChoice: one MMLU subject's questions (the CSVs have no header: question, A-D, answer letter).
  const mmlu = path.join(data, 'mmlu', 'data', 'test', 'anatomy_test.csv');
  if (existsSync(mmlu)) {
    const records = parseCsv(readFileSync(mmlu), { relax_column_count: false }) as string[][];
    bySource.set('MultipleChoice', records.map((r, index) => ({
      file: 'mmlu/anatomy_test.csv', index, data_source: 'MultipleChoice', prompt: `${r[0]}\n${r.slice(1, 5).map((c, i) => `${'ABCD'[i]}) ${c}`).join('\n')}`, ground_truth: { answer: r[5], letters: 'ABCD' },
    })));
  }
  // OpenQA, SimpleQA and the VQA scorers: GSM8K's questions with their final number as the short reference answer.
  const gsm8k = path.join(data, 'gsm8k', 'test.jsonl');
  if (existsSync(gsm8k)) {
    // RelaxedAccuracy (ChartQA) and AnswerLine (MMMU's open questions) take the same short answers.
    for (const source of ['OpenQA', 'SimpleQA', 'RelaxedAccuracy', 'AnswerLine']) {
      addFile(gsm8k, 'gsm8k/test.jsonl', (row) => ({ data_source: source, prompt: String(row.question), ground_truth: { answer: String(row.answer).split('####').pop()!.trim() } }));
    }
  }
  return bySource;
}

/** Plausible outputs for a line: the prompt echoed, and its ground truth in the usual answer wrappers. */
export function realisticOutputs(line: SharedLine): string[] {
  const gt = JSON.stringify(line.ground_truth);
  return [
    line.prompt,
    `<think>\nLet me work through this.\n${line.prompt.slice(0, 2000)}\n</think>\nThe answer is [[${gt.slice(0, 500)}]].`,
    `Reasoning...\nFinal Answer: \\boxed{${gt.slice(0, 300)}}`,
    `[answer]\n${gt.slice(0, 500)}\n[/answer]`,
    "Final-answer: ```json\n" + gt.slice(0, 500) + '\n```',
  ];
}

const MB = 1 << 20;

/** Named hostile outputs; each is built once (some are a megabyte). */
export function hostileOutputs(): [string, string][] {
  const near = (piece: string) => piece.repeat(Math.ceil(MB / piece.length)).slice(0, MB);
  return [
    ['1 MB of prose', near('The answer might be 42, or perhaps not. ')],
    ['1 MB of one letter', 'a'.repeat(MB)],
    ['1 MB of whitespace', ' \n\t'.repeat(MB / 4)],
    ['100k nested [', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['100k unclosed [[', '[['.repeat(100_000)],
    ['100k nested {', '{'.repeat(100_000) + '}'.repeat(100_000)],
    ['100k nested (', '('.repeat(100_000) + ')'.repeat(100_000)],
    ['100k \\boxed{ openers', near('\\boxed{')],
    ['50k \\text{ after "The answer is"', 'The answer is ' + '\\text{a'.repeat(50_000)],
    ['1 MB digit run after "The answer is"', 'The answer is ' + '7'.repeat(MB)],
    ['1 MB of "1."', near('1.')],
    ['100k [answer] openers', near('[answer]')],
    ['100k <answer> openers', near('<answer>')],
    ['100k ```json fences', near('```json\n[1,')],
    ['100k ``` fences', near('```')],
    ['1 MB of digits and operators', near('12+34*56/7-')],
    ['1 MB of commas and quotes', near("'a', ")],
    ['10k nested \\frac in $...$', `$${'\\frac{1}{'.repeat(10_000)}1${'}'.repeat(10_000)}$`],
    ['10^{10^{10^{10}}} boxed', 'So the answer is $\\boxed{10^{10^{10^{10}}}}$ and 2^{2^{2^{2^{2^{100}}}}}.'],
    ['1 MB of braces in $...$', `$${'{'.repeat(MB / 2)}${'}'.repeat(MB / 2)}$`],
    ['100k $...$ spans', near('$x_1$ and ')],
    ['100k \\( openers on one line', near('\\( 1 + ')],
    ['1 MB after "final answer"', `The final answer is ${near('1 + (')}`],
    ['lone surrogates', '\ud800\udc00\ud800x\udfff[[\ud83d]] \\boxed{\udc00} [answer]\ud800[/answer]'],
    ['empty', ''],
    ['NUL and controls', '\u0000\u0001\u001b[31m[[\u0000]]\u007f'],
  ];
}

/**
 * Long answers of the kind IFEval prompts get (~`words` words): paragraphs of sentences with a title, bullets,
 * highlights, capitals, commas and a postscript, so that every check has something to look at.
 */
export function longResponses(words = 2000): string[] {
  const sentence = (i: number) => `The ${i % 7 === 0 ? 'NASA' : 'team'} reviewed item ${i}, and *noted* that Dr. Lee's plan works well in practice.`;
  const out: string[] = [];
  for (const variant of [0, 1, 2]) {
    const parts: string[] = ['<<A Long Answer>>', ''];
    let count = 0;
    for (let i = 0; count < words; i++) {
      const s = sentence(i + variant);
      parts.push(i % 9 === 8 ? `* ${s}` : s);
      if (i % 6 === 5) parts.push(variant === 1 ? '***' : '');
      count += s.split(/\s+/).length;
    }
    parts.push('', 'P.S. Any other questions?');
    out.push(variant === 2 ? parts.join('\n').toUpperCase() : parts.join('\n'));
  }
  return out;
}
