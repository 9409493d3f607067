// The arena: runs of the same inputs joined item by item (file, id, repeat), and for every pair of runs and
// every item the judge shown both answers twice, once in each order (position swap). Both orders naming the
// same winner is a win; anything else (a tie, or a verdict that follows the position) counts as a tie.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { rowKey } from '../output/details-file.ts';
import { UsageError } from '../errors.ts';
import type { JudgeClient } from '../judge/judge-client.ts';
import { pairwisePrompt, type JudgeTemplate } from '../judge/judge-template.ts';
import { seededUniform } from '../compare/stats.ts';
import { bootstrapRatings, bradleyTerry, onlineElo, winRate, type Battle } from './ratings.ts';

export interface ArenaItem {
  file: string;
  id: number;
  repeat: number;
  data_source: string;
  prompt: string;
  gold?: string;
  outputs: string[];
}

export interface ArenaVerdict {
  item: number;
  a: number;
  b: number;
  /** The judge's labels with a shown first, then with b shown first. */
  forward: string | null;
  backward: string | null;
  /** 1: a won, 0: b won, 0.5: tie; null: the judge gave no verdict. */
  outcome: number | null;
  flipped: boolean;
}

export interface PairCount {
  a: string;
  b: string;
  winsA: number;
  ties: number;
  winsB: number;
  flips: number;
  errors: number;
}

export interface ArenaResult {
  names: string[];
  baseline: number;
  items: ArenaItem[];
  verdicts: ArenaVerdict[];
  pairs: PairCount[];
  ratings: { name: string; bt: number; ci: [number, number]; elo: number; winRate?: { rate: number; ci: [number, number]; n: number } }[];
  judgeRequests: number;
}

function goldOf(gt: unknown): string | undefined {
  if (typeof gt === 'string') return gt;
  if (gt && typeof gt === 'object' && 'answer' in gt) {
    const a = (gt as { answer: unknown }).answer;
    return typeof a === 'string' ? a : JSON.stringify(a);
  }
  return undefined;
}

async function readRun(file: string): Promise<Map<number, { id: number; repeat: number; data_source: string; prompt: string; gold?: string; output: string }>> {
  const rows = new Map<number, { id: number; repeat: number; data_source: string; prompt: string; gold?: string; output: string }>();
  for await (const { index, text } of readJsonlLines(file)) {
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(text);
    } catch {
      throw new UsageError(`${file}:${index + 1}: not a details row`);
    }
    if (typeof r.id !== 'number') continue;
    const repeat = typeof r.repeat === 'number' ? r.repeat : 0;
    if (r.error !== undefined && r.error !== null) continue;
    rows.set(rowKey(r.id, repeat), { id: r.id, repeat, data_source: String(r.data_source ?? ''), prompt: String(r.prompt ?? ''), gold: goldOf(r.ground_truth), output: String(r.output ?? '') });
  }
  return rows;
}

/** The items every run answered (without error), in file then (id, repeat) order, with each run's answer. */
export async function joinForArena(runDirs: readonly string[], warn: (line: string) => void): Promise<ArenaItem[]> {
  const fileSets = runDirs.map((dir) => {
    const details = path.join(dir, 'details');
    if (!existsSync(details)) throw new UsageError(`${dir} is not a run folder (no details/)`);
    return new Set(readdirSync(details).filter((f) => f.endsWith('.jsonl')));
  });
  const common = [...fileSets[0]].filter((f) => fileSets.every((s) => s.has(f))).sort();
  if (common.length === 0) throw new UsageError('the runs share no details file: an arena compares runs of the same inputs');
  const items: ArenaItem[] = [];
  for (const file of common) {
    const runs = await Promise.all(runDirs.map((dir) => readRun(path.join(dir, 'details', file))));
    const keys = [...runs[0].keys()].filter((k) => runs.every((r) => r.has(k))).sort((a, b) => a - b);
    const left = Math.max(...runs.map((r) => r.size)) - keys.length;
    if (left > 0) warn(`${file}: ${left} item(s) are not answered in every run; left out`);
    for (const key of keys) {
      const first = runs[0].get(key)!;
      items.push({ file, id: first.id, repeat: first.repeat, data_source: first.data_source, prompt: first.prompt, gold: first.gold, outputs: runs.map((r) => r.get(key)!.output) });
    }
  }
  return items;
}

/** The run index a label of one ordering names: A is the first shown. */
function winner(label: string | null, first: number, second: number): number | 'tie' | null {
  if (label === null) return null;
  if (label === 'A') return first;
  if (label === 'B') return second;
  return 'tie';
}

export async function runArena(o: { names: string[]; baseline: number; items: ArenaItem[]; judge: JudgeClient; template: JudgeTemplate; useGold: boolean; onProgress?: (done: number, total: number) => void }): Promise<ArenaResult> {
  const { names, items, judge, template } = o;
  const pairs: [number, number][] = [];
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.push([i, j]);
  const total = items.length * pairs.length;
  let done = 0;
  const tasks: Promise<ArenaVerdict>[] = [];
  items.forEach((item, index) => {
    for (const [a, b] of pairs) {
      tasks.push(
        (async () => {
          const gold = o.useGold ? item.gold : undefined;
          const [f, r] = await Promise.all([
            judge.judge(pairwisePrompt(template, item.prompt, gold, item.outputs[a], item.outputs[b]), 0, template),
            judge.judge(pairwisePrompt(template, item.prompt, gold, item.outputs[b], item.outputs[a]), 0, template),
          ]);
          const forward = f.verdict?.verdict ?? null;
          const backward = r.verdict?.verdict ?? null;
          const w1 = winner(forward, a, b);
          const w2 = winner(backward, b, a);
          let outcome: number | null = null;
          let flipped = false;
          if (w1 !== null && w2 !== null) {
            if (w1 === w2 && w1 !== 'tie') outcome = w1 === a ? 1 : 0;
            else {
              outcome = 0.5;
              flipped = w1 !== 'tie' && w2 !== 'tie';
            }
          }
          o.onProgress?.(++done, total);
          return { item: index, a, b, forward, backward, outcome, flipped };
        })(),
      );
    }
  });
  const verdicts = await Promise.all(tasks);
  const counts: PairCount[] = pairs.map(([a, b]) => ({ a: names[a], b: names[b], winsA: 0, ties: 0, winsB: 0, flips: 0, errors: 0 }));
  const battles: Battle[] = [];
  for (const v of verdicts) {
    const c = counts[pairs.findIndex(([a, b]) => a === v.a && b === v.b)];
    if (v.outcome === null) {
      c.errors++;
      continue;
    }
    if (v.outcome === 1) c.winsA++;
    else if (v.outcome === 0) c.winsB++;
    else c.ties++;
    if (v.flipped) c.flips++;
    battles.push({ a: v.a, b: v.b, outcome: v.outcome });
  }
  const bt = bradleyTerry(names.length, battles);
  const ci = bootstrapRatings(names.length, battles);
  // Elo depends on order: the battles in a seeded shuffle, the same every time.
  const shuffled = [...battles];
  const random = seededUniform(3);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const elo = onlineElo(names.length, shuffled);
  const ratings = names.map((name, m) => ({ name, bt: bt[m], ci: ci[m], elo: elo[m], ...(m !== o.baseline ? { winRate: winRate(m, o.baseline, battles) } : {}) }));
  return { names, baseline: o.baseline, items, verdicts, pairs: counts, ratings, judgeRequests: judge.requests };
}
