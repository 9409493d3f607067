#!/usr/bin/env -S npx tsx
// npm run bench:scale: (1) one run balanced over four mock replicas at 100 ms latency, c=512, 20k items
// (real Game24 lines of the shared evaluation set, cycled): items/s against the ideal c / latency, beside the
// same load on one replica; (2) merging 8 shards of 200k rows in all: rows/s and the merge's peak RSS.
// Every process is a separate one (the evaluator and the mocks from the `npm run build` bundle).
// Options: --items N (default 20000), --merge_rows N (default 200000), --case endpoints|merge.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import minimist from 'minimist';
import { startMockProcess, type MockProcess } from '../src/mock/mock-process.ts';
import { HttpClient } from '../src/model/http.ts';
import { runScriptMeasured } from '../src/bench/measure.ts';
import { shardOfItem } from '../src/run/shard-membership.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const flags = minimist(process.argv.slice(2), { string: ['items', 'merge_rows', 'case'] });
const ITEMS = Number(flags.items ?? 20_000);
const MERGE_ROWS = Number(flags.merge_rows ?? 200_000);
const only = flags.case as string | undefined;
const LATENCY_MS = 100;
const CONCURRENCY = 512;
const SHARED_GAME24 = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'internbootcamp_eval', 'game24.jsonl');
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));

