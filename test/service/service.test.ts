// The HTTP service as a client meets it: a real server process over HTTP, jobs run in child processes against
// the mock model server. Health, the token, limits and path confinement; a job through our API followed with
// server-sent events, its files; EvalScope's blocking POST /api/v1/eval; cancel; kill -9 of the server mid-job
// and a restart that resumes it (every item once); a key given inline never written, and such a job waiting
// as interrupted after a restart until resumed with its key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { readJsonl, SAMPLE_DIR, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';

interface Server {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(root: string, extra: string[] = []): Promise<Server> {
  const child = spawnScript('serve.ts', ['--port', '0', '--output_root', path.join(root, 'out'), '--data_root', path.join(root, 'data'), '--token', 'tok', ...extra]);
  const origin = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const m = /^listening (http:\/\/\S+)$/.exec(line);
      if (m) resolve(m[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  return {
    origin,
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** Processes whose command line names `root` (a job child of a server under it). */
function processesUnder(root: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(root) && !cmd.includes('serve.ts')) found.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const auth = { authorization: 'Bearer tok', 'content-type': 'application/json' };
async function call(server: Server, method: string, route: string, body?: unknown, headers: Record<string, string> = auth) {
  const res = await fetch(`${server.origin}${route}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: res.status, json, headers: res.headers };
}

function rootWithData(): string {
  const root = tempDir('svc-');
  mkdirSync(path.join(root, 'data'), { recursive: true });
  copyFileSync(path.join(SAMPLE_DIR, 'game24.jsonl'), path.join(root, 'data', 'game24.jsonl'));
  return root;
}

const taskConfig = (mockBase: string, extra: Record<string, unknown> = {}) => ({ model: 'm', api_url: `${mockBase}/chat/completions`, datasets: ['game24.jsonl'], limit: 6, ...extra });

test('health needs no token, everything else does; limits, unknown routes and confined paths are JSON errors naming the field', async () => {
  const root = rootWithData();
  const server = await startServer(root);
  try {
    const health = await call(server, 'GET', '/health', undefined, {});
    assert.equal(health.status, 200);
    assert.equal(health.json.status, 'ok');
    assert.equal((await call(server, 'GET', '/api/v1/jobs', undefined, {})).status, 401);
    assert.equal((await call(server, 'GET', '/api/v1/jobs', undefined, { authorization: 'Bearer nope' })).status, 401);
    assert.equal((await call(server, 'GET', '/api/v1/nothing')).status, 404);
    symlinkSync('/etc', path.join(root, 'data', 'escape'));
    const bad: [Record<string, unknown>, string][] = [
      [{ model: 'm', datasets: ['../../etc/passwd'] }, 'datasets[0]'],
      [{ model: 'm', datasets: ['escape/passwd'] }, 'datasets[0]'],
      [{ model: 'm', dataset_dir: '/etc' }, 'dataset_dir'],
      [{ model: 'm', datasets: ['game24.jsonl'], work_dir: '../../x' }, 'work_dir'],
      [{ model: 'm', datasets: ['game24.jsonl'], test_dir: 'a\u0000b' }, 'test_dir'],
      [{ model: 'm', datasets: ['game24.jsonl'], use_cache: '/tmp/x' }, 'use_cache'],
      [{ model: 'm', datasets: ['mmlu'], dataset_args: { mmlu: { local_path: '/etc' } } }, 'dataset_args.mmlu.local_path'],
      [{ model: 'm', datasets: ['game24.jsonl'], cache_dir: '/tmp' }, 'cache_dir'],
      [{ model: 'm', datasets: ['game24.jsonl'], python: '/bin/sh' }, 'python'],
      [{ model: 'm', datasets: ['game24.jsonl'], bootcamp_pythonpath: '/tmp' }, 'bootcamp_pythonpath'],
      [{ model: 'm', datasets: ['game24.jsonl'], judge_model_args: { model_id: 'j', api_url: 'http://127.0.0.1:1/v1', api_key: 'sk-judge' } }, 'judge_model_args.api_key'],
      [{ model: 'm', datasets: ['game24.jsonl'], judge: { models: [{ model_id: 'j', api_url: 'http://127.0.0.1:1/v1', api_key: 'sk-judge' }] } }, 'judge.models.api_key'],
      [{ model: 'm', datasets: ['game24.jsonl'], judge_template: '/etc/passwd' }, 'judge_template'],
    ];
    for (const [body, field] of bad) {
      const r = await call(server, 'POST', '/api/v1/jobs', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json.field, field, JSON.stringify(r.json));
    }
    const unknownKey = await call(server, 'POST', '/api/v1/jobs', { model: 'm', datasets: ['game24.jsonl'], limt: 3 });
    assert.equal(unknownKey.status, 400);
    assert.match(String(unknownKey.json.error), /limt/);
    assert.equal((await call(server, 'POST', '/api/v1/jobs', '{not json')).status, 400);
    const huge = await call(server, 'POST', '/api/v1/jobs', JSON.stringify({ model: 'm', pad: 'x'.repeat(50 * 1024 * 1024) }));
    assert.equal(huge.status, 413);
    assert.equal((await call(server, 'GET', '/api/v1/jobs?state=bogus')).json.field, 'state');
  } finally {
    await server.stop();
  }
});

test('a job through our API: 202, server-sent events to the end, scores and run files; EvalScope\'s blocking POST /api/v1/eval; cancel', async () => {
  const root = rootWithData();
  const mock = await startMockProcess(['--model', 'm']);
  const server = await startServer(root);
  try {
    const submitted = await call(server, 'POST', '/api/v1/jobs', taskConfig(mock.baseUrl));
    assert.equal(submitted.status, 202, JSON.stringify(submitted.json));
    const id = String(submitted.json.id);
    const events = await (await fetch(`${server.origin}/api/v1/jobs/${id}/events`, { headers: auth })).text();
    assert.match(events, /event: state\ndata: \{"id":"[^"]+","state":"(queued|running)"/);
    assert.match(events, /event: end\ndata: \{.*"state":"succeeded"/);
    const job = await call(server, 'GET', `/api/v1/jobs/${id}`);
    assert.equal(job.json.state, 'succeeded');
    assert.equal((job.json.scores as { n: number }[])[0].n, 6);
    const meta = await fetch(`${server.origin}/api/v1/jobs/${id}/files/meta.jsonl`, { headers: auth });
    assert.equal(meta.status, 200);
    assert.match(await meta.text(), /"file":"game24.jsonl"/);
    assert.equal((await call(server, 'GET', `/api/v1/jobs/${id}/files/..%2F..%2Fservice-jobs.db`)).status, 400);
    assert.equal((await call(server, 'GET', '/api/v1/jobs?state=succeeded')).json.jobs instanceof Array, true);

    const blocking = await call(server, 'POST', '/api/v1/eval', taskConfig(mock.baseUrl, { limit: 3 }));
    assert.equal(blocking.status, 200, JSON.stringify(blocking.json));
    assert.equal(blocking.json.status, 'completed');
    assert.ok(existsSync(String(blocking.json.output_dir)));
    // A job whose model server is down fails with its error, while another job runs to the end beside it.
    const [down, fine] = await Promise.all([
      call(server, 'POST', '/api/v1/eval', taskConfig('http://127.0.0.1:9/v1', { limit: 2, check_interval: 0.1, check_max_attempts: 2 })),
      call(server, 'POST', '/api/v1/eval', taskConfig(mock.baseUrl, { limit: 3 })),
    ]);
    assert.equal(down.status, 500, JSON.stringify(down.json));
    assert.equal(down.json.status, 'error');
    assert.match(String(down.json.error), /127\.0\.0\.1:9/);
    assert.equal(fine.json.status, 'completed');

    // Cancel: a slow model, the job stopped as on Ctrl-C.
    const slow = await startMockProcess(['--model', 'm', '--latency-ms', '2000']);
    try {
      const long = await call(server, 'POST', '/api/v1/jobs', taskConfig(slow.baseUrl, { limit: 6 }));
      const longId = String(long.json.id);
      await waitFor(async () => (await call(server, 'GET', `/api/v1/jobs/${longId}`)).json.state === 'running', 20_000, 'the job to run');
      assert.equal((await call(server, 'DELETE', `/api/v1/jobs/${longId}`)).status, 202);
      await waitFor(async () => (await call(server, 'GET', `/api/v1/jobs/${longId}`)).json.state === 'cancelled', 30_000, 'the job to stop');
      assert.equal((await call(server, 'DELETE', `/api/v1/jobs/${longId}`)).status, 409);
    } finally {
      await slow.stop();
    }
  } finally {
    await server.stop();
    await mock.stop();
  }
});

test("EvalScope's current generation: invoke with EvalScope-Task-Id, progress, log, report, stop, resume/invoke; perf invoke and its report; params from the flag table", async () => {
  const root = rootWithData();
  const mock = await startMockProcess(['--model', 'm', '--ttft-ms', '2', '--reply-tokens', '6']);
  const server = await startServer(root);
  const task = (id: string) => ({ ...auth, 'EvalScope-Task-Id': id });
  try {
    assert.equal((await call(server, 'POST', '/api/v1/eval/invoke', taskConfig(mock.baseUrl))).json.field, 'EvalScope-Task-Id');
    assert.equal((await call(server, 'POST', '/api/v1/eval/invoke', taskConfig(mock.baseUrl), task('../escape'))).status, 400);
    const done = await call(server, 'POST', '/api/v1/eval/invoke', taskConfig(mock.baseUrl, { limit: 4 }), task('run-1'));
    assert.equal(done.status, 200, JSON.stringify(done.json));
    assert.deepEqual([done.json.status, done.json.task_id], ['completed', 'run-1']);
    assert.match(String(done.json.table), /\| game24\.jsonl \| 4 \|/);
    assert.equal((await call(server, 'POST', '/api/v1/eval/invoke', taskConfig(mock.baseUrl), task('run-1'))).status, 409, 'a task id is used once');
    assert.equal((await call(server, 'GET', '/api/v1/eval/progress?task_id=run-1')).json.percent, 100);
    const log = await call(server, 'GET', '/api/v1/eval/log?task_id=run-1&start_line=0&page=2');
    assert.deepEqual([log.json.head_line, log.json.tail_line], [0, 2]);
    assert.ok(Number(log.json.total_lines) > 2);
    const report = await fetch(`${server.origin}/api/v1/eval/report?task_id=run-1`, { headers: auth });
    assert.equal(report.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await report.text(), /<td>game24\.jsonl<\/td>/);
    assert.equal((await call(server, 'GET', '/api/v1/eval/progress?task_id=nope')).status, 404);
    const resumed = await call(server, 'POST', '/api/v1/eval/resume/invoke', {}, task('nope'));
    assert.equal(resumed.status, 404);

    const perf = await call(server, 'POST', '/api/v1/perf/invoke', { model: 'm', url: `${mock.baseUrl}/chat/completions`, api: 'openai', parallel: [1, 2], number: [4, 8], stream: true, max_tokens: 16 }, task('perf-1'));
    assert.equal(perf.status, 200, JSON.stringify(perf.json));
    const points = perf.json.result as Record<string, Record<string, number>>;
    assert.deepEqual(Object.keys(points), ['parallel_1_number_4', 'parallel_2_number_8']);
    assert.equal(points.parallel_2_number_8['Success Requests'], 8);
    const perfReport = await fetch(`${server.origin}/api/v1/perf/report?task_id=perf-1`, { headers: auth });
    assert.match(await perfReport.text(), /<svg class="chart"/);
    const badPerf = await call(server, 'POST', '/api/v1/perf', { model: 'm', url: mock.baseUrl, parallel: [1, 2], number: [3] });
    assert.equal(badPerf.status, 400);
    assert.match(String(badPerf.json.error), /--number: 1 values for 2 --parallel values/);

    const params = await call(server, 'GET', '/api/v1/eval/params');
    const names = (params.json.optional as { name: string }[]).map((p) => p.name);
    for (const name of ['datasets', 'limit', 'max_tokens', 'dataset_args', 'generation_config']) assert.ok(names.includes(name), name);
    assert.ok((params.json.optional as { name: string; description: string }[]).every((p) => p.description.length > 0));
    const perfParams = await call(server, 'GET', '/api/v1/perf/params');
    assert.deepEqual((perfParams.json.required as { name: string }[]).map((p) => p.name), ['url', 'model']);
    assert.ok((perfParams.json.optional as { name: string }[]).some((p) => p.name === 'parallel'));
    assert.equal((await call(server, 'GET', '/openapi.json', undefined, {})).status, 401, 'the document needs the token too');
    const doc = (await call(server, 'GET', '/openapi.json')).json as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of ['/api/v1/jobs', '/api/v1/eval/invoke', '/api/v1/perf/invoke', '/api/v1/eval/progress']) assert.ok(doc.paths[route], route);
    assert.ok('limit' in doc.components.schemas.TaskConfig.properties && 'parallel' in doc.components.schemas.PerfArguments.properties);

    // stop: a slow model, stopped through EvalScope's route while /invoke waits.
    const slow = await startMockProcess(['--model', 'm', '--latency-ms', '2000']);
    try {
      const pending = call(server, 'POST', '/api/v1/eval/invoke', taskConfig(slow.baseUrl, { limit: 6 }), task('slow-1'));
      await waitFor(async () => (await call(server, 'GET', '/api/v1/eval/progress?task_id=slow-1')).json.state === 'running', 20_000, 'the task to run');
      assert.deepEqual((await call(server, 'POST', '/api/v1/eval/stop?task_id=slow-1')).json, { status: 'stopped', task_id: 'slow-1' });
      assert.deepEqual((await pending).json, { status: 'stopped', task_id: 'slow-1' });
    } finally {
      await slow.stop();
    }
  } finally {
    await server.stop();
    await mock.stop();
  }
});

test('a full queue is a 429 with Retry-After', async () => {
  const root = rootWithData();
  const slow = await startMockProcess(['--model', 'm', '--latency-ms', '3000']);
  const server = await startServer(root, ['--max_jobs', '1', '--max_queue', '1']);
  try {
    const first = await call(server, 'POST', '/api/v1/jobs', taskConfig(slow.baseUrl, { limit: 2 }));
    await waitFor(async () => (await call(server, 'GET', `/api/v1/jobs/${String(first.json.id)}`)).json.state === 'running', 20_000, 'the first job to run');
    assert.equal((await call(server, 'POST', '/api/v1/jobs', taskConfig(slow.baseUrl, { limit: 2 }))).status, 202, 'one may wait');
    const full = await call(server, 'POST', '/api/v1/jobs', taskConfig(slow.baseUrl, { limit: 2 }));
    assert.equal(full.status, 429);
    assert.equal(full.headers.get('retry-after'), '30');
  } finally {
    await server.stop();
    await slow.stop();
  }
  // Stopping the server stopped its running job, and started none of the queued ones: no child outlives it.
  await waitFor(() => processesUnder(root).length === 0, 15_000, `no job process left: ${processesUnder(root).join('; ')}`);
});

test('kill -9 of the server mid-job: its child stops, and after a restart the job resumes and every item is answered once; an inline key is written nowhere and such a job waits for it', async () => {
  const root = rootWithData();
  const mock = await startMockProcess(['--model', 'm', '--latency-ms', '400', '--api-key', 'sk-inline-secret']);
  let server = await startServer(root);
  try {
    const submitted = await call(server, 'POST', '/api/v1/jobs', taskConfig(mock.baseUrl, { limit: 12, eval_batch_size: 2, api_key: 'sk-inline-secret' }));
    const id = String(submitted.json.id);
    const runDir = String(submitted.json.run_dir);
    await waitFor(() => existsSync(path.join(runDir, 'details')) && readdirSync(path.join(runDir, 'details')).some((f) => statSync(path.join(runDir, 'details', f)).size > 0), 30_000, 'the first answers');
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    // The orphaned child notices its server is gone and stops, releasing the run folder.
    await waitFor(() => !existsSync(path.join(runDir, 'run.lock')), 30_000, 'the child to stop');

    server = await startServer(root);
    const after = await call(server, 'GET', `/api/v1/jobs/${id}`);
    assert.equal(after.json.state, 'interrupted', 'a key given inline is not kept across a restart');
    assert.equal((await call(server, 'POST', `/api/v1/jobs/${id}/resume`, {})).status, 400);
    assert.equal((await call(server, 'POST', `/api/v1/jobs/${id}/resume`, { api_key: 'sk-inline-secret' })).status, 202);
    await waitFor(async () => (await call(server, 'GET', `/api/v1/jobs/${id}`)).json.state === 'succeeded', 60_000, 'the resumed job');
    const rows = readJsonl(path.join(runDir, 'details', 'game24.jsonl'));
    assert.equal(rows.length, 12);
    assert.equal(new Set(rows.map((r) => r.id)).size, 12, 'every item exactly once');
    const asked = (await mock.stats()).chat as number;
    assert.ok(asked <= 12 + 2, `the model was asked ${asked} times for 12 items (at most the 2 in flight at the kill again)`);
    for (const file of readdirSync(root, { recursive: true }) as string[]) {
      const full = path.join(root, file);
      if (statSync(full).isFile()) assert.ok(!readFileSync(full).includes('sk-inline-secret'), `the key is in ${file}`);
    }
  } finally {
    await server.stop();
    await mock.stop();
  }
});

test('a job naming its key by environment variable resumes by itself after kill -9; a non-loopback host without a token is refused', async () => {
  const root = rootWithData();
  const mock = await startMockProcess(['--model', 'm', '--latency-ms', '400', '--api-key', 'sk-env-secret']);
  const env = { MODEL_KEY: 'sk-env-secret' };
  const start = async () => {
    const child = spawnScript('serve.ts', ['--port', '0', '--output_root', path.join(root, 'out'), '--data_root', path.join(root, 'data'), '--token', 'tok'], { env });
    const origin = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.replace('listening ', ''))));
    return { origin, child, stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    } } satisfies Server;
  };
  let server = await start();
  try {
    const id = String((await call(server, 'POST', '/api/v1/jobs', taskConfig(mock.baseUrl, { limit: 10, eval_batch_size: 2, api_key_name: 'MODEL_KEY' }))).json.id);
    const runDir = path.join(root, 'out', 'jobs', id);
    await waitFor(() => existsSync(path.join(runDir, 'details', 'game24.jsonl')) && statSync(path.join(runDir, 'details', 'game24.jsonl')).size > 0, 30_000, 'the first answers');
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    server = await start();
    await waitFor(async () => (await call(server, 'GET', `/api/v1/jobs/${id}`)).json.state === 'succeeded', 60_000, 'the job to resume by itself');
    assert.equal(new Set(readJsonl(path.join(runDir, 'details', 'game24.jsonl')).map((r) => r.id)).size, 10);
  } finally {
    await server.stop();
    await mock.stop();
  }
  const refused = spawnScript('serve.ts', ['--host', '0.0.0.0', '--port', '0', '--output_root', path.join(root, 'o2')]);
  const code = await new Promise((resolve) => refused.once('exit', resolve));
  assert.equal(code, 2);
});

test('a job\'s images must be inside --data_root: an image path (or a link) leading out of it is that line\'s input error, even if the TaskConfig sets image_root', async () => {
  const root = rootWithData();
  const { Canvas } = await import('../../src/samples/png.ts');
  const { writeFileSync } = await import('node:fs');
  const png = new Canvas(4, 4).png();
  const outside = path.join(root, 'secret.png');
  writeFileSync(outside, png);
  writeFileSync(path.join(root, 'data', 'in.png'), png);
  symlinkSync(outside, path.join(root, 'data', 'link.png'));
  const gt = { puzzle: '1 2 3 4', target: 24 };
  const lines = [['in.png'], [outside], ['link.png']].map((images, i) => JSON.stringify({ prompt: `q${i}`, images, data_source: 'Game24', ground_truth: gt }));
  writeFileSync(path.join(root, 'data', 'vlm.jsonl'), lines.join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm']);
  const server = await startServer(root);
  try {
    const done = await call(server, 'POST', '/api/v1/eval', taskConfig(mock.baseUrl, { datasets: ['vlm.jsonl'], limit: 3, image_root: '/' }));
    // The run ends with input errors (exit 3), which the service reports as the job's error.
    assert.equal(done.status, 500, JSON.stringify(done.json));
    assert.match(String(done.json.error), /exited with code 3/);
    const runDir = path.join(root, 'out', 'jobs', String(done.json.task_id));
    const errors = readJsonl<{ line: number; error: string }>(path.join(runDir, 'input_errors.jsonl'));
    assert.deepEqual(errors.map((e) => e.line), [2, 3]);
    assert.ok(errors.every((e) => /is outside --image_root/.test(e.error)), JSON.stringify(errors));
    assert.equal(readJsonl(path.join(runDir, 'details', 'vlm.jsonl')).length, 1);
    assert.equal((await mock.stats()).images, 1);
  } finally {
    await server.stop();
    await mock.stop();
  }
});
