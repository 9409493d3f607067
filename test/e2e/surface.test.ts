// The NeMo Evaluator / EvalScope surface end to end: ls, dry run, repeats with pass@k, results.yml, Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { collect, readJsonl, runScript, SAMPLE_DIR, SAMPLE_SOLUTIONS, spawnScript, startMockProcess, tempDir, waitFor } from '../support/cli.ts';

test('ls lists every bootcamp with its kind and answer format; with --test_dir, files and scorability', async () => {
  const plain = await runScript('run_eval.ts', ['ls']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^\d+ bootcamps \(native: scored here; sandbox: code, needs --use_sandbox\):/);
  assert.match(plain.stdout, /\n  Game24 +native +\\boxed\{expression\}/);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.jsonl'), readFileSync(path.join(SAMPLE_DIR, 'maze.jsonl'), 'utf8') + JSON.stringify({ data_source: 'Mystery', prompt: 'p', ground_truth: 1 }) + '\n');
  const json = await runScript('run_eval.ts', ['ls', '--test_dir', dir, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  assert.ok(parsed.bootcamps.some((b: { name: string; kind: string }) => b.name === 'Sudoku' && b.kind === 'native'));
  assert.deepEqual(parsed.files, [
    { file: 'a.jsonl', lines: 25, data_sources: [{ name: 'Maze', lines: 24, scorable: true, kind: 'native' }, { name: 'Mystery', lines: 1, scorable: false, kind: null }] },
  ]);
});

test('--dry_run prints the plan and the exact first request, sends nothing and creates no folder', async () => {
  const mock = await startMockProcess(['--model', 'm', '--reply', 'fixed', '--text', 'x']);
  try {
    const cwd = tempDir();
    const secret = 'sk-dry-SECRET-987654';
    const result = await runScript(
      'run_eval.ts',
      ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--template', 'r1', '--repeats', '2', '--limit', '3', '--api_key', secret, '--dry_run', '--top_k', '20', '--stop', 'STOP'],
      { cwd },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /game24\.jsonl: 3 items \(limited from 24\)/);
    assert.match(result.stdout, /Repeats: 2; total requests: 18; bad input lines: 0/);
    assert.match(result.stdout, /max_tokens = 32768 {2}\[default\]/);
    assert.match(result.stdout, /repeats = 2 {2}\[cli\]/);
    assert.match(result.stdout, /api_key = "\*\*\*" {2}\[cli\]/);
    assert.equal(result.stdout.includes(secret), false);
    const first = /--- first request of game24\.jsonl ---\nPOST (\S+)\n(\{[\s\S]*?\n\})/.exec(result.stdout);
    assert.ok(first, 'the first request is printed');
    assert.equal(first[1], `${mock.baseUrl}/completions`);
    const body = JSON.parse(first[2]);
    const prompt = JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'game24.jsonl'), 'utf8').split('\n')[0]).prompt;
    assert.equal(body.prompt, `<｜begin▁of▁sentence｜><｜User｜>${prompt}<｜Assistant｜><think>\n`);
    assert.deepEqual(body.stop, ['<｜end▁of▁sentence｜>', 'STOP']);
    assert.equal(body.top_k, 20);
    const stats = await mock.stats();
    assert.equal(stats.requests, 0, 'the server saw nothing');
    assert.equal(existsSync(path.join(cwd, 'output')), false);
  } finally {
    await mock.stop();
  }
});

