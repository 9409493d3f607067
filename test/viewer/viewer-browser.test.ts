// The viewer in a real browser (playwright-core driving Debian's /usr/bin/chromium, never a downloaded one),
// against a real viewer process over run folders real runs wrote through the mock: the runs list, a run,
// filters counted against details, search, an item's output text, a shared address, compare, a run updating
// live, and hostile model output that must stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { collect, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, spawnScript, startMockProcess, tempDir } from '../support/cli.ts';
import { startViewer, type ViewerProcess } from '../support/viewer.ts';
import type { MockProcess } from '../../src/mock/mock-process.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const skip = CHROMIUM ? false : 'chromium is not installed (apt-get install chromium; .ci/run installs it in CI)';

const UNIQUE = 'zebra-quokka-4711';
/** Outputs that would run script if any of them were ever treated as HTML or as a link. */
const HOSTILE = [
  `<script>window.__xss = 'script'</script> ${UNIQUE}`,
  `<img src=x onerror="window.__xss='img'"> Final Answer: \\boxed{1}`,
  `[click](javascript:window.__xss='md') <a href="javascript:window.__xss='link'">link</a>`,
  `<svg onload="window.__xss='svg'"></svg><iframe src="javascript:window.__xss='iframe'"></iframe>`,
];

let dir = '';
let browser: Browser;
let viewer: ViewerProcess;
const mocks: MockProcess[] = [];

async function run(out: string, solutions: string, extra: string[] = []): Promise<void> {
  const mock = await startMockProcess(['--model', 'm', '--solutions', solutions, ...extra]);
  mocks.push(mock);
  const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--quiet']);
  assert.ok(result.code === 0 || result.code === 3, result.stderr);
}

