#!/usr/bin/env -S npx tsx
// npm run bench:sandbox: the 164 canonical HumanEval solutions with their tests, 2 workers, run (1) as bare
// subprocesses of the same Python and (2) in the bwrap sandbox, (3) through a sandbox server on loopback, and
// (4) through the same server in ms-enclave's protocol. Prints executions/s and the overheads. Targets:
// 164/164 pass; sandboxed time <= 2x bare; ms-enclave's protocol <= 1.5x ours. Then LiveCodeBench-shaped
// problems (one program per test, stdin and functional) scored in bwrap and through ms-enclave's protocol.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { humanEval, humanEvalProgram } from '../bootcamps/code/humaneval.ts';
import { createRunSandbox, runtimeForBwrap } from '../src/sandbox/create-sandbox.ts';
import { startSandboxServer } from '../src/cli/sandbox-server-main.ts';
import { EnclaveSandbox } from '../src/sandbox/enclave-client.ts';
import { liveCodeBench } from '../bootcamps/code/live-code-bench.ts';
import { sciCode, type SciCodeTruth } from '../bootcamps/code/scicode.ts';
import { sciCodeBenchmarks } from '../benchmarks/scicode.ts';
import { runProcess } from '../src/sandbox/run-process.ts';
import type { ExecuteResult, SandboxExecutor } from '../bootcamps/types.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const WORKERS = 2;
const file = process.argv[2] ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'humaneval', 'HumanEval.jsonl');
const problems = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const programs = problems.map((p) => humanEvalProgram('```python\n' + p.prompt + p.canonical_solution + '```', humanEval.groundTruth.parse(p)));
const log = (line: string) => process.stderr.write(line + '\n');
const runtime = runtimeForBwrap('python3', log);

async function timed(name: string, run: (program: string) => Promise<ExecuteResult>) {
  const queue = new PQueue({ concurrency: WORKERS });
  const t0 = performance.now();
  const results = await Promise.all(programs.map((program) => queue.add(() => run(program)) as Promise<ExecuteResult>));
  const seconds = (performance.now() - t0) / 1000;
  const passed = results.filter((r) => r.exitCode === 0 && !r.timedOut).length;
  const ms = results.map((r) => r.durationMs).sort((a, b) => a - b);
  return { name, seconds, passed, perSecond: programs.length / seconds, p50: ms[Math.floor(ms.length / 2)], p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] };
}

