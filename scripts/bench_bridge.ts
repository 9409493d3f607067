#!/usr/bin/env -S npx tsx
// npm run bench:bridge: outputs/s through the Python bridge (2 workers, a trivial fixture verifier), and the
// evaluator's items/s with --verifier python vs native on the same lines. Target: >= 2,000 outputs/s; the
// evaluator within 20% of native.
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PythonBridge } from '../bootcamps/python-bridge.ts';
import { startMockProcess } from '../src/mock/mock-process.ts';
import { runScriptMeasured } from '../src/bench/measure.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'py_bootcamps');
const N = 20_000;

const bridge = new PythonBridge({ python: 'python3', pythonPath: [FIXTURES], workers: 2, verifyTimeoutMs: 10_000, env: { PATH: process.env.PATH } });
await bridge.check(['Trivial']);
const t0 = performance.now();
const batch = 512;
for (let done = 0; done < N; done += batch) {
  await Promise.all(Array.from({ length: Math.min(batch, N - done) }, (_, i) => bridge.score('Trivial', `output ${done + i} with some text`, { answer: 'x' })));
}
const bridgeRate = N / ((performance.now() - t0) / 1000);
await bridge.close();

// The evaluator end to end: the same 5,000 lines scored natively (Game24) and through Python (Trivial).
const work = mkdtempSync(path.join(tmpdir(), 'bench-bridge-'));
const lines = (source: string) => Array.from({ length: 5000 }, (_, i) => JSON.stringify({ data_source: source, prompt: `question ${i}`, ground_truth: { puzzle: '1 2 3 4', target: 10 } })).join('\n') + '\n';
const rates: Record<string, number> = {};
try {
  for (const [label, source, extra] of [['native', 'Game24', []], ['python', 'Trivial', ['--bootcamp_pythonpath', FIXTURES]]] as const) {
    const dir = path.join(work, label);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'in.jsonl'), lines(source));
    // A fresh mock per run, so its first-to-last request span is this run's alone (start-up not included).
    const mock = await startMockProcess(['--model', 'bench']);
    try {
      const run = await runScriptMeasured('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'bench', '--test_dir', dir, '--output_dir', path.join(work, `out-${label}`), '--api_mode', 'chat_completion', '--quiet', '--check_model_url', 'false', ...extra], work);
      if (run.code !== 0) throw new Error(`${label} run failed: ${run.stderr.slice(-1000)}`);
      const stats = (await mock.stats()) as { chat: number; firstGenerationAtMs: number; lastGenerationAtMs: number };
      rates[label] = stats.chat / Math.max(0.001, (stats.lastGenerationAtMs - stats.firstGenerationAtMs) / 1000);
    } finally {
      await mock.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`Python bridge, 2 workers, trivial verifier: ${bridgeRate.toFixed(0)} outputs/s over ${N} outputs (target >= 2,000)\n`);
process.stdout.write(`run_eval on 5,000 lines (first to last request): native ${rates.native.toFixed(0)} items/s, through Python ${rates.python.toFixed(0)} items/s (${((100 * rates.python) / rates.native).toFixed(0)}% of native; target >= 80%)\n`);
