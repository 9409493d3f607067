// EvalScope's command line read as ours: hyphenated flags, --datasets with several words, its TaskConfig-only
// flags mapped as the config keys are, and --eval-type openai_api meaning "a served model".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConfig } from '../../src/config/config.ts';

test("an `evalscope eval` command line works unchanged after the program name", () => {
  const c = buildConfig({
    argv: ['--model', 'Qwen2.5-7B', '--api-url', 'http://127.0.0.1:8801/v1/chat/completions', '--api-key', 'EMPTY', '--eval-type', 'openai_api',
      '--datasets', 'gsm8k', 'arc', '--limit', '5', '--generation-config', '{"max_tokens": 512, "temperature": 0.7, "timeout": 60}', '--eval-batch-size', '16',
      '--dataset-args', '{"arc": {"subset_list": ["ARC-Easy"]}}', '--work-dir', 'outputs'],
    env: {},
  });
  assert.equal(c.model_name, 'Qwen2.5-7B');
  assert.equal(c.url, 'http://127.0.0.1:8801/v1');
  assert.equal(c.api_mode, 'chat_completion');
  assert.deepEqual(c.datasets, ['gsm8k', 'arc']);
  assert.equal(c.eval_type, undefined, 'openai_api is the kind of model, not a benchmark');
  assert.deepEqual([c.max_tokens, c.temperature, c.timeout, c.max_concurrent_requests, c.limit, c.work_dir], [512, 0.7, 60_000, 16, 5, 'outputs']);
  assert.deepEqual(c.dataset_args, { arc: { subset_list: ['ARC-Easy'] } });
  assert.equal(c.sources.max_tokens, 'cli');
});

test('hyphens and underscores are the same flag; --no-flag still negates; our own flag wins over a TaskConfig spelling', () => {
  const c = buildConfig({ argv: ['--model-name', 'm', '--test-dir', 'x', '--no-check-model-url', '--max_tokens', '100', '--generation-config', '{"max_tokens": 5}'], env: {} });
  assert.equal(c.model_name, 'm');
  assert.equal(c.test_dir, 'x');
  assert.equal(c.check_model_url, false);
  assert.equal(c.max_tokens, 100);
  assert.throws(() => buildConfig({ argv: ['--model', 'm', '--datasets', 'gsm8k', '--generation-config', 'max_tokens=5'], env: {} }), /--generation-config: expected a JSON object/);
  assert.throws(() => buildConfig({ argv: ['--model', 'm', '--datasets', 'gsm8k', '--eval-type', 'checkpoint'], env: {} }), /--eval_type: checkpoint .*not supported/);
  assert.throws(() => buildConfig({ argv: ['--model', 'm', '--datasets', 'gsm8k', '--generation-config', '{"beams": 4}'], env: {} }), /command line: generation_config\.beams: not a generation setting/);
});

test("EvalScope's sandbox block in a TaskConfig: enabled, manager_config (with pool_size), engine, default_config", async () => {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bce-taskcfg-'));
  const file = path.join(dir, 'task.yaml');
  writeFileSync(file, 'model: m\napi_url: http://127.0.0.1:8000/v1/chat/completions\ndatasets: [humaneval]\nsandbox:\n  enabled: true\n  engine: docker\n  pool_size: 3\n  manager_config: {base_url: "http://sandbox:1234", api_key: k}\n  default_config: {image: "python:3.12-slim", memory_limit: 2g}\n');
  const c = buildConfig({ argv: ['--config', file], env: {} });
  assert.equal(c.use_sandbox, true);
  assert.deepEqual(c.sandbox_manager_config, { base_url: 'http://sandbox:1234', api_key: 'k', pool_size: 3 });
  assert.equal(c.sandbox_type, 'bwrap', 'with a server, engine names what the server runs');
  assert.deepEqual([c.sandbox_image, c.sandbox_memory_mb], ['python:3.12-slim', 2048]);
  writeFileSync(file, 'model: m\ndatasets: [humaneval]\nsandbox: {enabled: true, engine: docker}\n');
  assert.equal(buildConfig({ argv: ['--config', file], env: {} }).sandbox_type, 'docker', 'engine docker without a server: local Docker');
  writeFileSync(file, 'model: m\ndatasets: [humaneval]\nsandbox: {enabled: true, engnie: docker}\n');
  assert.throws(() => buildConfig({ argv: ['--config', file], env: {} }), /sandbox\.engnie: not a sandbox setting we take/);
});
