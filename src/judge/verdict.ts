// A judge's reply read for its verdict: the last match of the template's pattern only (unlike EvalScope, which
// takes the first: a judge that quotes the answer back, verdict-shaped text and all, still ends with its own
// verdict). Matching runs on RE2 (linear time), since the pattern may come from the user and the reply from a model.
import { RE2JS } from 're2js';
import type { JudgeTemplate } from './judge-template.ts';

export interface Verdict {
  score: number;
  /** The matched label ("A", "C") or the number as written. */
  verdict: string;
}

/** Replies past this many characters are read from their end (the verdict comes last). */
const MAX_REPLY = 100_000;

const compiled = new Map<string, RE2JS>();

function pattern(source: string): RE2JS {
  let p = compiled.get(source);
  if (!p) compiled.set(source, (p = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE | RE2JS.MULTILINE)));
  return p;
}

/** The last match's first group (or the whole match when the pattern has no group), or undefined. */
export function lastMatch(source: string, text: string): string | undefined {
  const m = pattern(source).matcher(text.length > MAX_REPLY ? text.slice(-MAX_REPLY) : text);
  let last: string | undefined;
  while (m.find()) last = m.groupCount() >= 1 ? (m.group(1) ?? undefined) : m.group(0) ?? undefined;
  return last;
}

/** The verdict of a reply, or undefined when it holds none the template accepts. */
export function readVerdict(t: JudgeTemplate, reply: string): Verdict | undefined {
  const found = lastMatch(t.score_pattern, reply);
  if (found === undefined) return undefined;
  if (t.score_type === 'numeric') {
    const n = Number(found);
    if (!Number.isFinite(n)) return undefined;
    return { score: Math.min(1, Math.max(0, n)), verdict: found };
  }
  const mapping = t.score_mapping ?? {};
  const key = Object.keys(mapping).find((k) => k.toLowerCase() === found.toLowerCase());
  return key === undefined ? undefined : { score: mapping[key], verdict: key };
}

/** Several judgements of one item made one: their mean, median, or the most frequent verdict's score (ties: the lower). */
export function aggregateVerdicts(verdicts: readonly Verdict[], how: 'mean' | 'median' | 'majority'): Verdict {
  if (verdicts.length === 1) return verdicts[0];
  const scores = verdicts.map((v) => v.score).sort((a, b) => a - b);
  if (how === 'mean') return { score: scores.reduce((s, x) => s + x, 0) / scores.length, verdict: verdicts.map((v) => v.verdict).join(',') };
  if (how === 'median') {
    const mid = scores.length / 2;
    return { score: scores.length % 2 ? scores[Math.floor(mid)] : (scores[mid - 1] + scores[mid]) / 2, verdict: verdicts.map((v) => v.verdict).join(',') };
  }
  const counts = new Map<string, { n: number; score: number }>();
  for (const v of verdicts) counts.set(v.verdict, { n: (counts.get(v.verdict)?.n ?? 0) + 1, score: v.score });
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].score - b[1].score)[0];
  return { score: best[1].score, verdict: best[0] };
}
