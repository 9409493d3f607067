// A load-test point's figures: EvalScope's benchmark_summary.json (its key names, its units: seconds for
// latency, milliseconds for TTFT/TPOT/ITL; averages over successful requests; throughput over the wall time),
// its benchmark_percentile.json rows (min, each percentile, max; its floor(n·p/100) rank), the same percentiles
// by linear interpolation (vLLM's), the errors by kind, and goodput under an SLO as vLLM defines it (requests
// meeting every bound, per second of wall time).
import { distribution, PERCENTILES, percentileEvalScope, type Distribution } from './stats.ts';
import { measure, type RequestMetrics, type RequestTimeline } from './timeline.ts';

export interface Slo {
  ttft_ms?: number;
  tpot_ms?: number;
  latency_ms?: number;
}

export interface PointSummary {
  /** benchmark_summary.json, EvalScope's keys. */
  summary: Record<string, number>;
  /** benchmark_percentile.json: one row per percentile label, EvalScope's keys. */
  percentileRows: Record<string, number | string>[];
  /** Our fuller view: every metric's distribution (both percentile ways). */
  distributions: Record<string, Distribution>;
  errors: Record<string, number>;
  goodput?: { slo: Slo; goodRequests: number; requestsPerSec: number };
  /** Token counts came from a fallback (no usage from the server): approximate. */
  tokensApproximate: boolean;
  metrics: RequestMetrics[];
}

const round = (x: number, digits = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : -1);

/** An error message reduced to its kind: "HTTP 503", "timeout", "connection: ECONNRESET", "stream error". */
export function errorKind(error: string): string {
  const m = /^(HTTP \d{3}|timeout|connection: [A-Z_]+|stream error|malformed [a-zA-Z ]+|error body)/.exec(error);
  return m ? m[1] : error.slice(0, 60);
}

export function summarize(timelines: RequestTimeline[], wallMs: number, parallel: number, rate: number, slo?: Slo, approximateTokens?: (t: RequestTimeline) => { prompt?: number; completion?: number; exact?: boolean }): PointSummary {
  let tokensApproximate = false;
  const metrics = timelines.map((t) => {
    if (t.ok && (t.completionTokens === undefined || t.promptTokens === undefined) && approximateTokens) {
      const guess = approximateTokens(t);
      if (!guess.exact) tokensApproximate = true;
      return measure({ ...t, completionTokens: t.completionTokens ?? guess.completion, promptTokens: t.promptTokens ?? guess.prompt });
    }
    return measure(t);
  });
  const ok = metrics.filter((m) => m.ok);
  // As EvalScope: TTFT and TPOT average over the streamed requests when there are any (a non-streamed answer's
  // first token is its whole latency).
  const streamedOk = metrics.filter((m, i) => m.ok && timelines[i].streamed);
  const timed = streamedOk.length > 0 ? streamedOk : ok;
  const wallSec = wallMs / 1000;
  const errors: Record<string, number> = {};
  for (const m of metrics) if (!m.ok) errors[errorKind(m.error ?? 'failed')] = (errors[errorKind(m.error ?? 'failed')] ?? 0) + 1;

  const ttft = timed.map((m) => m.ttftMs!);
  const latency = ok.map((m) => m.latencyMs! / 1000);
  const tpot = timed.filter((m) => m.tpotMs !== undefined).map((m) => m.tpotMs!);
  const itl = ok.flatMap((m) => m.itlMs);
  const inTok = ok.map((m) => m.promptTokens ?? 0);
  const outTok = ok.map((m) => m.completionTokens ?? 0);
  const totalIn = inTok.reduce((a, b) => a + b, 0);
  const totalOut = outTok.reduce((a, b) => a + b, 0);
  const perRequestOut = ok.map((m) => m.outputTokensPerSec ?? NaN);

  const summary: Record<string, number> = {
    'Test Duration (s)': round(wallSec),
    Concurrency: parallel,
    'Request Rate (req/s)': Number.isFinite(rate) && rate > 0 ? rate : -1,
    'Total Requests': metrics.length,
    'Success Requests': ok.length,
    'Failed Requests': metrics.length - ok.length,
    'Stream Requests': timelines.filter((t) => t.streamed).length,
    'Non-Stream Requests': timelines.filter((t) => !t.streamed).length,
    'Req Throughput (req/s)': round(wallSec > 0 ? ok.length / wallSec : -1),
    'Avg Latency (s)': round(mean(latency)),
    'Avg Input Tokens': round(mean(inTok)),
    'Output Throughput (tok/s)': round(wallSec > 0 ? totalOut / wallSec : -1),
    'Total Throughput (tok/s)': round(wallSec > 0 ? (totalIn + totalOut) / wallSec : -1),
    'Avg TTFT (ms)': round(mean(ttft), 2),
    'Avg TPOT (ms)': round(mean(tpot.length ? tpot : [0]), 2),
    'Avg ITL (ms)': round(itl.length ? mean(itl) : 0, 2),
    'Avg Output Tokens': round(mean(outTok)),
  };

  const columns: Record<string, number[]> = {
    'TTFT (ms)': ttft,
    'ITL (ms)': itl,
    'TPOT (ms)': tpot,
    'Latency (s)': latency,
    'Input tokens': inTok,
    'Output tokens': outTok,
    'Output (tok/s)': perRequestOut,
    'Total (tok/s)': ok.map((m) => ((m.promptTokens ?? 0) + (m.completionTokens ?? 0)) / (m.latencyMs! / 1000)),
    'Decode (tok/s)': tpot.map((x) => (x > 0 ? 1000 / x : NaN)),
  };
  const sorted = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)]));
  const labels: [string, number][] = [['min', 0], ...PERCENTILES.map((p) => [`${p}%`, p] as [string, number]), ['max', 100]];
  const percentileRows = labels.map(([label, p]) => {
    const row: Record<string, number | string> = { Percentiles: label };
    for (const [k, v] of Object.entries(sorted)) row[k] = round(p === 0 ? (v.length ? v[0] : NaN) : percentileEvalScope(v, p), 2);
    return row;
  });
  const distributions = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, distribution(v)]));

  let goodput: PointSummary['goodput'];
  if (slo && Object.keys(slo).length > 0) {
    const good = ok.filter((m) => (slo.ttft_ms === undefined || m.ttftMs! <= slo.ttft_ms) && (slo.tpot_ms === undefined || (m.tpotMs ?? 0) <= slo.tpot_ms) && (slo.latency_ms === undefined || m.latencyMs! <= slo.latency_ms)).length;
    goodput = { slo, goodRequests: good, requestsPerSec: round(wallSec > 0 ? good / wallSec : 0) };
  }
  return { summary, percentileRows, distributions, errors, goodput, tokensApproximate, metrics };
}
