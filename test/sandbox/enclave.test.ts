// ms-enclave's sandbox protocol, both ways. Our sandbox server as an EvalScope user meets it: a client of our
// own in Python's standard library, making the requests ms-enclave's HTTP manager makes, against the real
// server process (create, tools, timeout, file_operation, pool, delete, X-API-Key, limits that never loosen).
// Our client as it meets ms-enclave: run_eval scoring HumanEval through a stand-in ms-enclave server process
// (test/support/fake-enclave.ts), through its pool, without one, and interrupted; every sandbox deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { spawn } from 'node:child_process';
import { bwrapSkipReason, startSandboxServerProcess } from '../support/sandbox.ts';
import { collect, readJsonl, runScript, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';
import { TSX_IMPORT } from '../../src/mock/mock-process.ts';
import { PROJECT_ROOT } from '../../src/version.ts';
import { serverProtocol } from '../../src/sandbox/create-sandbox.ts';
import { executionProgram, resultFromTool } from '../../src/sandbox/enclave-protocol.ts';

const bwrapSkip = bwrapSkipReason();
const HUMANEVAL = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'humaneval', 'HumanEval.jsonl');
const heSkip = !existsSync(HUMANEVAL) && 'needs ../shared/data/humaneval';
const KEY = 'enclave-key-never-on-disk-7';

test('our sandbox server speaks ms-enclave to a stdlib Python client as its HTTP manager does; no network, memory capped, nothing left', { skip: bwrapSkip }, async () => {
  const server = await startSandboxServerProcess(['--max_concurrency', '2', '--token', KEY, '--max_memory_mb', '1024']);
  try {
    const out = execFileSync('python3', [path.join(PROJECT_ROOT, 'test/fixtures/enclave/enclave_client.py'), server.url, KEY], { encoding: 'utf8', timeout: 120_000 });
    const seen = JSON.parse(out);
    assert.equal(seen.unauthorized, 401);
    assert.deepEqual(seen.health, { status: 200, healthy: true, has_version: true });
    assert.equal(seen.create, 200);
    // EvalScope asked for network and 4g: it gets neither.
    assert.deepEqual(seen.info, { status: 200, state: 'running', network_enabled: false, memory_limit: '1024m', tools: ['file_operation', 'multi_code_executor', 'python_executor', 'shell_executor'] });
    assert.deepEqual(seen.tools, seen.info.tools);
    assert.equal(seen.python.status, 'success');
    assert.equal(seen.python.output, '42\n');
    assert.equal(seen.python.tool_name, 'python_executor');
    assert.equal(seen.python_error.status, 'error');
    assert.match(seen.python_error.error, /boom/);
    assert.equal(seen.python_timeout.status, 'timeout');
    assert.match(seen.network.output, /^no network/);
    assert.equal(seen.memory.output, 'MemoryError\n');
    assert.deepEqual([seen.shell.status, seen.shell.output, seen.shell.error], ['error', 'hi\n', 'Command failed with exit code 4']);
    assert.equal(seen.write.status, 'success');
    assert.equal(seen.read_back.output, 'from a file\n', 'file_operation writes reach the next execution');
    assert.equal(seen.read.output, 'from a file');
    assert.equal(seen.multi_bash.output, 'from bash\n');
    assert.match(seen.multi_cpp.error, /Unsupported language: cpp/);
    assert.deepEqual(seen.extra_parameter, { status: 500, detail: "PythonExecutor.execute() got an unexpected keyword argument 'stdin'" });
    assert.equal(seen.unknown_sandbox, 404);
    assert.deepEqual(seen.pool, { status: 200, pool_size: 2 });
    assert.equal(seen.pool_execute.output, 'pooled\n');
    assert.equal(seen.listed, 3);
    assert.equal(seen.stop, 200);
    assert.equal(seen.delete_again, 404);
    assert.equal(seen.left, 0);
    assert.equal(seen.stats, 0);
    // Our own protocol still works beside it, and its health says which is which.
    const health = (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
    assert.equal(serverProtocol(health), 'ours');
  } finally {
    await server.stop();
  }
});

interface Fake {
  url: string;
  log: string;
  stop(): Promise<void>;
}

async function startFake(extra: string[]): Promise<Fake> {
  const log = path.join(tempDir(), 'enclave.log');
  const child = spawn(process.execPath, [...TSX_IMPORT, path.join(PROJECT_ROOT, 'test/support/fake-enclave.ts'), '--port', '0', '--log', log, '--api-key', KEY, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake ms-enclave exited ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.replace(/^listening /, '')));
  });
  return { url, log, stop: async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } } };
}

