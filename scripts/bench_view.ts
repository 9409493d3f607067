#!/usr/bin/env -S npx tsx
// npm run bench:view: the viewer on a 200k-item run (four details files of 50k rows in the real row format, the
// prompts of the shared evaluation set, outputs of 200-2,000 characters): time from the "listening" line to the
// item browser's first page (the index of every row built on the way), a filtered page, a text search over
// every prompt and output, the runs list, and the server's peak RSS. Options: --items N (default 200000).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import minimist from 'minimist';
import { REPORT_RSS } from '../src/bench/measure.ts';
import { scriptCommand, startMockProcess } from '../src/mock/mock-process.ts';
import { runScriptMeasured } from '../src/bench/measure.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const flags = minimist(process.argv.slice(2), { string: ['items'] });
const ITEMS = Number(flags.items ?? 200_000);
const FILES = 4;
const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'internbootcamp_eval');
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-view-'));
const NEEDLE = 'needle-in-the-haystack';

async function makeRun(): Promise<string> {
  // eval_args.json from a small real run, so the folder is what a run writes.
  const mock = await startMockProcess(['--model', 'bench'], 20_000, 'bundle');
  const seed = path.join(work, 'seed');
  try {
    const r = await runScriptMeasured('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'bench', '--test_dir', path.join(PROJECT_ROOT, 'data', 'sample'), '--output_dir', seed, '--quiet', '--api_mode', 'chat_completion'], work, 'tsx');
    if (r.code !== 0 && r.code !== 3) throw new Error(r.stderr);
  } finally {
    await mock.stop();
  }
  const run = path.join(work, 'runs', 'big');
  mkdirSync(path.join(run, 'details'), { recursive: true });
  const prompts: { prompt: string; data_source: string; ground_truth: unknown }[] = [];
  for (const name of readdirSync(SHARED).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(path.join(SHARED, name), 'utf8').split('\n').slice(0, 20)) if (line.trim()) prompts.push(JSON.parse(line));
  }
  const files = Array.from({ length: FILES }, (_, f) => `part${f}.jsonl`);
  const args = JSON.parse(readFileSync(path.join(seed, 'eval_args.json'), 'utf8'));
  writeFileSync(path.join(run, 'eval_args.json'), JSON.stringify({ ...args, test_files: files, test_dir: 'synthetic-200k' }, null, 4));
  const meta: string[] = [];
  const words = 'the model considers each option in turn and then writes its final answer after some reasoning'.split(' ');
  for (let f = 0; f < FILES; f++) {
    const out = createWriteStream(path.join(run, 'details', files[f]));
    let sum = 0;
    const n = ITEMS / FILES;
    for (let id = 0; id < n; id++) {
      const p = prompts[(id * 7 + f) % prompts.length];
      const length = 200 + ((id * 37) % 1800);
      let output = '';
      for (let w = id; output.length < length; w++) output += words[w % words.length] + (w % 13 === 0 ? '\n' : ' ');
      if (f === 2 && id === 31_337) output += ` ${NEEDLE}`;
      const score = id % 3 === 0 ? 0 : 1;
      sum += score;
      const row = { id, data_source: p.data_source, prompt: p.prompt, output, output_len: Math.round(output.length / 5), ground_truth: p.ground_truth, score, extracted_output: null, finish_reason: id % 50 === 0 ? 'length' : 'stop', usage: { prompt_tokens: 100, completion_tokens: 400, total_tokens: 500 }, latency_ms: 1000 + (id % 500), attempts: 1 };
      if (!out.write(JSON.stringify(row) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    meta.push(JSON.stringify({ bootcamp: `part${f}bootcamp`, file: files[f], avg_score: sum / n, avg_len: 0, n, n_errors: 0, n_verify_errors: 0, n_input_errors: 0 }));
  }
  writeFileSync(path.join(run, 'meta.jsonl'), meta.join('\n') + '\n');
  return path.join(work, 'runs');
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

const root = await makeRun();
const bytes = readdirSync(path.join(root, 'big', 'details')).reduce((s, f) => s + readFileSync(path.join(root, 'big', 'details', f)).length, 0);
const spawnedAt = performance.now();
const child = spawn(process.execPath, ['--import', REPORT_RSS, ...scriptCommand('view.ts', 'tsx'), root, '--port', '0'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
const url = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout }).once('line', (line) => {
    const m = /^listening (\S+)$/.exec(line);
    if (m) resolve(m[1]);
    else reject(new Error(line));
  });
  child.once('exit', () => reject(new Error(stderr)));
});
const listeningMs = performance.now() - spawnedAt;
const get = async (p: string) => {
  const res = await fetch(url + p);
  if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { total?: number; runs?: unknown[] };
};
try {
  const [, listMs] = await timed(() => get('/api/runs'));
  const [first, firstMs] = await timed(() => get('/api/runs/big/items?limit=50'));
  const [filtered, filteredMs] = await timed(() => get('/api/runs/big/items?limit=50&score=0&file=part1.jsonl'));
  const [other, otherMs] = await timed(() => get('/api/runs/big/items?limit=50&finish=length&offset=100'));
  const [search, searchMs] = await timed(() => get(`/api/runs/big/items?limit=50&q=${NEEDLE}`));
  const [, detailMs] = await timed(() => get(`/api/runs/big/item?q=${NEEDLE}&pos=0`));
  const [, summaryMs] = await timed(() => get('/api/runs/big'));
  if (first.total !== ITEMS || search.total !== 1) throw new Error(`unexpected totals: ${first.total}, search ${search.total}`);
  child.kill('SIGTERM');
  await once(child, 'exit');
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  const rows: [string, string, string][] = [
    ['spawn to "listening" (tsx start-up, client bundled by esbuild)', `${listeningMs.toFixed(0)} ms`, ''],
    ['runs list (finished run: from meta.jsonl)', `${listMs.toFixed(0)} ms`, ''],
    [`first page of the item browser after "listening" (indexes ${ITEMS} rows, ${(bytes / 1e6).toFixed(0)} MB)`, `${firstMs.toFixed(0)} ms`, 'target < 1000 ms'],
    [`filtered page: score=0, one file (${filtered.total} items)`, `${filteredMs.toFixed(0)} ms`, 'target < 300 ms'],
    [`filtered page: finish_reason=length, page 3 (${other.total} items)`, `${otherMs.toFixed(0)} ms`, 'target < 300 ms'],
    ['text search over every prompt and output (1 hit)', `${searchMs.toFixed(0)} ms`, 'target < 2000 ms'],
    ['that item in full', `${detailMs.toFixed(0)} ms`, ''],
    ['run page (per-bootcamp scores, intervals, pass@k)', `${summaryMs.toFixed(0)} ms`, ''],
    ['server peak RSS', `${rss.toFixed(0)} MB`, 'target < 250 MB'],
  ];
  process.stdout.write(`bootcamp-eval bench:view: one run of ${ITEMS} items on ${os.cpus().length} cores\n`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [label, value, target] of rows) process.stdout.write(`${label.padEnd(w)}  ${value.padStart(8)}  ${target}\n`);
} finally {
  child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
