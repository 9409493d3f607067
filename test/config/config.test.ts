// The one Config: flags, config files (flat and NeMo-style), overrides, environment and defaults, with where
// each value came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildConfig } from '../../src/config/config.ts';
import { tempDir } from '../support/cli.ts';

const base = ['--model_name', 'm', '--test_dir', 'data/sample'];

function file(name: string, text: string): string {
  const f = path.join(tempDir(), name);
  writeFileSync(f, text);
  return f;
}

test('defaults are the original run_eval.py defaults, except --timeout in real milliseconds', () => {
  const c = buildConfig({ argv: base, env: {} });
  assert.equal(c.url, 'http://127.0.0.1:8000/v1');
  assert.equal(c.api_key, 'EMPTY');
  assert.equal(c.max_concurrent_requests, 128);
  assert.equal(c.template, 'chatml');
  assert.equal(c.max_tokens, 32768);
  assert.equal(c.temperature, 0);
  assert.equal(c.timeout, 6_000_000);
  assert.equal(c.api_mode, 'completion');
  assert.equal(c.max_retries, 16);
  assert.equal(c.max_retrying_delay, 60);
  assert.equal(c.check_model_url, true);
  assert.equal(c.resume, false);
  assert.equal(c.sources.max_tokens, 'default');
});

test('OPENAI_API_KEY is used when --api_key is absent; the flag wins when given', () => {
  assert.equal(buildConfig({ argv: base, env: { OPENAI_API_KEY: 'sk-env' } }).api_key, 'sk-env');
  assert.equal(buildConfig({ argv: [...base, '--api_key', 'sk-flag'], env: { OPENAI_API_KEY: 'sk-env' } }).api_key, 'sk-flag');
});

test('--api_key_name reads the key from the named variable; a missing variable is an error', () => {
  const c = buildConfig({ argv: [...base, '--api_key_name', 'MY_KEY'], env: { MY_KEY: 'sk-named' } });
  assert.equal(c.api_key, 'sk-named');
  assert.equal(c.sources.api_key, 'env');
  assert.throws(() => buildConfig({ argv: [...base, '--api_key_name', 'MISSING'], env: {} }), /environment variable MISSING is not set/);
});

test('booleans: --check_model_url false, --no-check_model_url, and bare flags', () => {
  assert.equal(buildConfig({ argv: [...base, '--check_model_url', 'false'], env: {} }).check_model_url, false);
  assert.equal(buildConfig({ argv: [...base, '--no-check_model_url'], env: {} }).check_model_url, false);
  assert.equal(buildConfig({ argv: [...base, '--strict'], env: {} }).strict, true);
  assert.equal(buildConfig({ argv: base, env: {} }).strict, false);
});

test('--resume alone, --resume DIR', () => {
  assert.equal(buildConfig({ argv: [...base, '--resume'], env: {} }).resume, true);
  assert.equal(buildConfig({ argv: [...base, '--resume', 'output/x'], env: {} }).resume, 'output/x');
});

test('NeMo / EvalScope aliases map onto our names', () => {
  const c = buildConfig({
    argv: ['--model_id', 'm2', '--model_url', 'http://h:1/v1', '--model_type', 'chat', '--parallelism', '7', '--test_dir', 'x', '--n_samples', '3', '--max_new_tokens', '99'],
    env: {},
  });
  assert.deepEqual([c.model_name, c.url, c.api_mode, c.max_concurrent_requests, c.repeats, c.max_tokens], ['m2', 'http://h:1/v1', 'chat_completion', 7, 3, 99]);
});

test('precedence: command line > config file > defaults, with sources recorded', () => {
  const cfg = file('run.yaml', 'model_name: from-file\ntemperature: 0.7\nmax_tokens: 100\ntest_dir: data/sample\n');
  const c = buildConfig({ argv: ['--config', cfg, '--max_tokens', '200'], env: {} });
  assert.equal(c.model_name, 'from-file');
  assert.equal(c.sources.model_name, 'config');
  assert.equal(c.temperature, 0.7);
  assert.equal(c.max_tokens, 200);
  assert.equal(c.sources.max_tokens, 'cli');
  assert.equal(c.sources.top_p, 'default');
});

test('the NeMo nested form maps onto our settings (request_timeout seconds → ms, extra → body)', () => {
  const cfg = file(
    'nemo.yaml',
    [
      'config:',
      '  type: game24',
      '  params:',
      '    temperature: 0.6',
      '    top_p: 0.95',
      '    max_new_tokens: 4096',
      '    max_retries: 5',
      '    parallelism: 32',
      '    request_timeout: 3600',
      '    limit_samples: 10',
      '    extra:',
      '      repeats: 4',
      '      chat_template_kwargs: {enable_thinking: true}',
      'target:',
      '  api_endpoint:',
      '    url: http://127.0.0.1:9000/v1',
      '    model_id: qwen3',
      '    api_key_name: NEMO_KEY',
      '    type: chat',
      '',
    ].join('\n'),
  );
  const c = buildConfig({ argv: ['--config', cfg, '--test_dir', 'x'], env: { NEMO_KEY: 'k' } });
  assert.deepEqual(
    [c.temperature, c.top_p, c.max_tokens, c.max_retries, c.max_concurrent_requests, c.timeout, c.limit, c.repeats, c.url, c.model_name, c.api_mode, c.api_key],
    [0.6, 0.95, 4096, 5, 32, 3_600_000, 10, 4, 'http://127.0.0.1:9000/v1', 'qwen3', 'chat_completion', 'k'],
  );
  assert.deepEqual(c.extra_body, { chat_template_kwargs: { enable_thinking: true } });
  assert.equal(c.eval_type, undefined, 'a task name that is no benchmark (a JSONL run label) is ignored');
  const task = file('nemo-task.yaml', 'config:\n  type: AIME_2025\ntarget:\n  api_endpoint:\n    model_id: qwen3\n');
  const t = buildConfig({ argv: ['--config', task], env: {} });
  assert.equal(t.eval_type, 'AIME_2025', "NeMo's config.type naming a benchmark runs it");
  assert.equal(t.sources.eval_type, 'config');
});