const bare = await timed(`bare subprocess (${runtime.executable})`, async (program) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bce-bare-'));
  try {
    writeFileSync(path.join(dir, 'main.py'), program);
    return await runProcess({ file: runtime.executable, args: ['main.py'], cwd: dir, env: { PATH: '/usr/bin:/bin' }, timeoutMs: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const settings = { sandbox_type: 'bwrap' as const, sandbox_image: 'x', sandbox_python: 'python3', sandbox_memory_mb: 1024, sandbox_timeout: 30, judge_worker_num: WORKERS, max_retries: 16, max_retrying_delay: 1 };
const local = createRunSandbox(settings, log);
await local.check();
const sandboxed = await timed('bwrap sandbox', (program) => local.executor.execute({ files: { 'main.py': program }, command: ['python3', 'main.py'], timeoutMs: 30_000, memoryMb: 1024 }));

const { server, url } = await startSandboxServer({ host: '127.0.0.1', port: 0, sandboxType: 'bwrap', python: 'python3', image: 'x', maxConcurrency: WORKERS, maxQueue: 64, maxBodyBytes: 16 << 20, maxMemoryMb: 2048 }, log);
const remote = createRunSandbox({ ...settings, sandbox_url: url }, log);
await remote.check();
const remoteRun = await timed('sandbox server (loopback)', (program) => remote.executor.execute({ files: { 'main.py': program }, command: ['python3', 'main.py'], timeoutMs: 30_000, memoryMb: 1024 }));
// The same server through ms-enclave's protocol (what EvalScope's sandbox_manager_config base_url speaks).
const enclave = new EnclaveSandbox({ baseUrl: url, sandboxes: WORKERS, memoryMb: 1024, image: 'python:3.11-slim', maxAttempts: 16, maxRetryingDelaySec: 1, log });
await enclave.start();
const enclaveRun = await timed('ms-enclave protocol (loopback)', (program) => enclave.execute({ files: { 'main.py': program }, command: ['python3', 'main.py'], timeoutMs: 30_000, memoryMb: 1024 }));

// LiveCodeBench-shaped problems: 20 stdin and 20 functional (class Solution), 5 tests each, one program per test.
const lcb = Array.from({ length: 40 }, (_, i) => {
  const tests = Array.from({ length: 5 }, (_, t) => [3 + t, 1 + i, 7 - t, 2 * t]);
  if (i % 2 === 0) {
    return {
      output: '```python\nnums = list(map(int, input().split()))\nprint(" ".join(map(str, sorted(nums))))\n```',
      gt: { inputs: tests.map((n) => `${n.join(' ')}\n`), outputs: tests.map((n) => `${[...n].sort((a, b) => a - b).join(' ')}\n`), fn_name: null, timeout_s: 6 },
    };
  }
  return {
    output: '```python\nclass Solution:\n    def total(self, nums, k):\n        return sum(nums) * k\n```',
    gt: { inputs: tests.map((n) => `${JSON.stringify(n)}\n${i}`), outputs: tests.map((n) => String(n.reduce((a, b) => a + b, 0) * i)), fn_name: 'total', timeout_s: 6 },
  };
});
async function lcbRow(name: string, executor: SandboxExecutor) {
  const queue = new PQueue({ concurrency: WORKERS });
  const t0 = performance.now();
  const scores = await Promise.all(lcb.map((p) => queue.add(() => liveCodeBench.score!(p.output, p.gt, { sandbox: executor, sandboxLimits: { timeoutMs: 30_000, memoryMb: 1024 } })) as Promise<{ score: number }>));
  const seconds = (performance.now() - t0) / 1000;
  return { name, passed: scores.filter((x) => x.score === 1).length, seconds, programsPerSecond: (lcb.length * 5) / seconds };
}
const lcbRows = [await lcbRow('LiveCodeBench in bwrap', local.executor), await lcbRow('LiveCodeBench via our protocol (loopback)', remote.executor), await lcbRow('LiveCodeBench via ms-enclave (loopback)', enclave)];
await remote.close();

// The SciCode dev set: its 50 steps, each answered with its ground-truth code after the earlier ones, scored in bwrap.
const devFile = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'scicode', 'problems_dev.jsonl');
let sciRow: { steps: number; passed: number; seconds: number } | undefined;
if (existsSync(devFile)) {
  const steps = readFileSync(devFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).flatMap((row) => {
    const items = sciCodeBenchmarks[0].expandRow!(row, { subset: 'dev', fewShot: [], template: '', fewShotTemplate: '', side: {}, options: {} });
    const answers = row.sub_steps.map((s: { ground_truth_code: string }) => '```python\n' + s.ground_truth_code + '\n```');
    return items.map((item, k) => ({ output: answers[k], gt: sciCode.chain!.withEarlier(item.ground_truth as SciCodeTruth, answers.slice(0, k)) }));
  });
  const queue = new PQueue({ concurrency: WORKERS });
  const t0 = performance.now();
  const scores = await Promise.all(steps.map((s) => queue.add(() => sciCode.verify(s.output, s.gt, { sandbox: local.executor, sandboxLimits: { timeoutMs: 1_800_000, memoryMb: 4096 } })) as Promise<number>));
  sciRow = { steps: steps.length, passed: scores.filter((x) => x === 1).length, seconds: (performance.now() - t0) / 1000 };
}
await enclave.close();
server.close();

const rows = [bare, sandboxed, remoteRun, enclaveRun];
console.log(`${programs.length} HumanEval canonical solutions, ${WORKERS} workers, ${os.availableParallelism()} CPUs`);
console.log(['how', 'passed', 'seconds', 'exec/s', 'p50 ms', 'p99 ms', 'vs bare'].join('\t'));
for (const r of rows) {
  console.log([r.name, `${r.passed}/${programs.length}`, r.seconds.toFixed(2), r.perSecond.toFixed(1), r.p50.toFixed(0), r.p99.toFixed(0), `${(r.seconds / bare.seconds).toFixed(2)}x`].join('\t'));
}
console.log('');
console.log(`${lcb.length} LiveCodeBench-shaped problems (half stdin, half functional), 5 tests each`);
console.log(['how', 'passed', 'seconds', 'programs/s'].join('\t'));
for (const r of lcbRows) console.log([r.name, `${r.passed}/${lcb.length}`, r.seconds.toFixed(2), r.programsPerSecond.toFixed(1)].join('\t'));
const lcbRatio = lcbRows[2].seconds / lcbRows[1].seconds;
console.log(`LiveCodeBench via ms-enclave vs via our protocol, the same server: ${lcbRatio.toFixed(2)}x (target <= 1.5x)`);
if (sciRow) console.log(`\nSciCode dev set in bwrap: ${sciRow.passed}/${sciRow.steps} steps pass in ${sciRow.seconds.toFixed(1)} s (${(sciRow.steps / sciRow.seconds).toFixed(2)} steps/s; each runs the ground-truth code for its targets, then the tests)`);
const enclaveRatio = enclaveRun.seconds / remoteRun.seconds;
console.log(`ms-enclave protocol vs ours through the same server: ${enclaveRatio.toFixed(2)}x (target <= 1.5x)`);
const ok = (!sciRow || sciRow.passed === sciRow.steps) && lcbRows.every((r) => r.passed === lcb.length) && sandboxed.passed === programs.length && remoteRun.passed === programs.length && enclaveRun.passed === programs.length && sandboxed.seconds <= 2 * bare.seconds && enclaveRatio <= 1.5 && lcbRatio <= 1.5;
console.log(`targets (164/164 pass everywhere, sandboxed <= 2x bare, ms-enclave <= 1.5x ours): ${ok ? 'met' : 'MISSED'}`);
