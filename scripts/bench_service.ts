#!/usr/bin/env -S npx tsx
// npm run bench:service: 100 small jobs (10 Game24 items each, the mock at 0 ms) submitted at once to the HTTP
// service with --max_jobs 4; prints jobs/s, the server's peak RSS (VmHWM), and how fast it answers
// GET /api/v1/jobs/{id} while jobs run (target p99 under 20 ms). Options: --jobs N (default 100).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import minimist from 'minimist';
import { startMockProcess, TSX_IMPORT } from '../src/mock/mock-process.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const flags = minimist(process.argv.slice(2), { string: ['jobs'] });
const JOBS = Number(flags.jobs ?? 100);
const root = mkdtempSync(path.join(tmpdir(), 'bench-service-'));
mkdirSync(path.join(root, 'data'));
copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample', 'game24.jsonl'), path.join(root, 'data', 'game24.jsonl'));

const mock = await startMockProcess(['--model', 'm']);
const server = spawn(process.execPath, [...TSX_IMPORT, path.join(PROJECT_ROOT, 'scripts', 'serve.ts'), '--port', '0', '--output_root', path.join(root, 'out'), '--data_root', path.join(root, 'data'), '--max_jobs', '4', '--max_queue', String(JOBS + 10)], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', (line) => resolve(line.replace('listening ', ''))));

const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const body = JSON.stringify({ model: 'm', api_url: `${mock.baseUrl}/chat/completions`, datasets: ['game24.jsonl'], limit: 10 });

try {
  const t0 = performance.now();
  const ids = await Promise.all(
    Array.from({ length: JOBS }, async () => ((await (await fetch(`${origin}/api/v1/jobs`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).json()) as { id: string }).id),
  );
  const latencies: number[] = [];
  let finished = 0;
  while (finished < JOBS) {
    const id = ids[Math.floor(Math.random() * ids.length)];
    const q0 = performance.now();
    const job = (await (await fetch(`${origin}/api/v1/jobs/${id}`)).json()) as { state: string };
    latencies.push(performance.now() - q0);
    if (job.state === 'failed') throw new Error(`job ${id} failed`);
    if (latencies.length % 25 === 0) {
      const list = (await (await fetch(`${origin}/api/v1/jobs?state=succeeded`)).json()) as { jobs: unknown[] };
      finished = list.jobs.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  process.stdout.write(`${JOBS} jobs of 10 items, --max_jobs 4, mock at 0 ms: ${seconds.toFixed(1)} s, ${(JOBS / seconds).toFixed(2)} jobs/s\n`);
  process.stdout.write(`GET /api/v1/jobs/{id} while jobs ran (${latencies.length} requests): p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms (target < 20 ms)\n`);
  process.stdout.write(`server peak RSS ${peakRssMb().toFixed(0)} MB\n`);
} finally {
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('exit', resolve));
  await mock.stop();
}
