// The statistics of a comparison: paired bootstrap confidence intervals (seeded), the exact McNemar test for
// 0/1 scores, and Holm's correction across bootcamps.

/** xorshift128+ as two 32-bit halves: fast, seedable, good enough for resampling. */
export function seededUniform(seed: number): () => number {
  let a = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let b = (seed * 2654435761) >>> 0 || 2;
  let c = 0x243f6a88;
  let d = 0x85a308d3;
  return () => {
    const t = a ^ (a << 11);
    a = b;
    b = c;
    c = d;
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return d / 4294967296;
  };
}

/** A binomial draw: inversion for small means, the normal approximation (with continuity) for large ones. */
function binomial(n: number, p: number, rand: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  const variance = mean * (1 - p);
  if (variance < 50) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rand() < p) k++;
    return k;
  }
  // Box-Muller
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.min(n, Math.max(0, Math.round(mean + z * Math.sqrt(variance))));
}

export interface PairedBootstrap {
  /** Means of each run on the n paired items. */
  means: number[];
  /** 95% percentile interval of each run's mean. */
  meanCi: [number, number][];
  /** For each run, the 95% interval of (run − baseline). */
  diffCi: [number, number][];
}

/**
 * Paired bootstrap over items: each resample draws n items with replacement and takes every run's mean on the
 * same items. Items are grouped by their tuple of scores across runs, so a resample is a multinomial draw over
 * the distinct tuples (a handful for 0/1 scores), which is exact and costs nothing per item.
 */
export function pairedBootstrap(scores: readonly Float64Array[], baseline: number, resamples = 10_000, seed = 20241123): PairedBootstrap {
  const runs = scores.length;
  const n = scores[0]?.length ?? 0;
  const groups = new Map<string, { tuple: number[]; count: number }>();
  for (let i = 0; i < n; i++) {
    const tuple = scores.map((s) => s[i]);
    const key = tuple.join(',');
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { tuple, count: 1 });
  }
  const list = [...groups.values()];
  const means = scores.map((s) => (n > 0 ? s.reduce((a, b) => a + b, 0) / n : 0));
  if (n === 0) return { means, meanCi: means.map(() => [0, 0]), diffCi: means.map(() => [0, 0]) };
  const rand = seededUniform(seed);
  const sampled = Array.from({ length: runs }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    // Multinomial by sequential conditional binomials.
    let left = n;
    let massLeft = n;
    const sums = new Float64Array(runs);
    for (let g = 0; g < list.length; g++) {
      const take = g === list.length - 1 ? left : binomial(left, list[g].count / massLeft, rand);
      left -= take;
      massLeft -= list[g].count;
      if (take > 0) for (let r = 0; r < runs; r++) sums[r] += take * list[g].tuple[r];
    }
    for (let r = 0; r < runs; r++) sampled[r][b] = sums[r] / n;
  }
  const interval = (values: Float64Array): [number, number] => {
    const sorted = Float64Array.from(values).sort();
    return [sorted[Math.floor(0.025 * (resamples - 1))], sorted[Math.ceil(0.975 * (resamples - 1))]];
  };
  const diffCi = sampled.map((s) => {
    const d = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) d[b] = s[b] - sampled[baseline][b];
    return interval(d);
  });
  return { means, meanCi: sampled.map(interval), diffCi };
}

/**
 * Exact McNemar test (two-sided): b items only the baseline got right, c only the other run.
 * p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2), summed in log space term by term
 * (each term from the previous), so it is exact and linear even for hundreds of thousands of discordant pairs.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let logTerm = -n * Math.LN2; // log P(X = 0)
  let logSum = logTerm;
  for (let i = 0; i < k; i++) {
    logTerm += Math.log((n - i) / (i + 1));
    // log(e^logSum + e^logTerm), stable
    const hi = Math.max(logSum, logTerm);
    logSum = hi + Math.log(Math.exp(logSum - hi) + Math.exp(logTerm - hi));
  }
  return Math.min(1, 2 * Math.exp(logSum));
}

/** Holm-adjusted p-values, in the input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
