#!/usr/bin/env -S npx tsx
// npm run bench: the real run_eval CLI against the mock server, each in its own process, in chat mode at
// c=128 on the shared evaluation lines. Prints items/s, % of ideal at 100 ms latency, and peak RSS from 5k to
// 200k lines. The CLI measured is the built one (`npm run build`, plain node, what a long run should use); one
// row runs it from source through tsx for comparison. Options: --quick (skip the 200k run), --sdk (also time a
// plain openai-SDK loop for comparison), --runs N (each case N times; the row shows the median and the range),
// --case NAME[,NAME] (only these: 0ms, 100ms, stream, tsx, game24-tsx, tsx-200k, 20k, 200k). stream: the same
// 0 ms and 100 ms runs with --stream. game24-tsx, tsx and tsx-200k run from source through tsx, as the README's
// command does, and show start-up (spawn to the first request the mock received) beside peak RSS.
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BOOTCAMP_NAMES } from '../bootcamps/index.ts';
import { once } from 'node:events';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import split2 from 'split2';
import OpenAI from 'openai';
import { startMockProcess, type ScriptRuntime } from '../src/mock/mock-process.ts';
import { execFileSync } from 'node:child_process';
import { measureMockRun, rangeCell, readPrompts, repeatedRuns, type MockRunRow } from '../src/bench/mock-run.ts';
import { PROJECT_ROOT } from '../src/version.ts';
import minimist from 'minimist';

const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'internbootcamp_eval');
const CONCURRENCY = 128;
const flags = minimist(process.argv.slice(2), { boolean: ['quick', 'sdk'], string: ['runs', 'case'] });
const quick = flags.quick as boolean;
const withSdk = flags.sdk as boolean;
const runs = Math.max(1, Number(flags.runs ?? 1));
const onlyCases = (flags.case as string | undefined)?.split(',');
const CASES = ['0ms', '100ms', 'stream', 'tsx', 'game24-tsx', 'tsx-200k', '20k', '200k', 'judge'];
for (const name of onlyCases ?? []) if (!CASES.includes(name)) throw new Error(`--case: expected some of ${CASES.join(', ')}, got ${name}`);
const wanted = (name: string) => (onlyCases ? onlyCases.includes(name) : !(name === '200k' || name === 'tsx-200k' || name === 'judge') || !quick);
const work = mkdtempSync(path.join(tmpdir(), 'bench-'));

/** Shared files whose data source has a verifier: lines of the others would only be skipped as unknown. */
function scorableSharedFiles(): string[] {
  return readdirSync(SHARED)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .filter((name) => {
      const first = readFileSync(path.join(SHARED, name), 'utf8').split('\n', 1)[0];
      return BOOTCAMP_NAMES.has((JSON.parse(first) as { data_source: string }).data_source);
    });
}

async function buildSynthetic(lines: number): Promise<string> {
  const dir = path.join(work, `synthetic-${lines}`);
  mkdirSync(dir);
  const out = createWriteStream(path.join(dir, 'synthetic.jsonl'));
  let written = 0;
  while (written < lines) {
    for (const name of scorableSharedFiles()) {
      for await (const line of createReadStream(path.join(SHARED, name)).pipe(split2())) {
        if (written >= lines) break;
        if (!out.write(line + '\n')) await once(out, 'drain');
        written++;
      }
    }
  }
  out.end();
  await once(out, 'finish');
  return dir;
}

type Row = MockRunRow;
/** Sent to the mock before each measured run, then its counts are reset (see src/bench/mock-run.ts). */
const WARM_UP_REQUESTS = 3000;
const repeated = (measureOnce: () => Promise<Row>) => repeatedRuns(runs, measureOnce);
async function measure(label: string, testDir: string, latencyMs: number, runtime: ScriptRuntime = 'bundle', extraArgs: string[] = []): Promise<Row> {
  const warmUpPrompts = await readPrompts(testDir, WARM_UP_REQUESTS);
  return measureMockRun({ label, inputArgs: ['--test_dir', testDir], warmUpPrompts, latencyMs, concurrency: CONCURRENCY, work, runtime, extraArgs });
}

/** The same load through the openai SDK in a plain loop, the alternative we measured against. */
async function measureSdk(): Promise<Row> {
  const mock = await startMockProcess(['--model', 'bench']);
  try {
    const client = new OpenAI({ baseURL: mock.baseUrl, apiKey: 'EMPTY', maxRetries: 0 });
    const prompts = await readPrompts(SHARED);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < prompts.length) {
          const prompt = prompts[next++];
          await client.chat.completions.create({ model: 'bench', messages: [{ role: 'user', content: prompt }], max_tokens: 32768, temperature: 0 });
        }
      }),
    );
    const sec = (performance.now() - started) / 1000;
    return { case: 'openai SDK loop, 0 ms (no scoring, no writing)', items: prompts.length, itemsPerSec: prompts.length / sec, wallSec: sec, peakRssMb: process.resourceUsage().maxRSS / 1024, startupSec: 0 };
  } finally {
    await mock.stop();
  }
}

