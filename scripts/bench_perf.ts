#!/usr/bin/env -S npx tsx
// npm run bench:perf: how fast the load tester itself is. The bundled mock (its own process, 0 ms) is driven at
// --parallel 256 by our perf engine without and with streaming, and, in the same run, by a bare keep-alive
// node:http loop posting the same body (and by wrk, when it is installed), so the tool's request rate can be read
// beside theirs. Target: the tool at >= 0.5x the bare loop. Options: --requests N (default 20000), --runs N.
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import minimist from 'minimist';
import { startMockProcess } from '../src/mock/mock-process.ts';
import { perfMain } from '../src/perf/perf-main.ts';

const flags = minimist(process.argv.slice(2), { string: ['requests', 'runs'] });
const REQUESTS = Number(flags.requests ?? 20_000);
const RUNS = Math.max(1, Number(flags.runs ?? 1));
const PARALLEL = 256;
const work = mkdtempSync(path.join(tmpdir(), 'bench-perf-'));

const mock = await startMockProcess(['--model', 'bench', '--reply-tokens', '16'], 20_000, 'bundle');
const url = `${mock.baseUrl}/chat/completions`;
const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'Explain how a refrigerator keeps food cold.' }], max_tokens: 64, stream: false });

/** The bare loop: node:http with a keep-alive agent, PARALLEL workers posting the body, answers read whole. */
async function bareLoop(n: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: PARALLEL });
  const target = new URL(url);
  let started = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.on('data', () => {});
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (started < n) {
        started++;
        await one();
      }
    }),
  );
  const sec = (performance.now() - t0) / 1000;
  agent.destroy();
  return n / sec;
}

/** Our engine through its command, in this process; its own figure: successful requests over the wall time. */
async function tool(n: number, stream: boolean): Promise<number> {
  const out = path.join(work, `tool-${stream ? 's' : 'n'}-${Math.random().toString(36).slice(2)}`);
  let printed = '';
  const code = await perfMain(['--url', url, '--model', 'bench', '--parallel', String(PARALLEL), '--number', String(n), '--max-tokens', '64', stream ? '--stream' : '--no-stream', '--warmup-num', String(PARALLEL), '--outputs-dir', out, '--no-timestamp', '--name', 'b'], {}, {
    stdout: (t) => (printed += t),
    stderr: () => {},
    isTTY: false,
    cwd: work,
    now: () => new Date(),
  });
  if (code !== 0) throw new Error(`perf exited ${code}: ${printed}`);
  const summary = JSON.parse(readFileSync(path.join(out, 'b', `parallel_${PARALLEL}_number_${n}`, 'benchmark_summary.json'), 'utf8'));
  if (summary['Failed Requests'] > 0) throw new Error(`${summary['Failed Requests']} requests failed`);
  return summary['Req Throughput (req/s)'];
}

function wrk(): number | undefined {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  const script = path.join(work, 'post.lua');
  writeFileSync(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\nwrk.headers["Content-Type"] = "application/json"\n`);
  const text = execFileSync('wrk', ['-t', '2', '-c', String(PARALLEL), '-d', '10s', '-s', script, url], { encoding: 'utf8' });
  const m = /Requests\/sec:\s+([\d.]+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await bareLoop(2_000); // warm the mock's JIT before anything is measured
  const rows: [string, number[]][] = [['bare node:http keep-alive loop', []], ['perf --no-stream', []], ['perf --stream (16 tokens)', []]];
  for (let r = 0; r < RUNS; r++) {
    rows[0][1].push(await bareLoop(REQUESTS));
    rows[1][1].push(await tool(REQUESTS, false));
    rows[2][1].push(await tool(Math.floor(REQUESTS / 2), true));
  }
  const wrkRate = wrk();
  const bare = median(rows[0][1]);
  process.stdout.write(`mock at 0 ms, parallel ${PARALLEL}, ${REQUESTS} requests (${Math.floor(REQUESTS / 2)} streamed), ${RUNS} run(s), median req/s:\n`);
  for (const [name, xs] of rows) process.stdout.write(`  ${name.padEnd(34)} ${median(xs).toFixed(0).padStart(7)} req/s  (${(median(xs) / bare).toFixed(2)}x the bare loop)\n`);
  process.stdout.write(`  ${'wrk (2 threads, 10 s)'.padEnd(34)} ${wrkRate === undefined ? '    not installed (apt-get install wrk)' : `${wrkRate.toFixed(0).padStart(7)} req/s`}\n`);
  process.stdout.write(`Target: perf --no-stream >= 0.5x the bare loop: ${median(rows[1][1]) >= 0.5 * bare ? 'met' : 'NOT met'}.\n`);
} finally {
  await mock.stop();
}
