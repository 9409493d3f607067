#!/usr/bin/env -S npx tsx
// npm run bench:compare: three synthetic runs of 200k items each (80 bootcamps, 0/1 scores, realistic row sizes),
// compared by the real compare.ts in its own process. Target: under 10 s, peak RSS under 300 MB.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScriptMeasured } from '../src/bench/measure.ts';
import { seededRng } from '../src/samples/rng.ts';

const ITEMS = Number(process.argv[2] ?? 200_000);
const RUNS = 3;
const work = mkdtempSync(path.join(tmpdir(), 'bench-compare-'));
const prompt = 'Solve the following puzzle and give the answer in the requested format. '.repeat(3);
const output = 'Let me think step by step about this problem. '.repeat(12) + 'Final answer: [[42]]';

try {
  const dirs: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const dir = path.join(work, `run${r}`);
    mkdirSync(path.join(dir, 'details'), { recursive: true });
    const out = createWriteStream(path.join(dir, 'details', 'synthetic.jsonl'));
    const rng = seededRng(r + 1);
    for (let id = 0; id < ITEMS; id++) {
      const score = rng() < 0.5 + 0.1 * r ? 1 : 0;
      const row = { id, data_source: `Bootcamp${id % 80}`, prompt, output, output_len: 130, ground_truth: { answer: 42 }, score, extracted_output: '42', finish_reason: 'stop', usage: null, latency_ms: 100, attempts: 1 };
      if (!out.write(JSON.stringify(row) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    dirs.push(dir);
  }
  const run = await runScriptMeasured('compare.ts', [...dirs, '-o', path.join(work, 'cmp')], work);
  if (run.code !== 0) throw new Error(run.stderr);
  process.stdout.write(`compare.ts on ${RUNS} runs x ${ITEMS} items (80 bootcamps): ${(run.wallMs / 1000).toFixed(1)} s wall, peak RSS ${run.peakRssMb.toFixed(0)} MB (targets: < 10 s, < 300 MB)\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
