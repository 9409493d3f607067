// Request bodies: every generation setting where vLLM/SGLang read it, and a bootcamp's defaults in their place
// in the precedence order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequest, withBootcampDefaults, type GenerationSettings } from '../../src/model/requests.ts';
import { loadTemplate } from '../../src/templates.ts';

const base: GenerationSettings = { model_name: 'm', api_mode: 'chat_completion', max_tokens: 100, temperature: 0, stop: [] };

test('optional sampling settings are sent only when set; seed is seed + repeat; extra_body is merged last', () => {
  const body = buildRequest({ ...base, top_k: 20, min_p: 0.1, repetition_penalty: 1.1, seed: 7, stop: ['X'], extra_body: { chat_template_kwargs: { enable_thinking: false } } }, loadTemplate('qwen'), 'q', 3).body;
  assert.deepEqual(body, {
    model: 'm',
    messages: [{ role: 'user', content: 'q' }],
    max_tokens: 100,
    temperature: 0,
    stop: ['X'],
    top_k: 20,
    min_p: 0.1,
    repetition_penalty: 1.1,
    seed: 10,
    chat_template_kwargs: { enable_thinking: false },
  });
  assert.equal('top_p' in buildRequest(base, loadTemplate('qwen'), 'q', 0).body, false);
});

test('completion mode sends the template stop words before --stop', () => {
  const req = buildRequest({ ...base, api_mode: 'completion', stop: ['###'] }, loadTemplate('chatml'), 'hi', 0);
  assert.equal(req.endpoint, 'completions');
  assert.deepEqual(req.body.stop, ['<|im_end|>', '<|endoftext|>', '###']);
});

test('a bootcamp default replaces only settings still at their built-in default', () => {
  const defaults = { max_tokens: 4096, temperature: 0.6 };
  const fromUser = new Set(['temperature']);
  const s = withBootcampDefaults(base, defaults, (key) => !fromUser.has(key));
  assert.equal(s.max_tokens, 4096, 'built-in default gives way to the bootcamp');
  assert.equal(s.temperature, 0, 'the user-given temperature wins');
  assert.equal(withBootcampDefaults(base, undefined, () => true), base);
});
