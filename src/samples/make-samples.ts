// The project's own sample data: Game24, Sudoku and Maze lines from our generators, plus the right answer for
// each prompt (the mock server's --solutions file). Deterministic for a seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRng } from './rng.ts';
import { game24Case } from './game24-cases.ts';
import { sudokuCase } from './sudoku-cases.ts';
import { mazeCase } from './maze-cases.ts';
import { chartRows } from './chart-cases.ts';
import { createHash } from 'node:crypto';

export interface SampleCase {
  data_source: string;
  prompt: string;
  ground_truth: unknown;
  solution: string;
}

export const SAMPLE_GENERATORS = { game24: game24Case, sudoku: sudokuCase, maze: mazeCase } as const;

export function makeCases(kind: keyof typeof SAMPLE_GENERATORS, count: number, seed: number): SampleCase[] {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => SAMPLE_GENERATORS[kind](rng));
}

/** Writes <dir>/<kind>.jsonl input lines and <solutionsFile> ({prompt, output} per line). */
export function writeSamples(dir: string, solutionsFile: string, perKind: number, seed: number): string[] {
  mkdirSync(dir, { recursive: true });
  const solutions: string[] = [];
  const written: string[] = [];
  for (const [i, kind] of (Object.keys(SAMPLE_GENERATORS) as (keyof typeof SAMPLE_GENERATORS)[]).entries()) {
    const cases = makeCases(kind, perKind, seed + i);
    const file = path.join(dir, `${kind}.jsonl`);
    writeFileSync(file, cases.map((c) => JSON.stringify({ data_source: c.data_source, prompt: c.prompt, ground_truth: c.ground_truth }) + '\n').join(''));
    written.push(file);
    for (const c of cases) solutions.push(JSON.stringify({ prompt: c.prompt, output: c.solution }));
  }
  mkdirSync(path.dirname(solutionsFile), { recursive: true });
  writeFileSync(solutionsFile, solutions.join('\n') + '\n');
  return written;
}

/**
 * A vision-language sample: <dir>/charts.jsonl whose lines carry one chart each (<dir>/images/chart_N.png) and a
 * question answered from it, and <answersFile>, the mock's --image-answers: the right reply for all but every
 * fourth chart (so the score says something).
 */
export function writeVlmSamples(dir: string, answersFile: string, count: number, seed: number): string {
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const rows = chartRows(count, seed);
  const answers: Record<string, string> = {};
  const lines = rows.map((row, i) => {
    const file = `images/chart_${i}.png`;
    writeFileSync(path.join(dir, file), row.image.bytes);
    const sha = createHash('sha256').update(row.image.bytes).digest('hex');
    answers[sha] = i % 4 === 3 ? 'I cannot read it.\nANSWER: 0' : `Reading the chart.\nANSWER: ${row.answer}`;
    const prompt = `<image>\n${row.question}\n\nThe last line of your response should be of the form "ANSWER: [ANSWER]" (without quotes).`;
    return JSON.stringify({ prompt, images: [file], data_source: 'RelaxedAccuracy', ground_truth: { answer: row.answer } });
  });
  const file = path.join(dir, 'charts.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  writeFileSync(answersFile, JSON.stringify(answers, null, 1) + '\n');
  return file;
}
