// The project's own sample data: Game24, Sudoku and Maze lines from our generators, plus the right answer for
// each prompt (the mock server's --solutions file). Deterministic for a seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRng } from './rng.ts';
import { game24Case } from './game24-cases.ts';
import { sudokuCase } from './sudoku-cases.ts';
import { mazeCase } from './maze-cases.ts';

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