async function humanEval(limit: number) {
  const dir = tempDir();
  const lines = path.join(dir, 'humaneval.jsonl');
  const solutions = path.join(dir, 'solutions.jsonl');
  const imported = await runScript('import_humaneval.ts', [HUMANEVAL, '-o', lines, '--solutions', solutions]);
  assert.equal(imported.code, 0, imported.stderr);
  return { lines, solutions, limit: String(limit) };
}

type Logged = { method: string; path: string; query: Record<string, string>; api_key: string | null; body?: Record<string, unknown> };

function checkLog(log: string): { requests: Logged[]; deleted: string[] } {
  const requests = readJsonl<Logged>(log);
  assert.ok(requests.length > 0);
  assert.ok(requests.every((r) => r.api_key === KEY), 'X-API-Key on every request');
  for (const r of requests.filter((q) => q.path === '/sandbox/create' || q.path === '/pool/initialize')) {
    assert.equal(r.query.sandbox_type, 'docker');
    assert.deepEqual(Object.keys(r.body ?? {}).sort(), ['cpu_limit', 'image', 'memory_limit', 'network_enabled', 'tools_config'], 'only DockerSandboxConfig fields');
    assert.equal(r.body!.network_enabled, false);
    assert.equal(r.body!.memory_limit, '1024m');
  }
  for (const r of requests.filter((q) => q.path === '/sandbox/tool/execute' || q.path === '/pool/execute')) {
    const parameters = (r.path === '/pool/execute' ? r.body : (r.body as { parameters: Record<string, unknown> }).parameters) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parameters).sort(), ['code', 'timeout'], 'the timeout inside parameters, nothing else');
  }
  const deleted = requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop()!);
  return { requests, deleted };
}

