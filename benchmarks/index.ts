// The benchmark registry: name → benchmark, and every alias (EvalScope's and NeMo Evaluator's names for the
// same data) → the same benchmark. A new benchmark is one file and one line in BENCHMARKS.
import type { Benchmark } from './types.ts';
import { gsm8k } from './gsm8k.ts';
import { mmlu } from './mmlu.ts';
import { gpqaDiamond } from './gpqa-diamond.ts';
import { arc } from './arc.ts';
import { hellaswag } from './hellaswag.ts';
import { aime24, aime25 } from './aime.ts';
import { math500 } from './math-500.ts';
import { humaneval } from './humaneval.ts';
import { internbootcamp } from './internbootcamp.ts';
import { ifevalBenchmark } from './ifeval.ts';
import { simpleQa } from './simple-qa.ts';
import { chartqa } from './chartqa.ts';
import { mmmu } from './mmmu.ts';
import { mathVista } from './math-vista.ts';
import { liveCodeBenchBenchmark } from './live-code-bench.ts';
import { sciCodeBenchmarks } from './scicode.ts';

export type { Benchmark } from './types.ts';

export const BENCHMARKS: readonly Benchmark[] = [gsm8k, mmlu, gpqaDiamond, arc, hellaswag, aime24, aime25, math500, humaneval, liveCodeBenchBenchmark, ...sciCodeBenchmarks, ifevalBenchmark, simpleQa, chartqa, mmmu, mathVista, internbootcamp];

const byName = new Map<string, Benchmark>();
for (const b of BENCHMARKS) {
  for (const name of [b.name, ...b.aliases]) {
    const key = name.toLowerCase();
    // Two benchmarks under one name would make a run depend on registry order: a bug, so fail loudly.
    if (byName.has(key)) throw new Error(`benchmark name registered twice: ${name}`);
    byName.set(key, b);
  }
}

/**
 * The benchmark a name means: ours, an alias, or NeMo's "harness.task" form ("simple_evals.AIME_2025").
 * Case does not matter (NeMo writes AIME_2025, EvalScope aime25).
 */
export function findBenchmark(name: string): Benchmark | undefined {
  const key = name.toLowerCase();
  return byName.get(key) ?? (key.includes('.') ? byName.get(key.slice(key.lastIndexOf('.') + 1)) : undefined);
}

/** A name, and the subsets it alone means when it names part of a benchmark (arc_challenge → ARC-Challenge). */
export function resolveBenchmarkName(name: string): { benchmark: Benchmark; subsets?: readonly string[] } | undefined {
  const benchmark = findBenchmark(name);
  if (!benchmark) return undefined;
  const key = name.toLowerCase().slice(name.lastIndexOf('.') + 1);
  const subsets = benchmark.subsetAliases?.[key];
  return subsets ? { benchmark, subsets } : { benchmark };
}

/** Every name a benchmark answers to, for suggestions. */
export function benchmarkNames(): string[] {
  return BENCHMARKS.flatMap((b) => [b.name, ...b.aliases]);
}
