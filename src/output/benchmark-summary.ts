// The scores of named benchmarks: each subset's row (its own details file), and per benchmark EvalScope's
// weighted average over subsets (every item counts once) beside the macro average (every subset counts
// once). Written to the xlsx, results.yml and reports/<model>/<benchmark>.json in EvalScope's report shape.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Aggregate } from './aggregate.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { pathSafe } from './run-paths.ts';

/** What eval_args.json records of each benchmark, so that rescore and compare can rebuild its summaries. */
export interface BenchmarkSummary {
  name: string;
  pretty_name: string;
  description: string;
  metric: string;
  hub: string;
  dataset_id: string;
  revision: string;
  few_shot_num: number;
  prompt: string;
  subsets: { name: string; file: string; category: string }[];
}

export interface SubsetScore extends Aggregate {
  name: string;
  category: string;
}

export interface BenchmarkScore {
  summary: BenchmarkSummary;
  subsets: SubsetScore[];
  n: number;
  /** Over items (EvalScope's "score"). */
  weighted: number;
  /** Over subsets (EvalScope's "macro_score"). */
  macro: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

function weightedOf(rows: readonly { n: number; avgScore: number }[]): number {
  const n = rows.reduce((s, r) => s + r.n, 0);
  return n > 0 ? rows.reduce((s, r) => s + r.avgScore * r.n, 0) / n : 0;
}

/** The benchmarks' scores from their subsets' aggregates (by details file name); subsets with no rows are left out. */
export function benchmarkScores(benchmarks: readonly BenchmarkSummary[], byFile: ReadonlyMap<string, Aggregate>): BenchmarkScore[] {
  return benchmarks.map((summary) => {
    const subsets: SubsetScore[] = [];
    for (const s of summary.subsets) {
      const agg = byFile.get(s.file);
      if (agg && agg.n > 0) subsets.push({ name: s.name, category: s.category, ...agg });
    }
    return { summary, subsets, n: subsets.reduce((t, s) => t + s.n, 0), weighted: weightedOf(subsets), macro: mean(subsets.map((s) => s.avgScore)) };
  });
}

/** EvalScope rounds report scores to 4 places. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** One benchmark's report in the shape of EvalScope's report JSON (metrics → categories → subsets). */
export function evalscopeReport(score: BenchmarkScore, modelName: string): Record<string, unknown> {
  const categories = new Map<string, SubsetScore[]>();
  for (const s of score.subsets) categories.set(s.category, [...(categories.get(s.category) ?? []), s]);
  const metricName = score.summary.metric === 'pass@1' ? 'pass@1' : 'mean_acc';
  const categoriesOf = (value: (s: SubsetScore) => number) =>
    [...categories.entries()].map(([name, subsets]) => ({
      name: [name],
      num: subsets.reduce((t, s) => t + s.n, 0),
      score: r4(weightedOf(subsets.map((s) => ({ n: s.n, avgScore: value(s) })))),
      macro_score: r4(mean(subsets.map(value))),
      subsets: subsets.map((s) => ({ name: s.name, score: r4(value(s)), num: s.n })),
    }));
  const metricOf = (name: string, value: (s: SubsetScore) => number) => ({
    name,
    num: score.n,
    score: r4(weightedOf(score.subsets.map((s) => ({ n: s.n, avgScore: value(s) })))),
    macro_score: r4(mean(score.subsets.map(value))),
    categories: categoriesOf(value),
  });
  // A bootcamp's further measures (IFEval's four accuracies) are metrics of their own, as EvalScope lists them.
  const further = [...new Set(score.subsets.flatMap((s) => Object.keys(s.metrics ?? {})))];
  const metrics = further.length > 0 ? further.map((m) => metricOf(m, (s) => s.metrics?.[m] ?? 0)) : [metricOf(metricName, (s) => s.avgScore)];
  return {
    name: `${modelName}@${score.summary.name}`,
    dataset_name: score.summary.name,
    dataset_pretty_name: score.summary.pretty_name,
    dataset_description: score.summary.description,
    model_name: modelName,
    score: r4(score.weighted),
    num: score.n,
    metrics,
    analysis: 'N/A',
  };
}

export function reportPath(root: string, modelName: string, benchmark: string): string {
  return path.join(root, 'reports', pathSafe(modelName), `${pathSafe(benchmark)}.json`);
}

export async function writeBenchmarkReports(root: string, modelName: string, scores: readonly BenchmarkScore[]): Promise<void> {
  for (const score of scores) {
    const file = reportPath(root, modelName, score.summary.name);
    mkdirSync(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(evalscopeReport(score, modelName), null, 4) + '\n');
  }
}
