// Sharded runs end to end: the Slurm array script and the Kubernetes Indexed Job in docs/ run as their
// schedulers would run them (the same environment variables, n shards on this machine), merged, and compared
// with one unsharded run; merge's refusals; a shard's resume; bad lines counted once over the shards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/version.ts';
import { collect, readJsonl, runScript, SAMPLE_DIR, tempDir, withMock, type CliResult } from '../support/cli.ts';

const DOCS = path.join(PROJECT_ROOT, 'docs');
const FILES = ['game24.jsonl', 'maze.jsonl', 'sudoku.jsonl'];

function shell(command: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(command[0], command.slice(1), { cwd: PROJECT_ROOT, env: { ...process.env, OPENAI_API_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child);
}

async function unsharded(url: string, out: string, extra: string[] = []): Promise<void> {
  const r = await runScript('run_eval.ts', ['--url', url, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--template', 'r1', '--output_dir', out, '--quiet', ...extra]);
  assert.equal(r.code, 0, r.stderr);
}

/** The merged folder holds what the unsharded run holds: the same (id, repeat) rows in the same order with the same scores, and the same meta. */
function assertSameRun(merged: string, whole: string): void {
  for (const file of FILES) {
    const key = (r: Record<string, unknown>) => [r.id, r.repeat, r.score, r.output];
    assert.deepEqual(readJsonl(path.join(merged, 'details', file)).map(key), readJsonl(path.join(whole, 'details', file)).map(key), file);
  }
  assert.deepEqual(readJsonl(path.join(merged, 'meta.jsonl')), readJsonl(path.join(whole, 'meta.jsonl')));
  assert.ok(readdirSync(merged).some((f) => f.endsWith('_scores.xlsx')));
  const results = (dir: string) => YAML.parse(readFileSync(path.join(dir, 'results.yml'), 'utf8')).results;
  assert.deepEqual(results(merged), results(whole));
}

test('the Slurm array script: n tasks with SLURM_ARRAY_TASK_ID/COUNT, then the merge script, equal one unsharded run', async () => {
  const script = readFileSync(path.join(DOCS, 'slurm', 'eval_array.sbatch'), 'utf8');
  const array = /#SBATCH --array=0-(\d+)/.exec(script);
  assert.ok(array, 'the script declares its array');
  const n = Number(array[1]) + 1;
  await withMock(['--correct-rate', '0.7'], async (url) => {
    const dir = tempDir();
    const runDir = path.join(dir, 'r');
    const env = { BOOTCAMP_EVAL_DIR: PROJECT_ROOT, MODEL_URL: url, MODEL_NAME: 'm', TEST_DIR: SAMPLE_DIR, RUN_DIR: runDir, CONCURRENCY: '8', EXTRA_ARGS: '--repeats 2 --quiet', SHARDS: String(n) };
    const tasks = await Promise.all(Array.from({ length: n }, (_, k) => shell(['bash', path.join(DOCS, 'slurm', 'eval_array.sbatch')], { ...env, SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: String(n) })));
    tasks.forEach((t, k) => assert.equal(t.code, 0, `task ${k}: ${t.stderr}`));
    for (let k = 0; k < n; k++) {
      const args = JSON.parse(readFileSync(path.join(`${runDir}_shard${k}of${n}`, 'eval_args.json'), 'utf8'));
      assert.deepEqual(args.shard, { index: k, count: n, source: 'SLURM_ARRAY_TASK_ID' });
    }
    const merge = await shell(['bash', path.join(DOCS, 'slurm', 'merge.sbatch')], env);
    assert.equal(merge.code, 0, merge.stderr);
    assert.match(merge.stderr, new RegExp(`Merged ${n} shards of ${n} \\(144 rows\\)`));
    const whole = path.join(dir, 'whole');
    await unsharded(url, whole, ['--repeats', '2']);
    assertSameRun(runDir, whole);
    const mergedArgs = JSON.parse(readFileSync(path.join(runDir, 'eval_args.json'), 'utf8'));
    assert.equal(mergedArgs.shards.count, n);
    assert.deepEqual(mergedArgs.shards.folders.map((f: { index: number }) => f.index), Array.from({ length: n }, (_, k) => k));
    assert.equal(mergedArgs.shard, undefined);
  });
});

test('the Kubernetes Indexed Job: each completion index with the manifest\'s command and env, then the merge Job, equal one unsharded run', async () => {
  const job = YAML.parse(readFileSync(path.join(DOCS, 'kubernetes', 'eval-indexed-job.yaml'), 'utf8'));
  const mergeJob = YAML.parse(readFileSync(path.join(DOCS, 'kubernetes', 'merge-job.yaml'), 'utf8'));
  assert.equal(job.spec.completionMode, 'Indexed');
  const n: number = job.spec.completions;
  assert.equal(n, 8);
  const container = job.spec.template.spec.containers[0];
  const mounts = container.volumeMounts.map((m: { mountPath: string }) => m.mountPath);
  assert.ok(mounts.includes('/runs'), 'a shared volume for the run folders');
  const manifestEnv = (c: { env: { name: string; value?: string }[] }) => Object.fromEntries(c.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  await withMock(['--correct-rate', '0.7'], async (url) => {
    const dir = tempDir();
    const runs = path.join(dir, 'runs');
    mkdirSync(runs);
    // The manifest's own env, with the volume paths and the Service URL pointing at this machine.
    const local = (env: Record<string, string>) => ({ ...env, ...(env.RUN_DIR ? { RUN_DIR: env.RUN_DIR.replace(/^\/runs/, runs) } : {}), ...(env.TEST_DIR ? { TEST_DIR: SAMPLE_DIR } : {}), ...(env.MODEL_URL ? { MODEL_URL: url, MODEL_NAME: 'm' } : {}) });
    const env = local(manifestEnv(container));
    const runDir = env.RUN_DIR!;
    const pods = await Promise.all(Array.from({ length: n }, (_, k) => shell([...container.command, ...container.args], { ...env, JOB_COMPLETION_INDEX: String(k) })));
    pods.forEach((p, k) => assert.equal(p.code, 0, `pod ${k}: ${p.stderr}`));
    assert.equal(readdirSync(runs).filter((f) => /_shard\dof8$/.test(f)).length, n);
    const mergeContainer = mergeJob.spec.template.spec.containers[0];
    const merge = await shell(mergeContainer.command, local(manifestEnv(mergeContainer)));
    assert.equal(merge.code, 0, merge.stderr);
    const whole = path.join(dir, 'whole');
    await unsharded(url, whole);
    assertSameRun(runDir, whole);
    const args = JSON.parse(readFileSync(path.join(`${runDir}_shard5of8`, 'eval_args.json'), 'utf8'));
    assert.deepEqual(args.shard, { index: 5, count: 8, source: 'JOB_COMPLETION_INDEX' });
  });
});

test('merge refuses missing and duplicated shards (named by index), other settings, other counts, non-shards and a used -o; --allow_partial merges what is there', async () => {
  await withMock([], async (url) => {
    const dir = tempDir();
    const shard = (k: number, n: number, extra: string[] = [], name = 'r') =>
      runScript('run_eval.ts', ['--url', url, '--model_name', 'm', '--test_dir', SAMPLE_DIR, '--output_dir', path.join(dir, name), '--shard', `${k}/${n}`, '--quiet', ...extra]);
    for (const k of [0, 1, 2]) assert.equal((await shard(k, 4)).code, 0);
    assert.equal((await shard(3, 4, ['--max_tokens', '100'], 'other')).code, 0);
    assert.equal((await shard(0, 2, [], 'two')).code, 0);
    const s = (name: string) => path.join(dir, name);
    const merge = (args: string[]) => runScript('merge.ts', args);

    const missing = await merge([s('r_shard0of4'), s('r_shard2of4'), s('r_shard1of4'), '-o', s('m1')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing shards of 4: 3 \(0-based\); run them, or --allow_partial/);
    assert.equal(existsSync(s('m1')), false, 'nothing written');

    const duplicated = await merge([s('r_shard0of4'), s('r_shard0of4'), '-o', s('m2')]);
    assert.equal(duplicated.code, 2);
    assert.match(duplicated.stderr, /duplicated shards: 0 \(r_shard0of4, r_shard0of4\)/);

    const other = await merge([s('r_shard0of4'), s('r_shard1of4'), s('r_shard2of4'), s('other_shard3of4'), '-o', s('m3')]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /other answer-changing settings .*\n\s+max_tokens: 32768 → 100/);

    const counts = await merge([s('r_shard0of4'), s('two_shard0of2'), '-o', s('m4')]);
    assert.match(counts.stderr, /shard counts differ: .*shard 0 of 4, .*shard 0 of 2/);

    const whole = s('whole');
    await unsharded(url, whole);
    const notShard = await merge([whole, '-o', s('m5')]);
    assert.match(notShard.stderr, /whole: not a shard \(its eval_args.json has no "shard"\)/);
    assert.equal((await merge([s('r_shard0of4'), '-o', whole])).code, 2);
    assert.doesNotMatch(notShard.stderr + missing.stderr + other.stderr, /\n\s+at /, 'no stack trace');

    // The shards' judge answers come along (one torn at its end, as a killed shard leaves it).
    writeFileSync(path.join(s('r_shard0of4'), 'judge_cache.jsonl'), '{"key":"k0","score":1,"verdict":"A","reply":"Verdict: A","attempts":1}\n{"key":"torn');
    writeFileSync(path.join(s('r_shard2of4'), 'judge_cache.jsonl'), '{"key":"k2","score":0,"verdict":"B","reply":"Verdict: B","attempts":1}\n');
    const partial = await merge([s('r_shard0of4'), s('r_shard1of4'), s('r_shard2of4'), '--allow_partial', '-o', s('m6')]);
    assert.equal(partial.code, 0, partial.stderr);
    assert.match(partial.stderr, /merged without shards 3 of 4 \(--allow_partial\)/);
    const rows = FILES.flatMap((f) => readJsonl(path.join(s('m6'), 'details', f)));
    const shardThree = FILES.flatMap((f) => readJsonl(path.join(s('other_shard3of4'), 'details', f)));
    assert.equal(rows.length + shardThree.length, 72);
    assert.deepEqual(JSON.parse(readFileSync(path.join(s('m6'), 'eval_args.json'), 'utf8')).shards.missing, [3]);
    const cacheLines = readFileSync(path.join(s('m6'), 'judge_cache.jsonl'), 'utf8').split('\n').filter(Boolean);
    assert.deepEqual(cacheLines.map((l) => { try { return (JSON.parse(l) as { key: string }).key; } catch { return 'torn'; } }), ['k0', 'torn', 'k2']);

    // A shard interrupted after a resume rewrote a row (its details not yet compacted), with a torn last line.
    const game24 = path.join(s('r_shard1of4'), 'details', 'game24.jsonl');
    const [firstRow] = readJsonl(game24);
    appendFileSync(game24, JSON.stringify({ ...firstRow, score: 0.5, output: 'rewritten' }) + '\n' + '{"id": 9999, "torn');
    const unordered = await merge([0, 1, 2].map((k) => s(`r_shard${k}of4`)).concat(['-o', s('m7'), '--allow_partial']));
    assert.equal(unordered.code, 0, unordered.stderr);
    assert.match(unordered.stderr, /game24\.jsonl: a shard's rows are out of id order or repeated/);
    const mergedGame24 = readJsonl(path.join(s('m7'), 'details', 'game24.jsonl'));
    assert.deepEqual(mergedGame24.map((r) => r.id), readJsonl(path.join(s('m6'), 'details', 'game24.jsonl')).map((r) => r.id), 'the same ids, each once, in order');
    assert.equal(mergedGame24.find((r) => r.id === firstRow.id)?.output, 'rewritten', "the shard's latest row for the id");
  });
});

test('a shard resumes its own folder; resuming it as another shard is refused; a bad line is one shard\'s input error only', async () => {
  await withMock([], async (url) => {
    const dir = tempDir();
    const tests = path.join(dir, 'tests');
    mkdirSync(tests);
    const lines = readFileSync(path.join(SAMPLE_DIR, 'game24.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(path.join(tests, 'game24.jsonl'), [...lines.slice(0, 10), '{"not json', ...lines.slice(10)].join('\n') + '\n');
    const run = (k: number, extra: string[] = []) => runScript('run_eval.ts', ['--url', url, '--model_name', 'm', '--test_dir', tests, '--output_dir', path.join(dir, 'r'), '--quiet', ...extra], { env: { SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: '3' } });
    const results = [await run(0), await run(1), await run(2)];
    const errorCounts = results.map((_, k) => readJsonl(path.join(dir, `r_shard${k}of3`, 'input_errors.jsonl')).length);
    assert.deepEqual(errorCounts.reduce((a, b) => a + b, 0), 1, `the bad line is counted once: ${errorCounts}`);
    assert.deepEqual(results.map((r) => r.code), errorCounts.map((n) => (n > 0 ? 3 : 0)));
    const again = await run(1, ['--resume']);
    assert.match(again.stderr, /resuming/);
    const wrong = await runScript('run_eval.ts', ['--url', url, '--model_name', 'm', '--test_dir', tests, '--resume', path.join(dir, 'r_shard1of3'), '--shard', '2/3']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /it holds shard 1\/3, this run is shard 2\/3/);
    const merged = await runScript('merge.ts', [0, 1, 2].map((k) => path.join(dir, `r_shard${k}of3`)).concat(['-o', path.join(dir, 'all')]));
    assert.equal(merged.code, 0, merged.stderr);
    const meta = readJsonl(path.join(dir, 'all', 'meta.jsonl'));
    assert.deepEqual([meta[0].n, meta[0].n_input_errors], [24, 1]);
  });
});