before(async () => {
  if (skip) return;
  dir = tempDir('viewer-');
  // A solutions file whose first game24 answers are hostile; the rest as the sample's.
  const lines = readFileSync(SAMPLE_SOLUTIONS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { prompt: string; output: string });
  const hostile = path.join(dir, 'hostile-solutions.jsonl');
  writeFileSync(hostile, lines.map((l, i) => JSON.stringify(i < HOSTILE.length ? { ...l, output: HOSTILE[i] } : l)).join('\n') + '\n');
  await run(path.join(dir, 'runs', 'hostile'), hostile);
  await run(path.join(dir, 'runs', 'strong'), SAMPLE_SOLUTIONS);
  viewer = await startViewer([path.join(dir, 'runs')]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await viewer?.stop();
  await Promise.all(mocks.map((m) => m.stop()));
});

/** A page that fails the test on any script error or dialog (an alert from injected script). */
async function page(): Promise<Page> {
  const p = await browser.newPage();
  const problems: string[] = [];
  p.on('pageerror', (e) => problems.push(String(e)));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  p.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  (p as Page & { problems: string[] }).problems = problems;
  return p;
}
const problemsOf = (p: Page) => (p as Page & { problems: string[] }).problems;

/** Polls `check` from here (the page's CSP allows no evaluated strings, rightly) until true or the deadline. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const details = (run: string, file: string) => readJsonl(path.join(dir, 'runs', run, 'details', file));

test('the runs list shows every run folder; a run shows one row per bootcamp and its score', { skip }, async () => {
  const p = await page();
  await p.goto(viewer.url + '/');
  await p.getByTestId('run-row').first().waitFor();
  assert.equal(await p.getByTestId('run-row').count(), 2);
  await p.getByRole('link', { name: 'strong' }).click();
  await p.getByTestId('bootcamp-row').first().waitFor();
  assert.equal(await p.getByTestId('bootcamp-row').count(), 3);
  assert.equal(await p.getByTestId('run-score').textContent(), '1.0000');
  assert.equal(await p.getByTestId('run-state').textContent(), 'finished');
  assert.equal(await p.getByTestId('score-chart').locator('rect').count(), 3);
  assert.deepEqual(problemsOf(p), []);
  await p.close();
});

test('filtering to score 0 lists exactly the rows details scored 0, and the filter is in the address', { skip }, async () => {
  const p = await page();
  await p.goto(`${viewer.url}/run/hostile/items`);
  await p.getByTestId('item-row').first().waitFor();
  await p.getByTestId('score-filter').selectOption('0');
  await p.waitForURL(/score=0/);
  await p.getByTestId('item-count').filter({ hasText: 'items' }).waitFor();
  const zero = ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl'].reduce((n, f) => n + details('hostile', f).filter((r) => r.score === 0).length, 0);
  assert.ok(zero > 0);
  await until(async () => (await p.getByTestId('item-row').count()) === zero, `${zero} rows`);
  assert.match((await p.getByTestId('item-count').textContent())!, new RegExp(`^${zero} items`));
  await p.close();
});

test('a search finds the one output holding a string, and its detail shows that output as text', { skip }, async () => {
  const p = await page();
  await p.goto(`${viewer.url}/run/hostile/items`);
  await p.getByTestId('search').fill(UNIQUE);
  await p.getByTestId('search').press('Enter');
  await p.waitForURL(new RegExp(`q=${UNIQUE}`));
  await until(async () => (await p.getByTestId('item-row').count()) === 1, 'one row');
  await p.getByTestId('item-row').click();
  await p.getByTestId('detail-output').waitFor();
  assert.equal(await p.getByTestId('detail-output').textContent(), HOSTILE[0]);
  assert.match((await p.getByTestId('detail-prompt').textContent())!, /Use each of the numbers/);
  assert.match((await p.getByTestId('detail-ground-truth').textContent())!, /"target"/);
  assert.equal(await p.evaluate('window.__xss'), undefined);
  await p.close();
});

test('a shared address with filters opens the same list; j and k step through it', { skip }, async () => {
  const p = await page();
  await p.goto(`${viewer.url}/run/strong/items?file=maze.jsonl&score=1`);
  await until(async () => (await p.getByTestId('item-row').count()) === 24, '24 rows');
  assert.equal(await p.getByTestId('file-filter').inputValue(), 'maze.jsonl');
  assert.equal(await p.getByTestId('score-filter').inputValue(), '1');
  await p.goto(`${viewer.url}/run/strong/item?file=maze.jsonl&score=1&pos=0`);
  await p.getByTestId('detail-output').waitFor();
  const first = await p.getByTestId('detail-output').textContent();
  await p.keyboard.press('j');
  await p.waitForURL(/pos=1/);
  await until(async () => (await p.getByTestId('detail-output').textContent()) !== first, 'the next item');
  assert.equal(await p.getByTestId('detail-output').textContent(), details('strong', 'maze.jsonl')[1].output);
  await p.keyboard.press('k');
  await p.waitForURL(/pos=0/);
  await p.close();
});

test('compare: two runs ticked on the list give the comparison table and the disagreeing items side by side', { skip }, async () => {
  const p = await page();
  await p.goto(viewer.url + '/');
  await p.getByTestId('run-row').first().waitFor();
  for (const box of await p.locator('[data-testid=run-row] input[type=checkbox]').all()) await box.check();
  await p.getByTestId('compare-button').click();
  await p.getByTestId('compare-table').waitFor();
  assert.equal(await p.getByTestId('compare-row').count(), 4, 'three bootcamps and all');
  const disagreements = await p.getByTestId('disagreement').count();
  assert.ok(disagreements >= 4, `${disagreements} disagreements (the hostile answers at least)`);
  assert.equal(await p.evaluate('window.__xss'), undefined);
  await p.close();
});

test('hostile output stays text everywhere: no script runs, nothing is parsed as markup, links stay inside the viewer', { skip }, async () => {
  const p = await page();
  for (const url of ['/run/hostile/items?file=game24.jsonl', '/run/hostile/item?file=game24.jsonl&pos=1', '/run/hostile/item?file=game24.jsonl&pos=2', '/run/hostile/item?file=game24.jsonl&pos=3', '/compare?runs=hostile,strong']) {
    await p.goto(viewer.url + url);
    await p.locator('main h1').first().waitFor();
    await p.waitForTimeout(200);
    assert.equal(await p.evaluate('document.title'), 'bootcamp-eval viewer', 'evaluation in the page works (so the next check means something)');
    assert.equal(await p.evaluate('window.__xss'), undefined, url);
    assert.equal(await p.locator('main img, main iframe, main script, main svg[onload]').count(), 0, `no element from the output in ${url}`);
    const hrefs = await p.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(hrefs.every((h) => h.startsWith('/') && !h.startsWith('//')), `${url}: ${hrefs.filter((h) => !h.startsWith('/')).join(' ')}`);
  }
  await p.goto(`${viewer.url}/run/hostile/item?file=game24.jsonl&pos=2`);
  assert.equal(await p.getByTestId('detail-output').textContent(), HOSTILE[2]);
  assert.deepEqual(problemsOf(p), []);
  await p.close();
});

test('a running run updates live: the page says running, its item count grows, then it says finished', { skip }, async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '60']);
  mocks.push(mock);
  const out = path.join(dir, 'runs', 'live');
  const child = spawnScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--max_concurrent_requests', '1', '--quiet']);
  const done = collect(child);
  const p = await page();
  try {
    await p.waitForTimeout(100);
    for (let i = 0; i < 100 && !existsSync(path.join(out, 'details')); i++) await p.waitForTimeout(100);
    await p.goto(`${viewer.url}/run/live/items`);
    await p.getByTestId('item-count').filter({ hasText: 'items' }).waitFor();
    const countNow = async () => Number(/^(\d+)/.exec((await p.getByTestId('item-count').textContent()) ?? '')?.[1] ?? -1);
    const early = await countNow();
    assert.ok(early < 72, `the run is under way (${early} items so far)`);
    await until(async () => (await countNow()) > early, 'more items', 20_000);
    await p.goto(`${viewer.url}/run/live`);
    assert.equal(await p.getByTestId('run-state').textContent(), 'running');
    assert.equal((await done).code, 0);
    await until(async () => (await p.getByTestId('run-state').textContent()) === 'finished', 'the run to finish', 20_000);
    assert.equal(await p.getByTestId('run-score').textContent(), '1.0000');
  } finally {
    child.kill('SIGKILL');
    await p.close();
  }
});

test('an item with images lists each reference as text (a file name that looks like markup stays text)', { skip }, async () => {
  const { mkdirSync, copyFileSync } = await import('node:fs');
  const { PROJECT_ROOT } = await import('../../src/version.ts');
  const data = path.join(dir, 'vlm-data');
  mkdirSync(data, { recursive: true });
  const hostileName = `<img src=x onerror="window.__xss='file'">.png`;
  copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample-vlm', 'images', 'chart_0.png'), path.join(data, hostileName));
  writeFileSync(path.join(data, 'v.jsonl'), JSON.stringify({ prompt: 'Read <image>', images: [hostileName], data_source: 'RelaxedAccuracy', ground_truth: { answer: '1' } }) + '\n');
  const mock = await startMockProcess(['--model', 'm']);
  mocks.push(mock);
  const out = path.join(dir, 'vlm-runs', 'vlm');
  const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', out, '--quiet']);
  assert.equal(result.code, 0, result.stderr);
  const own = await startViewer([path.join(dir, 'vlm-runs')]);
  const p = await page();
  try {
    await p.goto(`${own.url}/run/vlm/item?pos=0`);
    await p.getByTestId('detail-images').waitFor();
    const text = (await p.getByTestId('detail-images').textContent())!;
    assert.ok(text.startsWith(`${hostileName} (image/png, `), text);
    assert.match(text, /\d+×\d+, sha256 [0-9a-f]{16}…\)$/);
    assert.equal(await p.getByTestId('detail-images').locator('img').count(), 0);
    assert.equal(await p.evaluate('window.__xss'), undefined);
    assert.deepEqual(problemsOf(p), []);
  } finally {
    await p.close();
    await own.stop();
  }
});
