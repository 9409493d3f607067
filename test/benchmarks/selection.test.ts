// Which benchmarks a run asks for, and how (src/benchmarks/selection.ts): names and aliases, dataset_args,
// --prompt_template, the hub; every mistake named by flag or key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildConfig } from '../../src/config/config.ts';
import { selectInputs } from '../../src/benchmarks/selection.ts';
import { tempDir } from '../support/cli.ts';

const config = (...argv: string[]) => buildConfig({ argv: ['--model_name', 'm', ...argv], env: { HOME: '/home/u' } });

test('names, aliases and NeMo task names resolve; a subset alias selects its subset; a path entry stays a JSONL input', () => {
  const { benchmarks, paths } = selectInputs(config('--datasets', 'GSM8K,arc_challenge,data/sample', '--eval_type', 'simple_evals.AIME_2025'));
  assert.deepEqual(benchmarks.map((b) => [b.benchmark.name, b.subsets]), [['gsm8k', ['main']], ['arc', ['ARC-Challenge']], ['aime25', ['default']]]);
  assert.deepEqual(paths, ['data/sample']);
  assert.equal(benchmarks[0].fewShotNum, 4, "GSM8K's default 4 shots");
  assert.equal(config('--datasets', 'gsm8k').cache_dir, '/home/u/.cache/bootcamp-eval');
  assert.equal(buildConfig({ argv: ['--model_name', 'm', '--datasets', 'gsm8k'], env: { BOOTCAMP_EVAL_CACHE: '/c' } }).cache_dir, '/c');
  assert.equal(buildConfig({ argv: ['--model_name', 'm', '--datasets', 'gsm8k'], env: { HF_HUB_OFFLINE: '1' } }).offline, true);
});

test('dataset_args: subsets, few-shot count, a prompt variant, a template, another repository and revision, a local path', () => {
  const dir = tempDir();
  const [mmlu] = selectInputs(config('--datasets', 'mmlu', '--dataset_args', JSON.stringify({ mmlu: { subset_list: ['anatomy', 'virology'], few_shot_num: 0, prompt_variant: 'nemo', dataset_id: 'me/mmlu-copy', revision: 'abc123', local_path: dir } }))).benchmarks;
  assert.deepEqual(mmlu.subsets, ['anatomy', 'virology']);
  assert.equal(mmlu.fewShotNum, 0);
  assert.equal(mmlu.promptName, 'nemo');
  assert.match(mmlu.template, /'Answer: \$LETTER'/);
  assert.deepEqual([mmlu.repo, mmlu.revision, mmlu.datasetDir], ['me/mmlu-copy', 'abc123', dir]);
  const [text] = selectInputs(config('--datasets', 'gsm8k', '--dataset_args', JSON.stringify({ gsm8k: { few_shot_num: 0, prompt_template: 'Q: {question}\nA:' } }))).benchmarks;
  assert.equal(text.template, 'Q: {question}\nA:');
});

test('--prompt_template FILE replaces every benchmark prompt; a placeholder it cannot fill, or examples without {fewshot}, are refused', () => {
  const dir = tempDir();
  const good = path.join(dir, 'good.txt');
  writeFileSync(good, '{fewshot}\n\nQuestion: {question}\n{choices}\nReply with one of {letters}.');
  const [mmlu] = selectInputs(config('--datasets', 'mmlu', '--prompt_template', good)).benchmarks;
  assert.equal(mmlu.promptName, 'file');
  assert.equal(mmlu.template, mmlu.fewShotTemplate);
  const bad = path.join(dir, 'bad.txt');
  writeFileSync(bad, 'Q: {qestion}');
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--prompt_template', bad)), /--prompt_template .*bad\.txt: unknown placeholder \{qestion\}/);
  const noShots = path.join(dir, 'noshots.txt');
  writeFileSync(noShots, 'Q: {question}');
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--prompt_template', noShots)), /few_shot_num is 5 but the prompt template has no \{fewshot\}/);
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--prompt_template', path.join(dir, 'missing.txt'))), /--prompt_template: cannot read .*ENOENT/);
});

test('the hub: ModelScope reads the mirror repository; a benchmark without one is refused by name; local data stays local', () => {
  const [gsm8k] = selectInputs(config('--datasets', 'gsm8k', '--dataset_hub', 'modelscope')).benchmarks;
  assert.deepEqual([gsm8k.hub, gsm8k.repo, gsm8k.revision], ['modelscope', 'AI-ModelScope/gsm8k', 'master']);
  assert.throws(() => selectInputs(config('--datasets', 'gpqa_diamond', '--dataset_hub', 'modelscope')), /--dataset_hub modelscope: no ModelScope copy of gpqa_diamond is known/);
  const [ib] = selectInputs(config('--datasets', 'internbootcamp')).benchmarks;
  assert.equal(ib.hub, 'local');
  assert.equal(selectInputs(config('--datasets', 'mmlu', '--dataset_hub', 'local')).benchmarks[0].hub, 'local');
});

test('mistakes name the key: few_shot_random, a prompt variant it lacks, a repository id that is not one', () => {
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--dataset_args', '{"mmlu": {"few_shot_random": true}}')), /mmlu\.few_shot_random: only false/);
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--dataset_args', '{"mmlu": {"prompt_variant": "fancy"}}')), /mmlu\.prompt_variant: mmlu has no prompt "fancy" \(it has default, direct, nemo\)/);
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--dataset_args', '{"mmlu": {"dataset_id": "../etc"}}')), /mmlu\.dataset_id: expected a repository id/);
  assert.throws(() => selectInputs(config('--datasets', 'mmlu', '--dataset_args', '{"mmlu": []}')), /--dataset_args mmlu: expected an object of settings/);
});
