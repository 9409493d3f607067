// One measured run of the real run_eval CLI against the mock server, each in its own process, in chat mode:
// the mock is warmed up first (a real server has been up a while), then items/s is counted from the first to
// the last generation request the mock received. Shared by the bench scripts.
import { createReadStream, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import split2 from 'split2';
import { startMockProcess, type ScriptRuntime } from '../mock/mock-process.ts';
import { HttpClient } from '../model/http.ts';
import { runScriptMeasured } from './measure.ts';

export interface MockRunRow {
  case: string;
  items: number;
  itemsPerSec: number;
  ideal?: number;
  wallSec: number;
  peakRssMb: number;
  /** From spawning the evaluator to the first generation request the mock received. */
  startupSec: number;
  /** What the mock saw: mean requests in flight, how late it answered, the client's mean turnaround (ms). */
  server?: { meanInFlight: number; answerLateMs: number; clientTurnaroundMs: number };
  /** With several runs: every run's figures, for the ranges. */
  all?: MockRunRow[];
}

export interface MockRunOptions {
  label: string;
  /** What to evaluate: ['--test_dir', DIR], or ['--datasets', 'mmlu', ...]. */
  inputArgs: readonly string[];
  /** Prompts the mock is warmed up with before the measured run. */
  warmUpPrompts: readonly string[];
  latencyMs: number;
  concurrency: number;
  /** A scratch folder; the run folder inside it is removed afterwards. */
  work: string;
  runtime?: ScriptRuntime;
  extraArgs?: readonly string[];
}

/** The prompts of a folder's *.jsonl files, in name order, at most `limit` of them. */
export async function readPrompts(dir: string, limit = Infinity): Promise<string[]> {
  const prompts: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for await (const line of createReadStream(path.join(dir, name)).pipe(split2())) {
      if (prompts.length >= limit) return prompts;
      if (line.trim()) prompts.push((JSON.parse(line) as { prompt: string }).prompt);
    }
  }
  return prompts;
}

async function warmUpServer(baseUrl: string, prompts: readonly string[], concurrency: number): Promise<void> {
  const http = new HttpClient({ baseUrl, maxSockets: concurrency });
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < prompts.length) {
          const content = prompts[next++];
          await http.request('POST', 'chat/completions', { model: 'bench', messages: [{ role: 'user', content }], max_tokens: 32768, temperature: 0 }, 60_000);
        }
      }),
    );
  } finally {
    http.close();
  }
}

export async function measureMockRun(o: MockRunOptions): Promise<MockRunRow> {
  const mock = await startMockProcess(['--model', 'bench', '--latency-ms', String(o.latencyMs)], 20_000, 'bundle');
  try {
    await warmUpServer(mock.baseUrl, o.warmUpPrompts, o.concurrency);
    await mock.resetStats();
    const out = path.join(o.work, `run-${o.label.replace(/\W+/g, '_')}`);
    const spawnedAtMs = Date.now();
    const run = await runScriptMeasured(
      'run_eval.ts',
      ['--url', mock.baseUrl, '--model_name', 'bench', ...o.inputArgs, '--output_dir', out, '--api_mode', 'chat_completion',
        '--max_concurrent_requests', String(o.concurrency), '--quiet', '--check_model_url', 'false', ...(o.extraArgs ?? [])],
      o.work,
      o.runtime ?? 'bundle',
    );
    if (run.code !== 0 && run.code !== 3) throw new Error(`run_eval failed (${run.code}): ${run.stderr.slice(-2000)}`);
    const stats = (await mock.stats()) as { chat: number; firstGenerationAtMs?: number; lastGenerationAtMs?: number; meanInFlight: number; meanAnswerLateMs: number; meanClientTurnaroundMs: number };
    const spanSec = ((stats.lastGenerationAtMs ?? 0) - (stats.firstGenerationAtMs ?? 0)) / 1000 + o.latencyMs / 1000;
    const itemsPerSec = stats.chat / spanSec;
    rmSync(out, { recursive: true, force: true });
    return {
      case: o.label,
      items: stats.chat,
      itemsPerSec,
      ideal: o.latencyMs > 0 ? itemsPerSec / (o.concurrency / (o.latencyMs / 1000)) : undefined,
      wallSec: run.wallMs / 1000,
      peakRssMb: run.peakRssMb,
      startupSec: ((stats.firstGenerationAtMs ?? spawnedAtMs) - spawnedAtMs) / 1000,
      server: { meanInFlight: stats.meanInFlight, answerLateMs: stats.meanAnswerLateMs, clientTurnaroundMs: stats.meanClientTurnaroundMs },
    };
  } finally {
    await mock.stop();
  }
}

/** Runs a case `runs` times; the row holds the median run (by items/s) and every run for the ranges. */
export async function repeatedRuns(runs: number, measureOnce: () => Promise<MockRunRow>): Promise<MockRunRow> {
  const all: MockRunRow[] = [];
  for (let i = 0; i < runs; i++) all.push(await measureOnce());
  const sorted = [...all].sort((a, b) => a.itemsPerSec - b.itemsPerSec);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], all: runs > 1 ? all : undefined };
}

/** "median (min-max)" of a figure over a row's runs. */
export function rangeCell(r: MockRunRow, pick: (x: MockRunRow) => number | undefined, show: (v: number) => string): string {
  const value = pick(r);
  if (value === undefined) return '-';
  if (!r.all) return show(value);
  const values = r.all.map((x) => pick(x) as number);
  return `${show(value)} (${show(Math.min(...values))}-${show(Math.max(...values))})`;
}