// The bundle is rebuilt every time, so the figures are always those of the sources as they are.
execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
const rows: Row[] = [];
const allScorable = scorableSharedFiles().length === readdirSync(SHARED).filter((n) => n.endsWith('.jsonl')).length;
// Until every shared data source has a verifier, the 5,488 lines are made from the scorable files, cycled.
const base = allScorable ? SHARED : await buildSynthetic(5488);
const baseLabel = allScorable ? 'shared 5,488 lines' : `5,488 lines cycled from ${scorableSharedFiles().length} scorable shared files`;
try {
  if (wanted('0ms')) rows.push(await repeated(() => measure(`${baseLabel}, 0 ms latency`, base, 0)));
  if (wanted('100ms')) rows.push(await repeated(() => measure(`${baseLabel}, 100 ms latency`, base, 100)));
  if (wanted('stream')) {
    rows.push(await repeated(() => measure(`${baseLabel}, 0 ms latency, --stream`, base, 0, 'bundle', ['--stream'])));
    rows.push(await repeated(() => measure(`${baseLabel}, 100 ms latency, --stream`, base, 100, 'bundle', ['--stream'])));
  }
  if (wanted('tsx')) rows.push(await repeated(() => measure(`${baseLabel}, 0 ms latency, from source through tsx`, base, 0, 'tsx')));
  if (wanted('game24-tsx')) {
    // Game24 only: the registry loads the core family and nothing else.
    const dir = path.join(work, 'game24-only');
    mkdirSync(dir);
    const lines = readFileSync(path.join(SHARED, 'game24.jsonl'), 'utf8').split('\n').filter(Boolean);
    writeFileSync(path.join(dir, 'game24.jsonl'), Array.from({ length: 5488 }, (_, i) => lines[i % lines.length]).join('\n') + '\n');
    rows.push(await repeated(() => measure('Game24 only, 5,488 lines, 0 ms latency, through tsx', dir, 0, 'tsx')));
  }
  if (wanted('tsx-200k')) {
    const dir = path.join(work, 'synthetic-200000');
    if (!existsSync(dir)) await buildSynthetic(200_000);
    rows.push(await repeated(() => measure('synthetic 200k lines, 0 ms latency, through tsx', dir, 0, 'tsx')));
  }
  // An overnight run is many cycles long; the 5,488-line run is 43 cycles, one of which goes to start-up (JIT
  // warm-up, 128 connections opened). 20k lines show the steady state the target is about.
  if (wanted('20k')) {
    const dir = await buildSynthetic(20_000);
    rows.push(await repeated(() => measure('synthetic 20k lines, 100 ms latency', dir, 100)));
  }
  if (wanted('200k')) {
    const dir = path.join(work, 'synthetic-200000');
    if (!existsSync(dir)) await buildSynthetic(200_000);
    rows.push(await repeated(() => measure('synthetic 200k lines, 0 ms latency', dir, 0)));
  }
  if (wanted('judge')) {
    // The same 0 ms run with every item judged (--judge_strategy llm) by a second mock acting as the judge:
    // judging runs in its own queue and must not hold the evaluated model's requests back (target: within 20%).
    const judge = await startMockProcess(['--model', 'judge', '--judge', 'contains-gold'], 20_000, 'bundle');
    try {
      const judgeArgs = ['--judge_strategy', 'llm', '--judge_worker_num', '32', '--judge_model_args', JSON.stringify({ model_id: 'judge', api_url: judge.baseUrl })];
      rows.push(await repeated(() => measure(`${baseLabel}, 0 ms latency, no judge (same process layout)`, base, 0)));
      rows.push(await repeated(() => measure(`${baseLabel}, 0 ms latency, every item judged by a second mock (--judge_worker_num 32)`, base, 0, 'bundle', judgeArgs)));
      rows.push(await repeated(() => measure(`${baseLabel}, 100 ms latency, no judge`, base, 100)));
      rows.push(await repeated(() => measure(`${baseLabel}, 100 ms latency, every item judged (--judge_worker_num 32)`, base, 100, 'bundle', judgeArgs)));
    } finally {
      await judge.stop();
    }
  }
  if (withSdk) rows.push(await measureSdk());
} finally {
  rmSync(work, { recursive: true, force: true });
}

const header = ['case', 'items', 'items/s', '% of ideal', 'wall s', 'first request s', 'peak RSS MB'];
const cell = rangeCell;
const table = [
  header,
  ...rows.map((r) => [
    r.case + (r.all ? `, median of ${r.all.length}` : ''),
    String(r.items),
    cell(r, (x) => x.itemsPerSec, (v) => v.toFixed(0)),
    cell(r, (x) => (x.ideal === undefined ? undefined : 100 * x.ideal), (v) => v.toFixed(1) + '%'),
    cell(r, (x) => x.wallSec, (v) => v.toFixed(1)),
    cell(r, (x) => x.startupSec, (v) => v.toFixed(2)),
    cell(r, (x) => x.peakRssMb, (v) => v.toFixed(0)),
  ]),
];
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
process.stdout.write(`bootcamp-eval bench: chat mode, --max_concurrent_requests ${CONCURRENCY}, mock and evaluator in separate processes on ${(await import('node:os')).cpus().length} cores\n`);
for (const row of table) process.stdout.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ') + '\n');
for (const r of rows.filter((x) => x.ideal !== undefined && x.server)) {
  const all = r.all ?? [r];
  const mean = (pick: (x: NonNullable<Row['server']>) => number) => (all.reduce((sum, x) => sum + pick(x.server!), 0) / all.length).toFixed(2);
  process.stdout.write(
    `${r.case}: the mock saw ${mean((x) => x.meanInFlight)} of ${CONCURRENCY} requests in flight on average; it answered ${mean((x) => x.answerLateMs)} ms late, and the evaluator sent its next request ${mean((x) => x.clientTurnaroundMs)} ms after an answer (means).\n`,
  );
}
process.stdout.write(`items/s counts generation requests from the first to the last one the mock received (after ${WARM_UP_REQUESTS} warm-up requests of its own); ideal at 100 ms = c / latency = 1280/s.\n`);
process.stdout.write('Targets: >= 3,000 items/s at 0 ms; >= 95% of ideal at 100 ms; peak RSS <= 150 MB and flat from 5k to 200k lines.\n');
