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
