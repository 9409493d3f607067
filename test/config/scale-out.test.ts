// Several endpoints and shards in the Config: --url repeated, comma lists and YAML lists; the shard from
// --shard, a Slurm job array or a Kubernetes Indexed Job; what each refuses, and the folder a shard writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildConfig } from '../../src/config/config.ts';
import { shardOf } from '../../src/config/shard-spec.ts';
import { locateRunFolder } from '../../src/resume/locate-run.ts';
import { shardHash, shardOfItem } from '../../src/run/shard-membership.ts';
import { tempDir } from '../support/cli.ts';

const base = ['--model_name', 'm', '--test_dir', 'data/sample'];

test('--url repeated, a comma list, or a YAML list: every endpoint, in order; NeMo full endpoints are cut to their base', () => {
  const repeated = buildConfig({ argv: [...base, '--url', 'http://a:1/v1', '--url', 'http://b:2/v1'], env: {} });
  assert.deepEqual(repeated.urls, ['http://a:1/v1', 'http://b:2/v1']);
  assert.equal(repeated.url, 'http://a:1/v1,http://b:2/v1');
  const comma = buildConfig({ argv: [...base, '--url', 'http://a:1/v1/chat/completions,http://b:2/v1/chat/completions'], env: {} });
  assert.deepEqual(comma.urls, ['http://a:1/v1', 'http://b:2/v1']);
  assert.equal(comma.api_mode, 'chat_completion');
  const yaml = path.join(tempDir(), 'run.yaml');
  writeFileSync(yaml, 'url:\n  - http://a:1/v1\n  - http://c:3/v1\nmodel_name: m\ntest_dir: data/sample\n');
  assert.deepEqual(buildConfig({ argv: ['--config', yaml], env: {} }).urls, ['http://a:1/v1', 'http://c:3/v1']);
  assert.deepEqual(buildConfig({ argv: base, env: {} }).urls, ['http://127.0.0.1:8000/v1']);
});

test('bad endpoint lists are refused naming --url', () => {
  assert.throws(() => buildConfig({ argv: [...base, '--url', 'http://a:1/v1,ftp://b/v1'], env: {} }), /--url: expected an http\(s\) URL/);
  assert.throws(() => buildConfig({ argv: [...base, '--url', 'http://a:1/v1', '--url', 'http://a:1/v1'], env: {} }), /--url: an endpoint is named twice \(http:\/\/a:1\/v1\)/);
  assert.throws(() => buildConfig({ argv: [...base, '--url', 'http://a:1/v1/chat/completions,http://b:1/v1/completions'], env: {} }), /different api modes/);
  assert.throws(() => buildConfig({ argv: [...base, '--per_endpoint_concurrency', '0'], env: {} }), /--per_endpoint_concurrency: expected/);
});

test('the shard comes from --shard, else SLURM_ARRAY_TASK_ID with its count (or MIN/MAX/STEP), else JOB_COMPLETION_INDEX with --shard_count', () => {
  assert.deepEqual(shardOf('3/8', undefined, {}), { index: 3, count: 8, source: '--shard' });
  assert.deepEqual(shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '8' }), { index: 5, count: 8, source: 'SLURM_ARRAY_TASK_ID' });
  // --array=1-8 and --array=0-14:2 number their shards 0..7 as --array=0-7 does.
  assert.deepEqual(shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '8' }), { index: 0, count: 8, source: 'SLURM_ARRAY_TASK_ID' });
  assert.deepEqual(shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: '14', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '14', SLURM_ARRAY_TASK_STEP: '2' }), { index: 7, count: 8, source: 'SLURM_ARRAY_TASK_ID' });
  assert.deepEqual(shardOf(undefined, 4, { JOB_COMPLETION_INDEX: '2' }), { index: 2, count: 4, source: 'JOB_COMPLETION_INDEX' });
  // The flag wins over the environment.
  assert.deepEqual(shardOf('0/2', undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '8' }), { index: 0, count: 2, source: '--shard' });
  assert.equal(shardOf(undefined, undefined, {}), undefined);
});

