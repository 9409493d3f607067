// results.yml in NeMo Evaluator's shape (results.tasks.<bootcamp>.metrics.<metric>.scores.<name>.value), so
// tools that read NeMo results can read ours.
import { redactSettings } from '../redact.ts';
import { totalAverage, type BootcampRow } from './aggregate.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { BenchmarkScore } from './benchmark-summary.ts';

function metricsOf(row: { avgScore: number; n: number; passAtK?: Record<number, number>; metrics?: Record<string, number> }, repeats: number) {
  const metrics: Record<string, { scores: Record<string, { value: number; stats?: { count: number } }> }> = {
    score: { scores: { mean: { value: row.avgScore, stats: { count: row.n } } } },
  };
  for (const [name, value] of Object.entries(row.metrics ?? {})) metrics[name] = { scores: { mean: { value } } };
  if (repeats > 1) {
    metrics[`mean@${repeats}`] = { scores: { mean: { value: row.avgScore } } };
    for (const [k, v] of Object.entries(row.passAtK ?? {})) metrics[`pass@${k}`] = { scores: { mean: { value: v } } };
  }
  return metrics;
}

export async function writeResultsYaml(
  file: string,
  settings: Readonly<Record<string, unknown>>,
  repeats: number,
  rows: readonly BootcampRow[],
  passK: readonly number[],
  benchmarks: readonly BenchmarkScore[] = [],
): Promise<void> {
  const tasks: Record<string, unknown> = {};
  for (const row of rows) tasks[row.dataSource] = { metrics: metricsOf(row, repeats) };
  // A benchmark is a task of its own (as NeMo names it), its score the weighted average with the macro beside it.
  for (const b of benchmarks) {
    if (b.subsets.length === 0) continue;
    const metric = b.summary.metric === 'pass@1' ? 'pass@1' : 'accuracy';
    tasks[b.summary.name] = {
      metrics: {
        [metric]: { scores: { micro: { value: b.weighted, stats: { count: b.n } }, macro: { value: b.macro, stats: { count: b.subsets.length } } } },
        score: { scores: { mean: { value: b.weighted, stats: { count: b.n } } } },
      },
    };
  }
  const total = totalAverage(rows);
  const totalPass: Record<number, number> = {};
  for (const k of passK) totalPass[k] = rows.length ? rows.reduce((s, r) => s + (r.passAtK?.[k] ?? 0), 0) / rows.length : 0;
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings)) if (value !== undefined && value !== null) shown[name] = value;
  const doc = {
    results: {
      tasks,
      groups: { all: { metrics: metricsOf({ avgScore: total.avgScore, n: total.n, passAtK: repeats > 1 ? totalPass : undefined }, repeats) } },
    },
    config: redactSettings(shown),
  };
  const { stringify } = await import('yaml');
  await writeFileAtomic(file, stringify(doc));
}
