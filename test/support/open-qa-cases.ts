// Our own open-question fixtures for the judge and arena tests: questions with a short reference answer, the
// answers a model that knows gives (containing the reference), and files in the runner's JSONL shape.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OpenQaCase {
  question: string;
  answer: string;
  good: string;
}

const NAMES = ['apples', 'pears', 'plums', 'figs', 'limes', 'dates', 'kiwis', 'cherries'];

export function openQaCases(n: number): OpenQaCase[] {
  return Array.from({ length: n }, (_, i) => {
    const a = 11 + ((i * 7) % 40);
    const b = 13 + ((i * 11) % 50);
    const thing = NAMES[i % NAMES.length];
    return { question: `A basket holds ${a} ${thing} and another holds ${b}. How many ${thing} are there in all? (case ${i})`, answer: String(a + b), good: `Adding them up gives ${a + b} ${thing}.` };
  });
}

/** Writes DIR/openqa.jsonl and DIR/openqa-solutions.jsonl (the mock's answers); returns both paths. */
export function writeOpenQa(dir: string, cases: readonly OpenQaCase[], goodOutput: (c: OpenQaCase, i: number) => string = (c) => c.good): { tests: string; solutions: string } {
  const tests = path.join(dir, 'openqa.jsonl');
  const solutions = path.join(dir, 'openqa-solutions.jsonl');
  writeFileSync(tests, cases.map((c) => JSON.stringify({ data_source: 'OpenQA', prompt: c.question, ground_truth: { answer: c.answer } })).join('\n') + '\n');
  writeFileSync(solutions, cases.map((c, i) => JSON.stringify({ prompt: c.question, output: goodOutput(c, i) })).join('\n') + '\n');
  return { tests, solutions };
}
