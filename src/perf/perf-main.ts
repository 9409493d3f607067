// The perf command: load-test an OpenAI-compatible endpoint point by point (--parallel/--number pairs, or the
// --sla search over parallelism), write each point's files and the run's table and report, print the table.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError, UserError } from '../errors.ts';
import { Http1Pool } from '../model/http1-pool.ts';
import { redactText } from '../redact.ts';
import { parsePerfArgs, PERF_HELP, type PerfConfig } from './perf-args.ts';
import { pointFolder, runFolder, summaryTable, writePointFiles, type PointRecord } from './perf-files.ts';
import { perfReportHtml } from './perf-report.ts';
import { loadPrompts, promptText, promptWords, type PerfPrompt } from './prompts.ts';
import { loadTokenizer, type PerfTokenizer } from './tokenizer.ts';
import { pointProgress } from './perf-progress.ts';
import type { RequestTimeline } from './timeline.ts';
import { runPoint } from './run-point.ts';
import { timedRequest, type PerfRequest } from './request.ts';
import { summarize } from './summary.ts';
import { percentileEvalScope } from './stats.ts';

export interface PerfIO {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  cwd: string;
  now(): Date;
  onInterrupt?: (handler: () => void) => () => void;
}

/** The endpoint's path and whether it is the completions API (chat otherwise). */
export function endpointOf(url: string): { origin: URL; path: string; chat: boolean } {
  const u = new URL(url);
  let p = u.pathname.replace(/\/+$/, '');
  if (!/\/(chat\/)?completions$/.test(p)) p += '/chat/completions';
  return { origin: new URL(u.origin), path: p + u.search, chat: p.endsWith('/chat/completions') };
}

function requestBody(config: PerfConfig, prompt: PerfPrompt, chat: boolean): string {
  const body: Record<string, unknown> = { model: config.model };
  if (chat) body.messages = 'messages' in prompt ? prompt.messages : [{ role: 'user', content: prompt.prompt }];
  else body.prompt = 'prompt' in prompt ? prompt.prompt : prompt.messages.map((m) => m.content).join('\n');
  body.max_tokens = config.maxTokens;
  if (config.minTokens !== undefined) body.min_tokens = config.minTokens;
  if (config.temperature !== undefined) body.temperature = config.temperature;
  if (config.topP !== undefined) body.top_p = config.topP;
  if (config.stop) body.stop = config.stop;
  body.stream = config.stream;
  if (config.stream) body.stream_options = { include_usage: true };
  return JSON.stringify({ ...body, ...config.extraArgs });
}

async function measurePoint(config: PerfConfig, prompts: PerfPrompt[], bodies: string[], parallel: number, number: number, rate: number, runDir: string, io: PerfIO, stopped: () => boolean, tokenizer?: PerfTokenizer): Promise<PointRecord> {
  const endpoint = endpointOf(config.url);
  const headers = Object.freeze({ 'content-type': 'application/json', accept: config.stream ? 'text/event-stream' : 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}), ...config.headers });
  const pool = new Http1Pool({ origin: endpoint.origin, maxSockets: parallel });
  const timeouts = { connectMs: config.connectTimeoutSec * 1000, readMs: config.readTimeoutSec * 1000, totalMs: config.totalTimeoutSec * 1000 };
  await pool.warm(parallel);
  const progress = pointProgress(io.isTTY, parallel, config.durationSec ? undefined : number);
  try {
    const result = await runPoint(
      { parallel, number, durationSec: config.durationSec, rate, warmup: config.warmupNum, seed: config.seed },
      {
        send: (index) => {
          const i = index % prompts.length;
          const request: PerfRequest = { path: endpoint.path, headers, body: bodies[i], streamed: config.stream };
          return timedRequest(pool, request, timeouts, tokenizer !== undefined);
        },
        onDone: (t) => progress.done(t.ok && t.outputChunkMs.length ? t.outputChunkMs[0] - t.sentMs : undefined),
        stopped,
      },
    );
    progress.stop();
    const indices = result.indices.map((i) => i % prompts.length);
    const position = new Map(result.timelines.map((t, k) => [t, k]));
    // No usage from the server: the tokenizer's counts when there is one (exact), else chunks and words.
    const fallback = (t: RequestTimeline) => {
      const prompt = prompts[indices[position.get(t)!]];
      if (tokenizer) return { completion: tokenizer.count(t.outputText ?? ''), prompt: tokenizer.count(promptText(prompt)), exact: true };
      return { completion: t.outputChunkMs.length || undefined, prompt: promptWords(prompt) };
    };
    const summary = summarize(result.timelines, result.wallMs, parallel, rate, config.slo, fallback);
    const dir = pointFolder(runDir, parallel, config.durationSec ? result.timelines.length : number);
    writePointFiles(dir, config, { parallel, number, rate }, summary, result.timelines, indices.map((i) => bodies[i]));
    return { parallel, number: result.timelines.length, rate, summary, dir };
  } finally {
    progress.stop();
    pool.close();
  }
}

