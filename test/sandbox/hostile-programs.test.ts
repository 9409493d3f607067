// Hostile programs, each submitted as a model's answer would be, in the local bwrap sandbox and through a real
// sandbox server process: each must be contained, and nothing it started may outlive it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRunSandbox, type RunSandbox } from '../../src/sandbox/create-sandbox.ts';
import { tempDir, waitFor } from '../support/cli.ts';
import { bwrapSkipReason, processesWithMarker, startSandboxServerProcess, type SandboxServerProcess } from '../support/sandbox.ts';
import { createHostileWorld, HOSTILE_CASES, type HostileWorld } from '../support/hostile-programs.ts';

const skip = bwrapSkipReason();
const SETTINGS = {
  sandbox_type: 'bwrap' as const,
  sandbox_image: 'python:3.11-slim',
  sandbox_python: 'python3',
  sandbox_memory_mb: 1024,
  sandbox_timeout: 30,
  judge_worker_num: 2,
  max_retries: 3,
  max_retrying_delay: 1,
};

let world: HostileWorld;
let server: SandboxServerProcess | undefined;
const sandboxes: Record<string, RunSandbox> = {};

before(async () => {
  if (skip) return;
  world = await createHostileWorld(path.join(tempDir(), 'host'));
  process.env.OPENAI_API_KEY = world.apiKey; // the evaluator's own environment holds the key
  sandboxes.local = createRunSandbox(SETTINGS);
  server = await startSandboxServerProcess(['--max_concurrency', '2'], { OPENAI_API_KEY: world.apiKey });
  sandboxes.remote = createRunSandbox({ ...SETTINGS, sandbox_url: server.url });
  await Promise.all(Object.values(sandboxes).map((s) => s.check()));
});

after(async () => {
  for (const s of Object.values(sandboxes)) s.close();
  await server?.stop();
  await world?.close();
});

for (const where of ['local', 'remote'] as const) {
  for (const hostile of HOSTILE_CASES) {
    test(`${where} sandbox: ${hostile.name}`, { skip }, async () => {
      const started = performance.now();
      const result = await sandboxes[where].executor.execute({ files: { 'main.py': hostile.program(world) }, command: ['python3', 'main.py'], timeoutMs: hostile.timeoutMs, memoryMb: 1024 });
      const problem = hostile.assertContained(world, result);
      assert.equal(problem, undefined, `${problem}\nexit ${result.exitCode}, stdout ${result.stdout.slice(0, 300)}, stderr ${result.stderr.slice(-300)}`);
      assert.notEqual(result.exitCode, 0, 'the program reports that its attack failed');
      assert.ok(performance.now() - started < hostile.timeoutMs + 10_000, 'ended near its time limit');
      await waitFor(() => processesWithMarker(world.marker).length === 0, 5_000, `no process left: ${processesWithMarker(world.marker).join('; ')}`);
      assert.equal(world.connections(), 0, 'no connection reached the host listener');
    });
  }
  test(`${where} sandbox still runs ordinary programs after the hostile ones`, { skip }, async () => {
    const result = await sandboxes[where].executor.execute({ files: { 'main.py': 'import sys\nprint(sum(map(int, sys.stdin.read().split())))\n' }, command: ['python3', 'main.py'], stdin: '1 2 3', timeoutMs: 10_000, memoryMb: 1024 });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.stdout, '6\n');
  });
}
