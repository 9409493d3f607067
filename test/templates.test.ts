import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_TEMPLATES, loadTemplate, renderPrompt } from '../src/templates.ts';

// sha256 of TEMPLATE_MAP[name]["chat_template"].format(input=INPUT) computed with the original run_eval.py.
const ORIGINAL_SHA256: Record<string, string> = {
  r1: '0026055ba58300a31014356e7224303a461e22a4cab316629dd6a1e2cd7c84bb',
  qwen: '2bffabae56a089c17aae32e369623fbb13f0ff6038a86a9b302776c6f7ace1e7',
  internthinker: '53b7e2d24309ac297962593c0f64d58221e223d427363357c4e0f6f232642aba',
  chatml: '6288246576e91fb74aea2a72949d334ac85e404bc95d01d77036ac1235c299bf',
};
const INPUT = 'Solve {x}: use 1 2 3 4 → 24.\n请解决 {input} }{';

test('each built-in template renders the same bytes as the original TEMPLATE_MAP', () => {
  for (const name of BUILTIN_TEMPLATES) {
    const rendered = renderPrompt(loadTemplate(name), INPUT);
    assert.equal(createHash('sha256').update(rendered, 'utf8').digest('hex'), ORIGINAL_SHA256[name], name);
  }
});

test('r1 keeps its full-width bars and the opening think tag', () => {
  const r1 = loadTemplate('r1');
  assert.equal(renderPrompt(r1, 'Q'), '<｜begin▁of▁sentence｜><｜User｜>Q<｜Assistant｜><think>\n');
  assert.deepEqual(r1.stop_words, ['<｜end▁of▁sentence｜>']);
});

test('system text is known for the templates that have one', () => {
  assert.equal(loadTemplate('qwen').system, 'You are a helpful assistant.');
  assert.equal(loadTemplate('chatml').system, undefined);
  assert.match(loadTemplate('internthinker').system ?? '', /^You are an expert reasoner/);
});

test('a template file is loaded and a bad one is refused with the reason', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tpl-'));
  const good = path.join(dir, 'mine.json');
  writeFileSync(good, JSON.stringify({ chat_template: '[[{input}]]', stop_words: ['END'] }));
  assert.equal(renderPrompt(loadTemplate(good), 'x'), '[[x]]');
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ chat_template: 'no slot', stop_words: [] }));
  assert.throws(() => loadTemplate(bad), /chat_template: expected a chat_template containing \{input\}/);
  assert.throws(() => loadTemplate('llama9'), /expected one of r1, qwen, internthinker, chatml/);
});
