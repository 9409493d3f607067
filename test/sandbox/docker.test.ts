// The Docker sandbox, where a Docker engine runs (skipped with the reason elsewhere; nothing else needs Docker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerEngineAvailable } from '../../src/sandbox/docker.ts';
import { createRunSandbox } from '../../src/sandbox/create-sandbox.ts';

const engine = await dockerEngineAvailable().catch((err: Error) => ({ ok: false, reason: err.message }));
const skip = engine.ok ? false : `no Docker engine answers here (${engine.reason})`;

test('docker sandbox: runs a program with its files and stdin, without network, and kills it at the time limit', { skip, timeout: 300_000 }, async () => {
  const sandbox = createRunSandbox({ sandbox_type: 'docker', sandbox_image: 'python:3.11-slim', sandbox_python: 'python3', sandbox_memory_mb: 512, sandbox_timeout: 30, judge_worker_num: 2, max_retries: 1, max_retrying_delay: 1 });
  await sandbox.check();
  const echo = await sandbox.executor.execute({ files: { 'main.py': 'import sys\nprint(sys.stdin.read()[::-1])\n' }, command: ['python3', 'main.py'], stdin: 'abc', timeoutMs: 60_000, memoryMb: 512 });
  assert.equal(echo.stdout, 'cba\n');
  const net = await sandbox.executor.execute({ files: { 'main.py': 'import socket\nsocket.create_connection(("1.1.1.1", 53), timeout=3)\n' }, command: ['python3', 'main.py'], timeoutMs: 60_000, memoryMb: 512 });
  assert.notEqual(net.exitCode, 0);
  const loop = await sandbox.executor.execute({ files: { 'main.py': 'while True: pass\n' }, command: ['python3', 'main.py'], timeoutMs: 3_000, memoryMb: 512 });
  assert.equal(loop.timedOut, true);
});

test('docker sandbox without an engine is one clear error before any request', { skip: engine.ok ? 'a Docker engine runs here' : false }, async () => {
  const sandbox = createRunSandbox({ sandbox_type: 'docker', sandbox_image: 'python:3.11-slim', sandbox_python: 'python3', sandbox_memory_mb: 512, sandbox_timeout: 30, judge_worker_num: 2, max_retries: 1, max_retrying_delay: 1 });
  await assert.rejects(sandbox.check(), /--sandbox_type docker: no Docker engine answers .*Start Docker, or use --sandbox_type bwrap or --sandbox_url/s);
});
