#!/usr/bin/env -S npx tsx
// Makes the README's screenshots of the viewer (docs/screenshots/*.png) from the demo's data: two runs of the
// sample set through the bundled mock (70% and 90% correct), the viewer over them, Debian's chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startMockProcess } from '../src/mock/mock-process.ts';
import { PROJECT_ROOT } from '../src/version.ts';
import { runScriptMeasured } from '../src/bench/measure.ts';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { scriptCommand } from '../src/mock/mock-process.ts';

const OUT = path.join(PROJECT_ROOT, 'docs', 'screenshots');
const work = mkdtempSync(path.join(os.tmpdir(), 'screens-'));
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, rate] of [['demo-model_sample_70', '0.7'], ['demo-model_sample_90', '0.9']]) {
    const mock = await startMockProcess(['--model', 'demo-model', '--solutions', path.join(PROJECT_ROOT, 'data', 'sample-solutions.jsonl'), '--correct-rate', rate, '--latency-ms', '1-5']);
    try {
      const r = await runScriptMeasured('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'demo-model', '--test_dir', path.join(PROJECT_ROOT, 'data', 'sample'), '--template', 'r1', '--output_dir', path.join(work, 'output', name), '--quiet'], work);
      if (r.code !== 0) throw new Error(r.stderr);
    } finally {
      await mock.stop();
    }
  }
  const viewer = spawn(process.execPath, [...scriptCommand('view.ts', 'tsx'), path.join(work, 'output'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => createInterface({ input: viewer.stdout }).once('line', (l) => resolve(l.split(' ')[1])));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    const shots: [string, string, string][] = [
      ['runs', '/', 'run-row'],
      ['run', '/run/demo-model_sample_70', 'bootcamp-row'],
      ['items', '/run/demo-model_sample_70/items?score=0', 'item-row'],
      ['item', '/run/demo-model_sample_70/item?score=0&pos=0', 'detail-output'],
      ['compare', '/compare?runs=demo-model_sample_70,demo-model_sample_90', 'compare-table'],
    ];
    for (const [name, address, ready] of shots) {
      await page.goto(url + address);
      await page.getByTestId(ready).first().waitFor();
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      process.stdout.write(`docs/screenshots/${name}.png\n`);
    }
  } finally {
    await browser.close();
    viewer.kill('SIGTERM');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