for (const pool of ['ok', 'fails', 'absent'] as const) {
  test(`run_eval scores HumanEval through an ms-enclave server (pool ${pool}): the canonical solutions pass, every sandbox is deleted, the key is written nowhere`, { skip: heSkip }, async () => {
    const { lines, solutions, limit } = await humanEval(8);
    const fake = await startFake(['--pool', pool]);
    const mock = await startMockProcess(['--model', 'm', '--solutions', solutions]);
    try {
      const out = path.join(tempDir(), 'run');
      const r = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', lines, '--limit', limit, '--output_dir', out, '--use_sandbox', '--judge_worker_num', '3', '--sandbox_manager_config', JSON.stringify({ base_url: fake.url, api_key: KEY })]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /ms-enclave's protocol/);
      const rows = readJsonl(path.join(out, 'details', 'humaneval.jsonl'));
      assert.deepEqual(rows.map((row) => row.score), Array(8).fill(1));
      const { requests, deleted } = checkLog(fake.log);
      const executes = requests.filter((q) => q.path === (pool === 'ok' ? '/pool/execute' : '/sandbox/tool/execute'));
      assert.equal(executes.length, 8 + 1, 'one per item, and the start-up check');
      const made = pool === 'ok' ? 3 : requests.filter((q) => q.path === '/sandbox/create').length;
      assert.ok(made >= 1 && made <= 3, `${made} sandboxes for 3 workers`);
      assert.equal(deleted.length, made, 'every sandbox made is deleted at the end');
      const left = (await (await fetch(`${fake.url}/sandboxes`, { headers: { 'x-api-key': KEY } })).json()) as unknown[];
      assert.deepEqual(left, []);
      for (const file of execFileSync('find', [out, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')) assert.ok(!readFileSync(file, 'utf8').includes(KEY), `${file} holds no key`);
    } finally {
      await mock.stop();
      await fake.stop();
    }
  });
}

test('a sandbox the server lost (404) is made again and the execution goes on there', { skip: heSkip }, async () => {
  const { lines, solutions } = await humanEval(6);
  const fake = await startFake(['--pool', 'absent', '--forget-after', '3']);
  const mock = await startMockProcess(['--model', 'm', '--solutions', solutions]);
  try {
    const out = path.join(tempDir(), 'run');
    const r = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', lines, '--limit', '6', '--output_dir', out, '--use_sandbox', '--judge_worker_num', '1', '--sandbox_manager_config', JSON.stringify({ base_url: fake.url, api_key: KEY })]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /is gone \(404\); making another/);
    assert.deepEqual(readJsonl(path.join(out, 'details', 'humaneval.jsonl')).map((row) => row.score), Array(6).fill(1));
    const { requests } = checkLog(fake.log);
    assert.equal(requests.filter((q) => q.path === '/sandbox/create').length, 2, 'one at the start, one after the loss');
  } finally {
    await mock.stop();
    await fake.stop();
  }
});

test('Ctrl-C during a run on an ms-enclave server still deletes its sandboxes', { skip: heSkip }, async () => {
  const { lines, solutions } = await humanEval(20);
  const fake = await startFake(['--pool', 'fails', '--slow-ms', '1500']);
  const mock = await startMockProcess(['--model', 'm', '--solutions', solutions]);
  try {
    const out = path.join(tempDir(), 'run');
    const child = spawnScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', lines, '--limit', '20', '--output_dir', out, '--use_sandbox', '--judge_worker_num', '2', '--sandbox_manager_config', JSON.stringify({ base_url: fake.url, api_key: KEY })]);
    const done = collect(child);
    await waitFor(() => existsSync(fake.log) && readJsonl<Logged>(fake.log).filter((q) => q.path === '/sandbox/tool/execute').length >= 2, 60_000, 'executions to start');
    child.kill('SIGINT');
    const r = await done;
    assert.notEqual(r.code, 0);
    const { requests, deleted } = checkLog(fake.log);
    const made = requests.filter((q) => q.path === '/sandbox/create').length;
    assert.ok(made >= 1);
    assert.equal(deleted.length, made, r.stderr);
  } finally {
    await mock.stop();
    await fake.stop();
  }
});

test('the program sent through python_executor carries files, argv and stdin as data, and its exit code comes back', () => {
  const program = executionProgram({ files: { 'a/b.py': 'print("x")  # quotes """ \'\'\' and a backslash \\ stay text\n', 'in.txt': 'é' }, command: ['python3', 'a/b.py'], stdin: 'line\n', timeoutMs: 5000, memoryMb: 256 });
  const out = execFileSync('python3', ['-c', program], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(out, 'x\n');
  const failing = executionProgram({ files: { 'm.py': 'import sys\nsys.stdout.write(sys.stdin.read())\nsys.stderr.write("err")\nsys.exit(7)\n' }, command: ['python3', 'm.py'], stdin: 'echo me', timeoutMs: 5000, memoryMb: 256 });
  // The program itself exits 0: the command's exit code travels on its last stderr line.
  const ran = spawnSync('python3', ['-c', failing], { encoding: 'utf8' });
  assert.equal(ran.status, 0);
  const { stdout, stderr } = ran;
  const result = resultFromTool({ tool_name: 'python_executor', status: 'success', output: stdout, error: stderr }, 5);
  assert.deepEqual({ ...result, durationMs: 0 }, { exitCode: 7, stdout: 'echo me', stderr: 'err', timedOut: false, durationMs: 0 });
  // Not Python: run as a subprocess, its exit code reported the same way.
  const shell = spawnSync('python3', ['-c', executionProgram({ files: { 's.sh': 'read x; echo "got $x"; exit 5\n' }, command: ['bash', 's.sh'], stdin: 'it\n', timeoutMs: 5000, memoryMb: 256 })], { encoding: 'utf8' });
  assert.deepEqual({ ...resultFromTool({ tool_name: 'python_executor', status: 'success', output: shell.stdout, error: shell.stderr }, 0), durationMs: 0 }, { exitCode: 5, stdout: 'got it\n', stderr: '', timedOut: false, durationMs: 0 });
  // An uncaught exception: its traceback on stderr, exit code 1.
  const raising = spawnSync('python3', ['-c', executionProgram({ files: { 'r.py': 'raise ValueError("nope")\n' }, command: ['python3', 'r.py'], timeoutMs: 5000, memoryMb: 256 })], { encoding: 'utf8' });
  const raised = resultFromTool({ tool_name: 'python_executor', status: 'success', output: raising.stdout, error: raising.stderr }, 0);
  assert.equal(raised.exitCode, 1);
  assert.match(raised.stderr, /ValueError: nope/);
  const timeout = resultFromTool({ tool_name: 'python_executor', status: 'success', output: '', error: '\n__bootcamp_eval_exit__=timeout\n' }, 5);
  assert.equal(timeout.timedOut, true);
  const refused = resultFromTool({ tool_name: 'python_executor', status: 'error', output: '', error: 'No code provided' }, 5);
  assert.deepEqual([refused.exitCode, refused.stderr], [1, 'No code provided']);
});