test('an unknown config key is an error naming the key and the nearest valid one', () => {
  assert.throws(() => buildConfig({ argv: ['--config', file('a.yaml', 'model_name: m\ntest_dir: x\ntemprature: 1\n')], env: {} }), /unknown key temprature \(did you mean temperature\?\)/);
  assert.throws(
    () => buildConfig({ argv: ['--config', file('b.yaml', 'config:\n  params:\n    temprature: 1\n'), '--model_name', 'm', '--test_dir', 'x'], env: {} }),
    /unknown key config\.params\.temprature \(did you mean config\.params\.temperature\?\)/,
  );
  assert.throws(() => buildConfig({ argv: ['--config', file('c.json', '{"model_name": "m", "max_tokens": "lots"}'), '--test_dir', 'x'], env: {} }), /max_tokens: expected an integer/);
});

test('-o key=value and --overrides set any key, flat or NeMo path, and win over the file', () => {
  const cfg = file('run.json', JSON.stringify({ model_name: 'm', test_dir: 'x', temperature: 0.1 }));
  const c = buildConfig({ argv: ['--config', cfg, '-o', 'temperature=0.9', '--overrides', 'config.params.top_p=0.5,pass_k=1,2', '--repeats', '2'], env: {} });
  assert.equal(c.temperature, 0.9);
  assert.equal(c.top_p, 0.5);
  assert.deepEqual(c.pass_k, [1, 2]);
  assert.throws(() => buildConfig({ argv: [...base, '-o', 'nonsense'], env: {} }), /--overrides: expected key=value/);
});

test('generation settings: repeatable --stop and --header, --extra_body JSON', () => {
  const c = buildConfig({ argv: [...base, '--stop', 'END', '--stop', '###', '--header', 'X-A: 1', '--header', 'X-B: two', '--extra_body', '{"chat_template_kwargs":{"enable_thinking":false}}'], env: {} });
  assert.deepEqual(c.stop, ['END', '###']);
  assert.deepEqual(c.header, ['X-A: 1', 'X-B: two']);
  assert.deepEqual(c.extra_body, { chat_template_kwargs: { enable_thinking: false } });
  assert.throws(() => buildConfig({ argv: [...base, '--extra_body', '[1]'], env: {} }), /--extra_body: expected a JSON object/);
  assert.throws(() => buildConfig({ argv: [...base, '--header', 'no colon'], env: {} }), /header/);
});

test('impossible combinations are refused before anything starts', () => {
  assert.throws(() => buildConfig({ argv: [...base, '--repeats', '2', '--pass_k', '5'], env: {} }), /every k must be at most --repeats \(2\)/);
  assert.throws(() => buildConfig({ argv: [...base, '--resume', 'a', '--output_dir', 'b'], env: {} }), /give one of them/);
  assert.throws(() => buildConfig({ argv: [...base, '--limit', '2.5'], env: {} }), /--limit: expected a whole number/);
  assert.throws(() => buildConfig({ argv: [...base, '--max_concurrent_requests', '0'], env: {} }), /--max_concurrent_requests: expected/);
  assert.throws(() => buildConfig({ argv: [...base, '--url', 'localhost:8000'], env: {} }), /--url: expected an http\(s\) URL/);
});

test('a full endpoint URL (NeMo style) becomes the base URL, and says the api mode unless --api_mode does', () => {
  const chat = buildConfig({ argv: [...base, '--model_url', 'https://host.example/v1/chat/completions'], env: {} });
  assert.equal(chat.url, 'https://host.example/v1');
  assert.equal(chat.api_mode, 'chat_completion');
  assert.equal(chat.sources.api_mode, 'cli');
  const completions = buildConfig({ argv: [...base, '--url', 'http://127.0.0.1:8000/v1/completions/'], env: {} });
  assert.equal(completions.url, 'http://127.0.0.1:8000/v1');
  assert.equal(completions.api_mode, 'completion');
  const told = buildConfig({ argv: [...base, '--url', 'http://h/v1/chat/completions', '--model_type', 'completions'], env: {} });
  assert.equal(told.url, 'http://h/v1');
  assert.equal(told.api_mode, 'completion', '--model_type wins over the URL');
  assert.equal(buildConfig({ argv: [...base, '--url', 'http://h/v1'], env: {} }).api_mode, 'completion', 'a base URL changes nothing');
});
