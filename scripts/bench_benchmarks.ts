#!/usr/bin/env -S npx tsx
// npm run bench:benchmarks: what the benchmark layer costs. (1) rows/s reading MMLU (all 57 subjects, test and
// dev, Parquet) from the cache; (2) the evaluator's items/s on MMLU against the mock at 0 ms, by name
// (--datasets mmlu, from the cache, offline) and as the same items given as JSONL files, with peak RSS.
// The cache is filled from a stand-in hub on loopback serving the shared MMLU in the hub's layout.
// Options: --runs N (each case N times, median and range; default 3).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import minimist from 'minimist';
import { findBenchmark } from '../benchmarks/index.ts';
import { resolveHubFile } from '../src/datasets/hub-files.ts';
import { readRows } from '../src/datasets/row-readers.ts';
import { measureMockRun, rangeCell, type MockRunRow } from '../src/bench/mock-run.ts';
import { PROJECT_ROOT } from '../src/version.ts';
import { benchmarkItems, startBenchmarkHub } from '../test/support/benchmark-hub.ts';

const flags = minimist(process.argv.slice(2), { string: ['runs'] });
const runs = Math.max(1, Number(flags.runs ?? 3));
const CONCURRENCY = 128;
const work = mkdtempSync(path.join(tmpdir(), 'bench-benchmarks-'));
const cache = path.join(work, 'cache');
const mmlu = findBenchmark('mmlu')!;

execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
try {
  // Fill the cache through the hub, as a first run would.
  const hub = await startBenchmarkHub();
  try {
    for (const f of mmlu.source.files) {
      await resolveHubFile({ hub: 'huggingface', repo: mmlu.source.repo, revision: mmlu.source.revision, path: f.path }, { cacheDir: cache, offline: false, env: { HF_ENDPOINT: hub.origin }, log: () => {} });
    }
  } finally {
    await hub.close();
  }

  // (1) Reading rows from the cache.
  const readings: { rows: number; sec: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    let rows = 0;
    for (const f of mmlu.source.files) {
      const file = path.join(cache, 'huggingface', 'cais', 'mmlu', mmlu.source.revision, ...f.path.split('/'));
      for await (const _ of readRows(file, f.format)) rows++;
    }
    readings.push({ rows, sec: (performance.now() - started) / 1000 });
  }
  const rates = readings.map((x) => x.rows / x.sec).sort((a, b) => a - b);

  // (2) The same MMLU items by name and as JSONL files (prompts built by the catalog: byte for byte the same).
  const jsonlDir = path.join(work, 'mmlu-jsonl');
  mkdirSync(jsonlDir);
  const warmUp: string[] = [];
  for (const subject of mmlu.subsets) {
    const items = await benchmarkItems('mmlu', subject);
    for (const it of items) if (warmUp.length < 3000) warmUp.push(it.prompt);
    writeFileSync(path.join(jsonlDir, `mmlu_${subject}.jsonl`), items.map((it) => JSON.stringify(it)).join('\n') + '\n');
  }
  const byName = ['--datasets', 'mmlu', '--cache_dir', cache, '--offline'];
  const rows: MockRunRow[] = [];
  const one = (label: string, inputArgs: string[]) => measureMockRun({ label, inputArgs, warmUpPrompts: warmUp, latencyMs: 0, concurrency: CONCURRENCY, work });
  // Interleaved, so that drift of the machine falls on both alike.
  const named: MockRunRow[] = [];
  const jsonl: MockRunRow[] = [];
  for (let r = 0; r < runs; r++) {
    named.push(await one('MMLU by name (--datasets mmlu, Parquet from the cache), 0 ms', byName));
    jsonl.push(await one('the same 14,042 items as 57 JSONL files (--test_dir), 0 ms', ['--test_dir', jsonlDir]));
  }
  rows.push({ ...median(named), all: runs > 1 ? named : undefined });
  rows.push({ ...median(jsonl), all: runs > 1 ? jsonl : undefined });

  process.stdout.write(`bootcamp-eval bench:benchmarks on ${cpus().length} cores, ${runs} run(s) per case\n`);
  process.stdout.write(`Reading MMLU from the cache (57 subjects, test + dev, ${readings[0].rows} rows of Parquet): ${fmt(rates[Math.floor((rates.length - 1) / 2)])} rows/s (${fmt(rates[0])}-${fmt(rates.at(-1)!)})\n`);
  const header = ['case', 'items', 'items/s', 'wall s', 'first request s', 'peak RSS MB'];
  const table = [header, ...rows.map((r) => [r.case, String(r.items), rangeCell(r, (x) => x.itemsPerSec, (v) => v.toFixed(0)), rangeCell(r, (x) => x.wallSec, (v) => v.toFixed(1)), rangeCell(r, (x) => x.startupSec, (v) => v.toFixed(2)), rangeCell(r, (x) => x.peakRssMb, (v) => v.toFixed(0))])];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) process.stdout.write(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ') + '\n');
  const cost = 1 - rows[0].itemsPerSec / rows[1].itemsPerSec;
  process.stdout.write(`The benchmark layer costs ${(100 * cost).toFixed(1)}% of the JSONL items/s (medians; target: under 10%), peak RSS ${rows[0].peakRssMb.toFixed(0)} MB (target: under 200 MB).\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function median(list: MockRunRow[]): MockRunRow {
  return [...list].sort((a, b) => a.itemsPerSec - b.itemsPerSec)[Math.floor((list.length - 1) / 2)];
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
