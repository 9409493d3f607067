// Summary statistics of a load test's samples, both ways users meet percentiles: EvalScope's (sort, then the
// value at index floor(n·p/100), the last for 100) and vLLM's benchmark (numpy.percentile: linear
// interpolation between closest ranks). Mean, median and population standard deviation as numpy computes them.

/** Percentiles reported (besides min and max). */
export const PERCENTILES = [1, 5, 10, 25, 50, 66, 75, 80, 90, 95, 98, 99] as const;

/** EvalScope's percentile: the sorted value at floor(n·p/100) (p ≥ 100: the largest). NaN for no samples. */
export function percentileEvalScope(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p >= 100) return sorted[sorted.length - 1];
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** numpy.percentile's default (linear): rank (n−1)·p/100, interpolated between its neighbours. */
export function percentileLinear(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export interface Distribution {
  count: number;
  mean: number;
  median: number;
  std: number;
  min: number;
  max: number;
  /** By percentile, EvalScope's way. */
  nearestRank: Record<string, number>;
  /** By percentile, vLLM's (numpy's linear) way. */
  linear: Record<string, number>;
}

/** Sorts a copy of the samples (NaN dropped) and summarises them. */
export function distribution(samples: readonly number[]): Distribution {
  const sorted = samples.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const n = sorted.length;
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = n ? sum / n : NaN;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) ** 2;
  const nearestRank: Record<string, number> = {};
  const linear: Record<string, number> = {};
  for (const p of PERCENTILES) {
    nearestRank[`p${p}`] = percentileEvalScope(sorted, p);
    linear[`p${p}`] = percentileLinear(sorted, p);
  }
  return { count: n, mean, median: percentileLinear(sorted, 50), std: n ? Math.sqrt(squares / n) : NaN, min: n ? sorted[0] : NaN, max: n ? sorted[n - 1] : NaN, nearestRank, linear };
}