/** The --sla bound's measured value at a point: the percentile of TTFT, TPOT or latency, in ms. */
function slaValue(point: PointRecord, sla: NonNullable<PerfConfig['sla']>): number {
  const ok = point.summary.metrics.filter((m) => m.ok);
  const values = ok.map((m) => (sla.metric === 'ttft' ? m.ttftMs! : sla.metric === 'tpot' ? (m.tpotMs ?? 0) : m.latencyMs!)).sort((a, b) => a - b);
  return percentileEvalScope(values, sla.percentile);
}

export async function perfMain(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: PerfIO): Promise<number> {
  let secrets: (string | undefined)[] = [env.OPENAI_API_KEY];
  try {
    const parsed = parsePerfArgs(argv, env);
    if (parsed === 'help') {
      io.stdout(PERF_HELP);
      return EXIT.ok;
    }
    const config = parsed;
    secrets = [config.apiKey, env.OPENAI_API_KEY];
    const tokenizer = config.tokenizerPath ? await loadTokenizer(config.tokenizerPath) : undefined;
    const prompts = loadPrompts(config, tokenizer);
    const chat = endpointOf(config.url).chat;
    const bodies = prompts.map((p) => requestBody(config, p, chat));
    const runDir = runFolder(config, io.now(), io.cwd);
    let interrupted = false;
    const removeHandlers = io.onInterrupt?.(() => (interrupted = true));
    const points: PointRecord[] = [];
    const extra: string[] = [];
    try {
      const rateAt = (i: number) => config.rate[Math.min(i, config.rate.length - 1)];
      const run = async (parallel: number, number: number, rate: number) => {
        const point = await measurePoint(config, prompts, bodies, parallel, number, rate, runDir, io, () => interrupted, tokenizer);
        points.push(point);
        io.stderr(`parallel ${parallel}: ${point.summary.summary['Success Requests']}/${point.summary.summary['Total Requests']} ok, ${point.summary.summary['Req Throughput (req/s)']} req/s, avg TTFT ${point.summary.summary['Avg TTFT (ms)']} ms\n`);
        return point;
      };
      if (config.sla) {
        const sla = config.sla;
        const probes = new Map<number, PointRecord>();
        const probe = async (p: number) => probes.get(p) ?? probes.set(p, await run(p, Math.max(config.number[0] ?? 10, p * 4), rateAt(0))).get(p)!;
        const meets = (point: PointRecord) => point.summary.summary['Failed Requests'] === 0 && slaValue(point, sla) <= sla.limitMs;
        let best: number | undefined;
        let over: number | undefined;
        for (let p = config.parallel[0]; p <= config.maxParallel && !interrupted; p *= 2) {
          if (meets(await probe(p))) best = p;
          else {
            over = p;
            break;
          }
        }
        while (over !== undefined && !interrupted && over - (best ?? 0) > 1) {
          const mid = Math.floor(((best ?? 0) + over) / 2);
          if (mid < 1 || mid === best) break;
          if (meets(await probe(mid))) best = mid;
          else over = mid;
        }
        points.sort((a, b) => a.parallel - b.parallel);
        const label = `${sla.metric} p${sla.percentile} <= ${sla.limitMs} ms`;
        const at = (p: number | undefined) => (p === undefined ? 'none' : `parallel ${p} (measured ${slaValue(probes.get(p)!, sla).toFixed(1)} ms)`);
        extra.push(`SLA ${label}: largest parallelism meeting it: ${at(best)}; the next one measured: ${over === undefined ? `none up to ${config.maxParallel}` : at(over)}.`);
      } else {
        for (let i = 0; i < config.parallel.length && !interrupted; i++) await run(config.parallel[i], config.number[i], rateAt(i));
      }
    } finally {
      removeHandlers?.();
    }
    if (points.length === 0) throw new UsageError('interrupted before any point was measured');
    const table = summaryTable(points, extra);
    writeFileSync(path.join(runDir, 'performance_summary.txt'), table);
    writeFileSync(path.join(runDir, 'perf_report.html'), perfReportHtml(`Load test: ${config.model} at ${endpointOf(config.url).origin.host}`, points, table));
    io.stdout(table);
    io.stdout(`Results: ${runDir}\n`);
    return interrupted ? EXIT.interrupted : EXIT.ok;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`error: ${redactText(err.message, secrets)}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