function game24Lines(n: number): string {
  const dir = path.join(work, `game24-${n}`);
  mkdirSync(dir);
  const lines = readFileSync(SHARED_GAME24, 'utf8').split('\n').filter(Boolean);
  writeFileSync(path.join(dir, 'game24.jsonl'), Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n') + '\n');
  return dir;
}

async function warmUp(mock: MockProcess, prompt: string): Promise<void> {
  const http = new HttpClient({ baseUrl: mock.baseUrl, maxSockets: 64 });
  try {
    await Promise.all(Array.from({ length: 64 }, async () => {
      for (let i = 0; i < 20; i++) await http.request('POST', 'chat/completions', { model: 'bench', messages: [{ role: 'user', content: prompt }], max_tokens: 16 }, 60_000);
    }));
  } finally {
    http.close();
  }
  await mock.resetStats();
}

interface EndpointRow {
  label: string;
  items: number;
  itemsPerSec: number;
  ideal: number;
  peakRssMb: number;
  perEndpoint: number[];
}

async function endpointsCase(replicas: number, testDir: string): Promise<EndpointRow> {
  const mocks = await Promise.all(Array.from({ length: replicas }, () => startMockProcess(['--model', 'bench', '--latency-ms', String(LATENCY_MS)], 20_000, 'bundle')));
  try {
    const prompt = (JSON.parse(readFileSync(SHARED_GAME24, 'utf8').split('\n')[0]) as { prompt: string }).prompt;
    await Promise.all(mocks.map((m) => warmUp(m, prompt)));
    const out = path.join(work, `run-${replicas}`);
    const run = await runScriptMeasured('run_eval.ts', [
      ...mocks.flatMap((m) => ['--url', m.baseUrl]), '--model_name', 'bench', '--test_dir', testDir, '--output_dir', out,
      '--api_mode', 'chat_completion', '--max_concurrent_requests', String(CONCURRENCY), '--quiet', '--check_model_url', 'false',
    ], work, 'bundle');
    if (run.code !== 0 && run.code !== 3) throw new Error(`run_eval failed (${run.code}): ${run.stderr.slice(-2000)}`);
    const stats = (await Promise.all(mocks.map((m) => m.stats()))) as { chat: number; firstGenerationAtMs: number; lastGenerationAtMs: number }[];
    const items = stats.reduce((s, x) => s + x.chat, 0);
    const spanSec = (Math.max(...stats.map((s) => s.lastGenerationAtMs)) - Math.min(...stats.map((s) => s.firstGenerationAtMs)) + LATENCY_MS) / 1000;
    const itemsPerSec = items / spanSec;
    rmSync(out, { recursive: true, force: true });
    return { label: `${replicas} mock replica${replicas > 1 ? 's' : ''} at ${LATENCY_MS} ms, c=${CONCURRENCY}`, items, itemsPerSec, ideal: itemsPerSec / (CONCURRENCY / (LATENCY_MS / 1000)), peakRssMb: run.peakRssMb, perEndpoint: stats.map((s) => s.chat) };
  } finally {
    await Promise.all(mocks.map((m) => m.stop()));
  }
}

/**
 * 8 shard folders of one run of `rows` items in one file: a real shard's eval_args.json (from a small real run,
 * its shard fields set per folder) and details rows in the real row format, each shard holding the ids the
 * shard hash gives it, as a sharded run leaves them.
 */
async function makeShards(rows: number): Promise<string[]> {
  const mock = await startMockProcess(['--model', 'bench'], 20_000, 'bundle');
  const seed = path.join(work, 'seed');
  try {
    const r = await runScriptMeasured('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'bench', '--test_dir', game24Lines(64), '--output_dir', seed, '--shard', '0/8', '--quiet', '--api_mode', 'chat_completion'], work, 'bundle');
    if (r.code !== 0 && r.code !== 3) throw new Error(r.stderr);
  } finally {
    await mock.stop();
  }
  const seedDir = `${seed}_shard0of8`;
  const args = JSON.parse(readFileSync(path.join(seedDir, 'eval_args.json'), 'utf8')) as Record<string, unknown>;
  const template = JSON.parse(readFileSync(path.join(seedDir, 'details', 'game24.jsonl'), 'utf8').split('\n')[0]) as Record<string, unknown>;
  const folders: string[] = [];
  const streams = [];
  for (let k = 0; k < 8; k++) {
    const folder = path.join(work, `shards`, `r_shard${k}of8`);
    mkdirSync(path.join(folder, 'details'), { recursive: true });
    writeFileSync(path.join(folder, 'eval_args.json'), JSON.stringify({ ...args, shard: { index: k, count: 8, source: '--shard' } }, null, 4));
    folders.push(folder);
    streams.push(createWriteStream(path.join(folder, 'details', 'game24.jsonl')));
  }
  for (let id = 0; id < rows; id++) {
    const k = shardOfItem('game24.jsonl', id, 0, 8);
    const line = JSON.stringify({ ...template, id, score: id % 3 === 0 ? 0 : 1 }) + '\n';
    if (!streams[k].write(line)) await once(streams[k], 'drain');
  }
  await Promise.all(streams.map((s) => new Promise<void>((resolve) => s.end(() => resolve()))));
  return folders;
}

try {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  process.stdout.write(`bootcamp-eval bench:scale on ${os.cpus().length} cores (evaluator, mocks and merge each in their own process)\n`);
  if (!only || only === 'endpoints') {
    const dir = game24Lines(ITEMS);
    const rows = [await endpointsCase(1, dir), await endpointsCase(4, dir)];
    const header = ['case', 'items', 'items/s', '% of ideal', 'peak RSS MB', 'requests per endpoint'];
    const table = [header, ...rows.map((r) => [r.label, String(r.items), r.itemsPerSec.toFixed(0), (100 * r.ideal).toFixed(1) + '%', r.peakRssMb.toFixed(0), r.perEndpoint.join(' / ')])];
    const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
    for (const row of table) process.stdout.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ') + '\n');
    process.stdout.write(`ideal = c / latency = ${CONCURRENCY / (LATENCY_MS / 1000)}/s; items/s counts generation requests from the first to the last any replica received. Target: >= 90% of ideal over four replicas.\n`);
  }
  if (!only || only === 'merge') {
    const folders = await makeShards(MERGE_ROWS);
    const out = path.join(work, 'merged');
    const run = await runScriptMeasured('merge.ts', [...folders, '-o', out], work, 'bundle');
    if (run.code !== 0) throw new Error(`merge failed (${run.code}): ${run.stderr}`);
    let merged = 0;
    for await (const chunk of createReadStream(path.join(out, 'details', 'game24.jsonl')) as AsyncIterable<Buffer>) for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) merged++;
    if (merged !== MERGE_ROWS) throw new Error(`merged ${merged} rows, expected ${MERGE_ROWS}`);
    process.stdout.write(`merge of 8 shards, ${MERGE_ROWS} rows in all: ${run.wallMs.toFixed(0)} ms (${(MERGE_ROWS / (run.wallMs / 1000)).toFixed(0)} rows/s, process start-up and the summaries included), peak RSS ${run.peakRssMb.toFixed(0)} MB. Target: peak RSS <= 200 MB.\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
