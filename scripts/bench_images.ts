#!/usr/bin/env -S npx tsx
// npm run bench:images: a vision-language run whose every item carries a ~1 MB PNG (200 distinct files, each
// named by many lines), through the built CLI in vlm mode against the mock, which decodes and hashes each image
// it receives. Prints items/s, image MB/s sent, and the evaluator's peak RSS at 2k and at --items lines (default
// 20,000): the images are streamed into each request from disk, so memory stays flat whatever the item count.
// Target: peak RSS ≤ 200 MB at 20k items. Options: --items N, --concurrency C (default 32), --image_kb K.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import minimist from 'minimist';
import { measureMockRun } from '../src/bench/mock-run.ts';
import { noisePng } from '../src/samples/png.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const flags = minimist(process.argv.slice(2), { string: ['items', 'concurrency', 'image_kb'] });
const ITEMS = Number(flags.items ?? 20_000);
const CONCURRENCY = Number(flags.concurrency ?? 32);
const IMAGE_BYTES = Number(flags.image_kb ?? 1024) * 1024;
const DISTINCT = 200;
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-images-'));

async function makeInput(lines: number): Promise<{ dir: string; imageBytes: number }> {
  const dir = path.join(work, `in-${lines}`);
  mkdirSync(path.join(dir, 'img'), { recursive: true });
  let size = 0;
  for (let i = 0; i < DISTINCT; i++) {
    const png = noisePng(IMAGE_BYTES, i + 1);
    size = png.length;
    writeFileSync(path.join(dir, 'img', `${i}.png`), png);
  }
  const out = createWriteStream(path.join(dir, 'vqa.jsonl'));
  for (let i = 0; i < lines; i++) {
    const line = JSON.stringify({ prompt: `What does <image> show? Item ${i}.`, images: [`img/${i % DISTINCT}.png`], data_source: 'RelaxedAccuracy', ground_truth: { answer: String(i % 7) } });
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { dir, imageBytes: size };
}

execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
console.log(`Images: ${DISTINCT} distinct PNGs of ~${Math.round(IMAGE_BYTES / 1024)} KB, one per item; c=${CONCURRENCY}; mock latency 0 ms (the mock decodes and hashes every image).`);
console.log('');
console.log('items    items/s   image MB/s   wall s   peak RSS MB');
try {
  for (const lines of [2_000, ITEMS]) {
    const { dir, imageBytes } = await makeInput(lines);
    const row = await measureMockRun({
      label: `images-${lines}`,
      inputArgs: ['--test_dir', dir],
      warmUpPrompts: ['warm up'],
      latencyMs: 0,
      concurrency: CONCURRENCY,
      work,
      extraArgs: ['--model_type', 'vlm'],
    });
    if (row.items !== lines) throw new Error(`the mock received ${row.items} requests, expected ${lines}`);
    const mbps = (row.itemsPerSec * imageBytes) / 1e6;
    console.log(`${String(lines).padEnd(8)} ${row.itemsPerSec.toFixed(0).padStart(7)}   ${mbps.toFixed(0).padStart(10)}   ${row.wallSec.toFixed(1).padStart(6)}   ${row.peakRssMb.toFixed(0).padStart(11)}`);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
