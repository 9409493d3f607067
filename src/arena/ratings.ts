// Ratings from pairwise battles: win rates against a baseline with a bootstrap interval, Bradley-Terry
// strengths by maximum likelihood (as Chatbot Arena computes them, a tie counting half a win to each side),
// on the Elo scale (400·log10, anchored at 1000), with bootstrap intervals; and online Elo for reference.
import { seededUniform } from '../compare/stats.ts';

export interface Battle {
  /** Indexes of the two models. */
  a: number;
  b: number;
  /** 1: a won, 0: b won, 0.5: a tie (or a verdict that flipped with the order). */
  outcome: number;
}

/** Bradley-Terry strengths by Hunter's MM iteration; returned on the Elo scale (mean rating 1000). */
export function bradleyTerry(models: number, battles: readonly Battle[], iterations = 1000): number[] {
  const wins = new Float64Array(models);
  const games = Array.from({ length: models }, () => new Float64Array(models));
  for (const { a, b, outcome } of battles) {
    wins[a] += outcome;
    wins[b] += 1 - outcome;
    games[a][b]++;
    games[b][a]++;
  }
  // A model that never won (or never lost) has no finite MLE; a small prior of one tie against a virtual
  // average opponent keeps every strength finite without moving the others' order.
  const prior = 0.5;
  let p = new Float64Array(models).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(models);
    for (let i = 0; i < models; i++) {
      let denom = (2 * prior) / (p[i] + 1);
      for (let j = 0; j < models; j++) if (j !== i && games[i][j] > 0) denom += games[i][j] / (p[i] + p[j]);
      next[i] = (wins[i] + prior) / denom;
    }
    const geo = Math.exp(next.reduce((s, x) => s + Math.log(x), 0) / models);
    let change = 0;
    for (let i = 0; i < models; i++) {
      next[i] /= geo;
      change = Math.max(change, Math.abs(next[i] - p[i]));
    }
    p = next;
    if (change < 1e-10) break;
  }
  return [...p].map((x) => 1000 + 400 * Math.log10(x));
}

/** Online Elo over the battles in the given order (K = 4, scale 400, start 1000), as the arena's reference figure. */
export function onlineElo(models: number, battles: readonly Battle[], k = 4): number[] {
  const r = new Array<number>(models).fill(1000);
  for (const { a, b, outcome } of battles) {
    const expected = 1 / (1 + 10 ** ((r[b] - r[a]) / 400));
    r[a] += k * (outcome - expected);
    r[b] -= k * (outcome - expected);
  }
  return r;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** 95% bootstrap intervals of each model's Bradley-Terry rating (battles resampled with replacement, seeded). */
export function bootstrapRatings(models: number, battles: readonly Battle[], resamples = 200, seed = 7): [number, number][] {
  const random = seededUniform(seed);
  const samples: number[][] = Array.from({ length: models }, () => []);
  for (let s = 0; s < resamples && battles.length > 0; s++) {
    const drawn: Battle[] = [];
    for (let i = 0; i < battles.length; i++) drawn.push(battles[Math.floor(random() * battles.length)]);
    bradleyTerry(models, drawn, 300).forEach((x, m) => samples[m].push(x));
  }
  return samples.map((xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return [percentile(sorted, 0.025), percentile(sorted, 0.975)];
  });
}

/** Win rate of `model` against `baseline` (ties half) over their battles, with a 95% bootstrap interval. */
export function winRate(model: number, baseline: number, battles: readonly Battle[], resamples = 1000, seed = 11): { rate: number; ci: [number, number]; n: number } {
  const scores: number[] = [];
  for (const { a, b, outcome } of battles) {
    if (a === model && b === baseline) scores.push(outcome);
    else if (a === baseline && b === model) scores.push(1 - outcome);
  }
  if (scores.length === 0) return { rate: NaN, ci: [NaN, NaN], n: 0 };
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const random = seededUniform(seed);
  const means: number[] = [];
  for (let s = 0; s < resamples; s++) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += scores[Math.floor(random() * scores.length)];
    means.push(sum / scores.length);
  }
  means.sort((x, y) => x - y);
  return { rate: mean(scores), ci: [percentile(means, 0.025), percentile(means, 0.975)], n: scores.length };
}
