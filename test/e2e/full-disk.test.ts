// A full disk, for real: the run folder on a small tmpfs (root can mount one here and in CI), else a details
// file that resolves to /dev/full. The run stops sending, keeps every whole row, leaves nothing torn, says which
// file and why, exits 2; after space is freed, --resume finishes it with each id exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, startMockProcess, tempDir } from '../support/cli.ts';

function tryMountTmpfs(dir: string, size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

/** Every line of every details file parses: nothing torn was left behind. */
function wholeRows(out: string): Map<string, number[]> {
  const ids = new Map<string, number[]>();
  const dir = path.join(out, 'details');
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    assert.ok(text === '' || text.endsWith('\n'), `${name} ends with a whole row`);
    ids.set(name, text.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: number }).id));
  }
  return ids;
}

const mountDir = tempDir('bce-tmpfs-');
const canMount = tryMountTmpfs(mountDir, '40k');

test('ENOSPC on a small tmpfs: stop, keep whole rows, exit 2 naming the file; --resume after freeing space finishes', { skip: canMount ? false : 'cannot mount a tmpfs here (not root); the /dev/full test covers the failure path' }, async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '5']);
  try {
    const out = path.join(mountDir, 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--max_concurrent_requests', '4'];
    const full = await runScript('run_eval.ts', args);
    assert.equal(full.code, 2, full.stderr);
    const errors = full.stderr.split('\n').filter((l) => l.startsWith('error:'));
    assert.equal(errors.length, 1, full.stderr);
    assert.match(errors[0], /^error: cannot write \/.*\/run\/\S+: ENOSPC: no space left on device.*--resume/);
    assert.doesNotMatch(full.stderr, /\n\s+at /, 'no stack trace');
    const before = wholeRows(out);
    const kept = [...before.values()].reduce((n, ids) => n + ids.length, 0);
    assert.ok(kept > 0 && kept < 72, `some rows kept (${kept}), not all`);
    assert.equal(readdirSync(out).some((n) => n.includes('.tmp-')), false, 'no temporary files left');

    assert.equal(spawnSync('mount', ['-o', 'remount,size=2m', mountDir]).status, 0, 'space freed');
    const resumed = await runScript('run_eval.ts', [...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const name of ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']) {
      assert.deepEqual(readJsonl(path.join(out, 'details', name)).map((r) => r.id), [...Array(24).keys()], `${name}: each id once`);
    }
    assert.ok(existsSync(path.join(out, 'meta.jsonl')) && existsSync(path.join(out, 'm_scores.xlsx')));
  } finally {
    await mock.stop();
    if (canMount) spawnSync('umount', [mountDir]);
  }
});

test('a details file that resolves to /dev/full: the run stops at once with the file named, exit 2', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS]);
  try {
    const out = path.join(tempDir(), 'run');
    mkdirSync(path.join(out, 'details'), { recursive: true });
    symlinkSync('/dev/full', path.join(out, 'details', 'game24.jsonl'));
    // --resume: the scan takes a details path that is not a regular file as holding no rows, then appends to it.
    const result = await runScript('run_eval.ts', ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', out, '--max_concurrent_requests', '2', '--resume']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /error: cannot write \S+details\/game24\.jsonl: ENOSPC/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.ok(((await mock.stats()).completions as number) < 24, 'it stopped sending');
  } finally {
    await mock.stop();
  }
});
