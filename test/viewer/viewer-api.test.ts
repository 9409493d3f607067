// The viewer's server without a browser: its JSON, its refusals (unknown runs, paths, bad filters, methods),
// the token (bearer, and the cookie a ?token= link sets), its headers, the static report, and the row reader
// that indexes details rows from their bytes, checked against JSON.parse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runScript, SAMPLE_DIR, tempDir, withMock } from '../support/cli.ts';
import { startViewer, type ViewerProcess } from '../support/viewer.ts';
import { rowFields } from '../../src/viewer/row-fields.ts';
import { interval95 } from '../../src/viewer/run-view.ts';

let dir = '';
let viewer: ViewerProcess;
let guarded: ViewerProcess;

before(async () => {
  dir = tempDir('viewer-api-');
  await withMock(['--correct-rate', '0.5'], async (url) => {
    for (const name of ['a', 'b']) {
      const r = await runScript('run_eval.ts', ['--url', url, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', path.join(dir, 'runs', name), '--quiet', '--repeats', name === 'b' ? '2' : '1']);
      assert.equal(r.code, 0, r.stderr);
    }
  });
  viewer = await startViewer([path.join(dir, 'runs')]);
  guarded = await startViewer([path.join(dir, 'runs'), '--token', 'view-secret-1'], {});
});

after(async () => {
  await viewer?.stop();
  await guarded?.stop();
});

const get = (base: string, p: string, init: RequestInit = {}) => fetch(base + p, { redirect: 'manual', ...init });

test('runs, a run and its items as JSON: counts and scores agree with the run folder', async () => {
  const runs = (await (await get(viewer.url, '/api/runs')).json()) as { runs: { id: string; items: number; score: number; state: string }[] };
  assert.deepEqual(runs.runs.map((r) => r.id).sort(), ['a', 'b']);
  const meta = readFileSync(path.join(dir, 'runs', 'a', 'meta.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number; avg_score: number });
  const a = runs.runs.find((r) => r.id === 'a')!;
  assert.equal(a.items, 72);
  assert.equal(a.state, 'finished');
  assert.ok(Math.abs(a.score - meta.reduce((s, m) => s + m.avg_score, 0) / meta.length) < 1e-12);
  const run = (await (await get(viewer.url, '/api/runs/b')).json()) as { groups: { bootcamp: string; n: number; passAtK?: Record<string, number>; ci: [number, number]; avgScore: number }[] };
  assert.equal(run.groups.length, 3);
  for (const g of run.groups) {
    assert.equal(g.n, 48, 'two repeats of 24');
    assert.ok(g.passAtK && g.passAtK['2'] >= g.passAtK['1'], 'pass@2 with --repeats 2');
    assert.ok(g.ci[0] <= g.avgScore && g.avgScore <= g.ci[1]);
  }
  const page = (await (await get(viewer.url, '/api/runs/a/items?file=maze.jsonl&offset=20&limit=10')).json()) as { total: number; items: { id: number; pos: number }[] };
  assert.equal(page.total, 24);
  assert.deepEqual(page.items.map((i) => i.id), [20, 21, 22, 23]);
  const item = (await (await get(viewer.url, '/api/runs/a/item?file=maze.jsonl&pos=3')).json()) as { item: { row: { id: number; output: string } } };
  const rows = readFileSync(path.join(dir, 'runs', 'a', 'details', 'maze.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: number; output: string });
  assert.deepEqual(item.item.row.output, rows[3].output);
});

test('unknown runs, paths out of the folder, bad filters and writes are refused with one error shape', async () => {
  for (const p of ['/api/runs/nope', '/api/runs/..%2F..%2Fetc', '/api/runs/%2E%2E', '/api/runs/a%2F..%2F..']) {
    const res = await get(viewer.url, p);
    assert.equal(res.status, 404, p);
    assert.match(((await res.json()) as { error: string }).error, /^no run|^no API route/);
  }
  const bad = await get(viewer.url, '/api/runs/a/items?score=2');
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'expected 0, partial or 1', field: 'score', status: 400 });
  assert.equal((await get(viewer.url, '/api/runs/a/items?limit=99999')).status, 400);
  assert.equal((await get(viewer.url, '/api/runs', { method: 'POST' })).status, 405);
  assert.equal((await get(viewer.url, '/etc/passwd')).status, 404);
});

test('every answer carries a CSP without inline scripts; the page loads only its own script and style', async () => {
  const res = await get(viewer.url, '/run/a/items?score=0');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const html = await res.text();
  assert.deepEqual([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).sort(), ['/', '/assets/app.css', '/assets/app.js']);
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /<script>[^<]/, 'no inline script');
  const js = await (await get(viewer.url, '/assets/app.js')).text();
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, 'the bundle never parses markup');
});

test('with --token: 401 without it, bearer accepted, a ?token= link sets an HttpOnly cookie and drops the token from the address', async () => {
  const denied = await get(guarded.url, '/api/runs');
  assert.equal(denied.status, 401);
  assert.equal((await get(guarded.url, '/api/runs', { headers: { authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await get(guarded.url, '/api/runs', { headers: { authorization: 'Bearer view-secret-1' } })).status, 200);
  const link = await get(guarded.url, '/run/a/items?score=0&token=view-secret-1');
  assert.equal(link.status, 303);
  assert.equal(link.headers.get('location'), '/run/a/items?score=0');
  const cookie = link.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.equal((await get(guarded.url, '/api/runs', { headers: { cookie: cookie.split(';')[0] } })).status, 200);
  assert.equal((await get(guarded.url, '/api/runs?token=view-secret-1')).status, 401, 'the API takes no token in the address');
  assert.doesNotMatch(guarded.stderr(), /view-secret-1/, 'the token is never printed');
});

test('a host other than loopback needs a token (exit 2); a missing folder is named', async () => {
  const open = await runScript('view.ts', [path.join(dir, 'runs'), '--host', '0.0.0.0']);
  assert.equal(open.code, 2);
  assert.match(open.stderr, /--host 0\.0\.0\.0 is reachable from other machines: give --token/);
  const missing = await runScript('view.ts', [path.join(dir, 'nowhere')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere: no such folder/);
});

test('--static writes one page with the scores and the failed items, every text escaped and no script', async () => {
  const run = path.join(dir, 'runs', 'a');
  const hostileRun = path.join(dir, 'hostile');
  mkdirSync(path.join(hostileRun, 'details'), { recursive: true });
  writeFileSync(path.join(hostileRun, 'eval_args.json'), readFileSync(path.join(run, 'eval_args.json')));
  const row = JSON.parse(readFileSync(path.join(run, 'details', 'game24.jsonl'), 'utf8').split('\n')[0]);
  writeFileSync(path.join(hostileRun, 'details', 'game24.jsonl'), JSON.stringify({ ...row, score: 0, output: '<script>alert(1)</script><img src=x onerror=alert(2)>' }) + '\n');
  const out = path.join(dir, 'report.html');
  const result = await runScript('view.ts', [hostileRun, '--static', out]);
  assert.equal(result.code, 0, result.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /Failed items \(1\)/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  const many = await runScript('view.ts', [path.join(dir, 'runs'), '--static', out]);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /--static needs one run folder; .* holds 2 runs/);
});

test('rows read from their bytes agree with JSON.parse on every shared evaluation line shape and on awkward rows', () => {
  const rows: Record<string, unknown>[] = [
    { id: 3, repeat: 2, data_source: 'A "quoted" \\ source', prompt: 'p "with" \\"escapes\\" and } braces {', output: 'o\n\t', output_len: 4, ground_truth: { a: ['x}', { b: '"]' }] }, score: 0.25, extracted_output: null, finish_reason: 'length', usage: null, latency_ms: 17, attempts: 2, reasoning_content: 'think', error: { kind: 'TimeoutError', message: 'x "y"', attempts: 2 }, verify_error: 'boom' },
    { id: 0, data_source: 'B', prompt: '', output: '', output_len: 0, ground_truth: 'é\u2028', score: 1, extracted_output: [1, 2], finish_reason: null, usage: { total_tokens: 3 }, latency_ms: 0, attempts: 1, reasoning_content: '' },
  ];
  const shared = path.resolve(SAMPLE_DIR, '..', '..', '..', 'shared', 'data', 'internbootcamp_eval', 'game24.jsonl');
  for (const line of readFileSync(shared, 'utf8').trim().split('\n').slice(0, 50)) {
    const item = JSON.parse(line) as { prompt: string; ground_truth: unknown; data_source: string };
    rows.push({ id: rows.length, data_source: item.data_source, prompt: item.prompt, output: item.prompt.split('').reverse().join(''), output_len: 9, ground_truth: item.ground_truth, score: 0, extracted_output: null, finish_reason: 'stop', usage: null, latency_ms: 5, attempts: 1 });
  }
  for (const row of rows) {
    const f = rowFields(Buffer.from(JSON.stringify(row)))!;
    const error = row.error as { kind: string } | undefined;
    assert.deepEqual(f, {
      id: row.id, repeat: (row.repeat as number | undefined) ?? 0, data_source: row.data_source, score: row.score, output_len: row.output_len, finish_reason: row.finish_reason,
      latency_ms: row.latency_ms, error_kind: error?.kind ?? null, verify_error: typeof row.verify_error === 'string', has_reasoning: typeof row.reasoning_content === 'string' && row.reasoning_content !== '',
      judge: 'none',
    });
  }
  for (const [judge, kind] of [[{ score: 1, verdict: 'A', injection_suspect: false }, 'judged'], [{ score: 0, injection_suspect: true }, 'suspect'], [{ pending: true, model: 'j' }, 'pending'], [{ score: null, error: 'no verdict' }, 'error']] as const) {
    assert.equal(rowFields(Buffer.from(JSON.stringify({ id: 1, output: 'x', judge })))?.judge, kind);
  }
  assert.equal(rowFields(Buffer.from('{"id": 1, "torn')), undefined);
  assert.equal(rowFields(Buffer.from('not json')), undefined);
  assert.equal(rowFields(Buffer.from(' { "id" : 7 , "score" : 1 } '))?.score, 1, 'whitespace between tokens');
});

test('95% intervals: Wilson for 0/1 scores, the normal one for partial scores, inside [0, 1]', () => {
  const [lo, hi] = interval95(24, 16, 16, true);
  assert.ok(Math.abs(lo - 0.4671) < 1e-3 && Math.abs(hi - 0.8203) < 1e-3, `${lo} ${hi}`);
  assert.deepEqual(interval95(10, 10, 10, true).map((x) => Number(x.toFixed(4))), [0.7225, 1]);
  const [a, b] = interval95(4, 2, 1.5, false);
  assert.ok(a > 0 && b < 1 && Math.abs((a + b) / 2 - 0.5) < 1e-12);
  assert.deepEqual(interval95(0, 0, 0, true), [0, 0]);
});