test('impossible shards are refused naming the flag or the variable', () => {
  assert.throws(() => shardOf('8/8', undefined, {}), /--shard 8\/8: shard 8 is not below the shard count 8 \(shards are 0-based: 0\.\.7\)/);
  assert.throws(() => shardOf(undefined, undefined, { JOB_COMPLETION_INDEX: '1' }), /JOB_COMPLETION_INDEX is set .* --shard_count N/);
  assert.throws(() => shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: '3' }), /SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT/);
  assert.throws(() => shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' }), /SLURM_ARRAY_TASK_ID: expected a whole number, got "x"/);
  assert.throws(() => shardOf(undefined, undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' }), /not on the array's grid/);
  assert.throws(() => shardOf('1/4', 8, {}), /disagree on the shard count/);
  assert.throws(() => shardOf(undefined, 8, {}), /--shard_count needs a shard index/);
  assert.throws(() => buildConfig({ argv: [...base, '--shard', '3'], env: {} }), /--shard: expected k\/n with 0 <= k < n/);
});

test('the Config carries the shard from the environment; --shard 0/1 runs every item inside an array', () => {
  const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' };
  assert.deepEqual(buildConfig({ argv: base, env }).shardSpec, { index: 2, count: 4, source: 'SLURM_ARRAY_TASK_ID' });
  assert.equal(buildConfig({ argv: [...base, '--shard', '0/1'], env }).shardSpec, undefined);
  // ls and --help are not runs: the environment does not make them shards.
  assert.equal(buildConfig({ argv: ['ls'], env }).shardSpec, undefined);
});

test('shard membership is a fixed function of (file, id, repeat): recorded values, every item in exactly one shard, shards balanced within each file', () => {
  // Changing the hash would split resumed shards differently from their first run: these values are fixed.
  assert.deepEqual([shardHash('game24.jsonl', 0, 0), shardHash('game24.jsonl', 1, 0), shardHash('maze.jsonl', 0, 0), shardHash('game24.jsonl', 0, 1)], [1457714038, 2348280093, 539309185, 3017887614]);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((id) => shardOfItem('game24.jsonl', id, 0, 8)), [6, 5, 3, 2, 1, 2, 7, 6]);
  for (const file of ['a.jsonl', 'mmlu_anatomy.jsonl']) {
    const counts = new Array(8).fill(0);
    for (let id = 0; id < 8000; id++) counts[shardOfItem(file, id, 0, 8)]++;
    for (const n of counts) assert.ok(n > 880 && n < 1120, `${file}: ${counts.join(' ')}`);
  }
});

test("a shard's folder is the default name or --output_dir with _shard{k}of{n}; bare --resume finds the newest of that shard only", () => {
  const root = tempDir();
  const now = new Date(2026, 0, 2, 3, 4, 5);
  const fresh = locateRunFolder({ resume: false, outputRoot: root, modelName: 'm', testDir: 'data/eval', now, suffix: '_shard3of8' });
  assert.equal(fresh.folder, path.join(root, 'm_eval_20260102_030405_shard3of8'));
  assert.equal(locateRunFolder({ resume: false, outputDir: '/runs/x/', outputRoot: root, modelName: 'm', testDir: 'd', now, suffix: '_shard3of8' }).folder, '/runs/x_shard3of8');
  for (const name of ['m_eval_20260101_000000_shard3of8', 'm_eval_20260103_000000_shard2of8', 'm_eval_20260104_000000']) mkdirSync(path.join(root, name));
  const resumed = locateRunFolder({ resume: true, outputRoot: root, modelName: 'm', testDir: 'data/eval', now, suffix: '_shard3of8' });
  assert.deepEqual(resumed, { folder: path.join(root, 'm_eval_20260101_000000_shard3of8'), resuming: true });
  // An unsharded resume never picks up a shard's folder.
  assert.equal(locateRunFolder({ resume: true, outputRoot: root, modelName: 'm', testDir: 'data/eval', now }).folder, path.join(root, 'm_eval_20260104_000000'));
});
