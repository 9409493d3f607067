// compare.ts end to end: two real runs against the mock (one answering better), compared; the HTML opened in a
// real headless browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';

async function runWith(correctRate: string, out: string): Promise<void> {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--correct-rate', correctRate]);
  try {
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out]);
    assert.equal(result.code, 0, result.stderr);
  } finally {
    await mock.stop();
  }
}

test('runs made on different inputs: a warning names what differs, and only common items are compared', async () => {
  const dir = tempDir();
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  await runWith('0.5', a);
  await runWith('0.5', b);
  // Run b lost two maze items and has no sudoku file at all.
  const mazeB = path.join(b, 'details', 'maze.jsonl');
  writeFileSync(mazeB, readFileSync(mazeB, 'utf8').split('\n').filter(Boolean).slice(2).join('\n') + '\n');
  rmSync(path.join(b, 'details', 'sudoku.jsonl'));
  const result = await runScript('compare.ts', [a, b, '-o', path.join(dir, 'cmp')]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /warning: a has files the others lack, left out: sudoku\.jsonl/);
  assert.match(result.stderr, /warning: maze\.jsonl: 2 item\(s\) are not in every run/);
  assert.match(readFileSync(path.join(dir, 'cmp', 'compare.md'), 'utf8'), /\| \*\*all\*\* \| 46 \|/);
});

const chromium = ['chromium', 'chromium-browser'].find((c) => spawnSync(c, ['--version']).status === 0);

test('two runs compared: table, Markdown, xlsx and a self-contained HTML with one bar per bootcamp per run', async () => {
  const dir = tempDir();
  const weak = path.join(dir, 'weak');
  const strong = path.join(dir, 'strong');
  await runWith('0.2', weak);
  await runWith('1', strong);
  const out = path.join(dir, 'cmp');
  const result = await runScript('compare.ts', [weak, strong, '-o', out, '--names', 'weak,strong', '--baseline', 'weak']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['compare.html', 'compare.md', 'compare.xlsx']);

  const md = readFileSync(path.join(out, 'compare.md'), 'utf8');
  const allRow = md.split('\n').find((l) => l.startsWith('| **all** |'))!;
  assert.ok(allRow, 'an overall row');
  const cells = allRow.split('|').map((c) => c.trim());
  assert.equal(cells[2], '72');
  assert.equal(cells[4], '100.0', 'the strong run scores 100%');
  assert.match(cells[5], /^\+\d+\.\d \[\d+\.\d, \d+\.\d\]$/, 'a positive difference with its interval');
  assert.equal(cells[7], 'yes', 'significant');

  const book = XLSX.read(readFileSync(path.join(out, 'compare.xlsx')));
  assert.deepEqual(book.SheetNames, ['compare', 'disagreements']);
  const table = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets.compare, { header: 1 });
  assert.deepEqual(table.map((r) => r[0]), ['bootcamp', 'Game24', 'Maze', 'Sudoku', 'all']);
  const items = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets.disagreements, { header: 1 });
  const weakScore = Number(cells[3]) / 100;
  assert.equal(items.length - 1, Math.round(72 * (1 - weakScore)), 'every item the weak run missed is a disagreement');

  const html = readFileSync(path.join(out, 'compare.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\//, 'nothing loaded from the network');
  assert.equal((html.match(/<rect class="bar"/g) ?? []).length, 3 * 2);
  assert.equal((html.match(/<rect class="cell"/g) ?? []).length, 4 * 2);
});

test('compare.html renders in headless Chromium without console errors', { skip: chromium ? false : 'chromium is not installed (apt-get install chromium; .ci/run installs it in CI)' }, async () => {
  const dir = tempDir();
  await runWith('0.5', path.join(dir, 'a'));
  await runWith('0.8', path.join(dir, 'b'));
  const out = path.join(dir, 'cmp');
  assert.equal((await runScript('compare.ts', [path.join(dir, 'a'), path.join(dir, 'b'), '-o', out])).code, 0);
  const profile = tempDir('chrome-');
  const run = spawnSync(
    chromium!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--dump-dom', `file://${path.join(out, 'compare.html')}`],
    { encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  const dom = run.stdout;
  assert.match(dom, /<body[^>]* data-bars="6"/, 'the page script counted one bar per bootcamp per run');
  assert.match(dom, /data-cells="8"/, 'and one heatmap cell per bootcamp (and overall) per run');
  assert.doesNotMatch(run.stderr, /Uncaught|CONSOLE\(\d+\).*(Error|error)/);
  assert.ok(existsSync(path.join(out, 'compare.md')));
});

test('run_eval --template r1,chatml runs once per template into sibling folders, then compares them', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS]);
  try {
    const base = path.join(tempDir(), 'tpl');
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', base, '--template', 'r1,chatml', '--limit', '4']);
    assert.equal(result.code, 0, result.stderr);
    for (const suffix of ['_r1', '_chatml']) assert.ok(existsSync(path.join(`${base}${suffix}`, 'details', 'game24.jsonl')), suffix);
    assert.equal(JSON.parse(readFileSync(path.join(`${base}_chatml`, 'eval_args.json'), 'utf8')).template, 'chatml');
    assert.match(readFileSync(path.join(`${base}_compare`, 'compare.md'), 'utf8'), /# Comparison: r1 vs chatml \(baseline r1\)/);
  } finally {
    await mock.stop();
  }
});