test('chat mode sends --sys_prompt, else the template system text only when --template is given', async () => {
  const run = async (extra: string[]) => {
    const r = await runScript('run_eval.ts', ['--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'maze.jsonl'), '--api_mode', 'chat_completion', '--dry_run', '--limit', '1', ...extra]);
    return JSON.parse(/POST \S+\n(\{[\s\S]*?\n\})/.exec(r.stdout)![1]).messages as { role: string; content: string }[];
  };
  assert.deepEqual((await run([])).map((m) => m.role), ['user']);
  assert.deepEqual((await run(['--template', 'qwen']))[0], { role: 'system', content: 'You are a helpful assistant.' });
  assert.deepEqual((await run(['--template', 'qwen', '--sys_prompt', 'Be brief.']))[0], { role: 'system', content: 'Be brief.' });
});

test('--repeats with --seed: rows per (id, repeat), pass@k in meta, xlsx and results.yml; resume keyed by repeat', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--correct-rate', '0.5']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', path.join(SAMPLE_DIR, 'game24.jsonl'), '--output_dir', out, '--limit', '6', '--seed', '0'];
    const first = await runScript('run_eval.ts', [...args, '--repeats', '2']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(readJsonl(path.join(out, 'details', 'game24.jsonl')).length, 12);
    // Asking for more samples later only asks for the new repeats.
    const before = (await mock.stats()).completions as number;
    const more = await runScript('run_eval.ts', [...args, '--repeats', '4', '--pass_k', '1,2,4', '--resume']);
    assert.equal(more.code, 0, more.stderr);
    assert.equal(((await mock.stats()).completions as number) - before, 12);
    const rows = readJsonl<{ id: number; repeat: number; score: number }>(path.join(out, 'details', 'game24.jsonl'));
    assert.deepEqual(rows.map((r) => `${r.id}:${r.repeat}`), [...Array(6).keys()].flatMap((id) => [0, 1, 2, 3].map((r) => `${id}:${r}`)));
    // Expected pass@k from the rows themselves.
    const byId = new Map<number, number[]>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r.score]);
    const choose = (n: number, k: number) => (k > n ? 0 : [...Array(k).keys()].reduce((acc, i) => (acc * (n - i)) / (i + 1), 1));
    const expectPass = (k: number) => [...byId.values()].reduce((s, sc) => s + 1 - choose(4 - sc.filter((x) => x === 1).length, k) / choose(4, k), 0) / byId.size;
    const meta = readJsonl(path.join(out, 'meta.jsonl'))[0];
    for (const k of [1, 2, 4]) assert.ok(Math.abs((meta[`pass@${k}`] as number) - expectPass(k)) < 1e-12, `pass@${k}`);
    assert.equal(meta['mean@4'], meta.avg_score);
    assert.ok(rows.some((r) => r.score === 1) && rows.some((r) => r.score === 0), 'seeds vary the answers across repeats');
    const results = parseYaml(readFileSync(path.join(out, 'results.yml'), 'utf8'));
    assert.ok(Math.abs(results.results.tasks.Game24.metrics['pass@2'].scores.mean.value - expectPass(2)) < 1e-12);
    assert.equal(results.results.tasks.Game24.metrics.score.scores.mean.stats.count, 24);
    assert.equal(results.config.model_name, 'm');
    assert.equal(results.config.repeats, 4);
  } finally {
    await mock.stop();
  }
});

test('Ctrl-C stops sending, writes what is done and the summaries, exits 130; --resume finishes', async () => {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, '--latency-ms', '150']);
  try {
    const out = path.join(tempDir(), 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', out, '--max_concurrent_requests', '2'];
    const child = spawnScript('run_eval.ts', args);
    const done = collect(child);
    await waitFor(() => existsSync(path.join(out, 'details', 'game24.jsonl')) && readFileSync(path.join(out, 'details', 'game24.jsonl'), 'utf8').split('\n').length > 4, 20_000, 'a few rows');
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.code, 130, result.stderr);
    assert.match(result.stderr, /Interrupted: no new requests/);
    assert.match(result.stderr, /Continue with --resume /);
    assert.ok(existsSync(path.join(out, 'm_scores.xlsx')));
    const progress = readFileSync(path.join(out, 'progress.log'), 'utf8');
    assert.match(progress, /^Main Progress: 0\/3 /);
    const resumed = await runScript('run_eval.ts', [...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const name of ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl']) {
      assert.deepEqual(readJsonl(path.join(out, 'details', name)).map((r) => r.id), [...Array(24).keys()]);
    }
  } finally {
    await mock.stop();
  }
});
