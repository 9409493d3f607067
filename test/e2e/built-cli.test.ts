// The bundle `npm run build` writes to dist/ is the same program as the sources: run with plain node (no
// TypeScript loader) against the bundled mock, it finds its templates and scores every sample line as the
// sources do; rescore's bundle gives the same scores back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonl, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

test('the built CLI (node dist/run_eval.js) runs a whole evaluation with plain node, and dist/rescore.js agrees', async () => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS], 20_000, 'bundle');
  const work = tempDir();
  const out = path.join(work, 'run');
  try {
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'run_eval.js'), '--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR,
      '--output_dir', out, '--api_mode', 'completion', '--template', 'r1', '--quiet'], { cwd: work, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const rows = readJsonl(path.join(out, 'details', 'game24.jsonl'));
    assert.equal(rows.length, 24);
    assert.ok(rows.every((r) => r.score === 1));
    // --template r1 was read from templates/, found relative to the bundle; every item went out in completion mode.
    const stats = (await mock.stats()) as { completions: number };
    assert.equal(stats.completions, 72);
    const input = path.join(work, 'outputs.jsonl');
    writeFileSync(input, readJsonl(path.join(out, 'details', 'sudoku.jsonl')).map((r) => JSON.stringify({ data_source: r.data_source, ground_truth: r.ground_truth, output: r.output })).join('\n') + '\n');
    const rescored = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'rescore.js'), input, '-o', path.join(work, 'rescored.jsonl')], { cwd: work, encoding: 'utf8' });
    assert.equal(rescored.status, 0, rescored.stderr);
    const scores = readFileSync(path.join(work, 'rescored.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { score: number }).score);
    assert.deepEqual(scores, Array(24).fill(1));
  } finally {
    await mock.stop();
  }
});
