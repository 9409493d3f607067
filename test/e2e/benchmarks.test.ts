// Named benchmarks end to end, as a user runs them: run_eval against the mock model (real HTTP, a child
// process) and a stand-in hub on loopback serving the shared data in the hub's layout. Downloads once into the
// cache, then reads from it; resumes without asking again; offline, gated, TaskConfig, NeMo's eval_type and
// full endpoint URL, ModelScope, local copies, ls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { benchmarkItems, GATED_TOKEN, SHARED_DATA, startBenchmarkHub, benchmarkHubFiles } from '../support/benchmark-hub.ts';
import { startHubServer } from '../support/hub-server.ts';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { bwrapSkipReason } from '../support/sandbox.ts';

const skip = existsSync(path.join(SHARED_DATA, 'gsm8k')) ? false : 'needs ../shared/data';
const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');

/** A solutions file answering each item with its gold answer the way a model would write it. */
async function goldSolutions(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const it of await benchmarkItems('gsm8k', 'main', { limit: 4 })) {
    lines.push(JSON.stringify({ prompt: it.prompt, output: `Step by step...\nThe answer is \\boxed{${(it.ground_truth as { answer: string }).answer}}.` }));
  }
  for (const subject of ['anatomy', 'astronomy']) {
    for (const it of await benchmarkItems('mmlu', subject, { limit: 4 })) lines.push(JSON.stringify({ prompt: it.prompt, output: `Thinking about each option.\nANSWER: ${(it.ground_truth as { answer: string }).answer}` }));
  }
  const file = path.join(dir, 'solutions.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const runEval = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('run_eval.ts', args, { env: { ...process.env, HF_ENDPOINT: undefined, HF_TOKEN: undefined, HF_HUB_OFFLINE: undefined, ...env } });

test('gsm8k and two MMLU subjects by name: downloaded once, scored per subset, averaged per benchmark, reported as EvalScope does, resumed without asking again', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const mock = await startMockProcess(['--model', 'm', '--solutions', await goldSolutions(dir)]);
  try {
    const cache = path.join(dir, 'cache');
    const out = path.join(dir, 'run');
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--datasets', 'gsm8k,mmlu', '--dataset_args', '{"mmlu": {"subset_list": ["anatomy", "astronomy"]}}', '--limit', '4', '--cache_dir', cache, '--output_dir', out];
    const first = await runEval(args, { HF_ENDPOINT: hub.origin });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /GSM8K: 1\.0000 \(weighted over 4 items\)/);
    assert.match(first.stdout, /MMLU: 1\.0000 \(weighted over 8 items, macro average over 2 subsets 1\.0000\)/);
    assert.deepEqual(readdirSync(path.join(out, 'details')).sort(), ['gsm8k.jsonl', 'mmlu_anatomy.jsonl', 'mmlu_astronomy.jsonl']);
    const rows = readJsonl(path.join(out, 'details', 'mmlu_anatomy.jsonl'));
    assert.deepEqual(rows.map((r) => r.id), [0, 1, 2, 3]);
    assert.ok(rows.every((r) => r.data_source === 'MultipleChoice' && r.score === 1));
    assert.match(String(rows[0].prompt), /^Here are some examples of how to answer similar questions:/, 'five dev examples by default');
    // gsm8k test+train, and for each subject test+dev: six files, each fetched once.
    const fetched = hub.requests.map((r) => r.url);
    assert.equal(fetched.length, 6, fetched.join('\n'));
    assert.ok(existsSync(path.join(cache, 'huggingface', 'cais', 'mmlu', 'main', 'anatomy', 'dev-00000-of-00001.parquet')));

    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.readFile(path.join(out, 'm_scores.xlsx')).Sheets.Sheet1);
    const labels = sheet.map((r) => r.bootcamp);
    assert.deepEqual(labels, ['gsm8k', 'mmlu_anatomy', 'mmlu_astronomy', 'Total Average', 'gsm8k (weighted average over 1 subset)', 'mmlu (weighted average over 2 subsets)', 'mmlu (macro average over subsets)']);
    const report = JSON.parse(readFileSync(path.join(out, 'reports', 'm', 'mmlu.json'), 'utf8'));
    assert.equal(report.dataset_name, 'mmlu');
    assert.equal(report.score, 1);
    assert.equal(report.metrics[0].num, 8);
    assert.deepEqual(report.metrics[0].categories.map((c: { name: string[] }) => c.name[0]).sort(), ['Other', 'STEM']);
    const results = parseYaml(readFileSync(path.join(out, 'results.yml'), 'utf8'));
    assert.equal(results.results.tasks.mmlu.metrics.accuracy.scores.micro.value, 1);
    assert.equal(results.results.tasks.mmlu.metrics.accuracy.scores.macro.stats.count, 2);
    const meta = readJsonl(path.join(out, 'meta.jsonl'));
    assert.deepEqual(meta.map((m) => m.file), ['gsm8k.jsonl', 'mmlu_anatomy.jsonl', 'mmlu_astronomy.jsonl']);

    // Resume: nothing is asked again, nothing downloaded again (HF_ENDPOINT unset: the cache is enough).
    const before = (await mock.stats()).chat as number;
    const again = await runEval([...args, '--resume']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await mock.stats()).chat, before, 'no request on resume');
    assert.equal(hub.requests.length, 6);
    // rescore --run rebuilds the same summaries from the details and eval_args.json.
    rmSync(path.join(out, 'reports'), { recursive: true });
    const rescored = await runScript('rescore.ts', ['--run', out]);
    assert.equal(rescored.code, 0, rescored.stderr);
    assert.equal(JSON.parse(readFileSync(path.join(out, 'reports', 'm', 'mmlu.json'), 'utf8')).score, 1);
    const resheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.readFile(path.join(out, 'm_scores.xlsx')).Sheets.Sheet1);
    assert.deepEqual(resheet.map((r) => r.bootcamp), labels);
    assert.equal(readJsonl(path.join(out, 'meta.jsonl'))[1].subset, 'anatomy');
    // compare shows a benchmark's subsets as rows of their own, as the summary does.
    cpSync(out, path.join(dir, 'copy'), { recursive: true });
    const compared = await runScript('compare.ts', [out, path.join(dir, 'copy'), '-o', path.join(dir, 'cmp')]);
    assert.equal(compared.code, 0, compared.stderr);
    assert.match(compared.stdout, /\| mmlu_anatomy \| 4 \| 100\.0 \| 100\.0 \|/);
    // Another few-shot count changes every prompt: resume refuses it, naming the benchmark setting.
    const changed = await runEval([...args.slice(0, -6), '--dataset_args', '{"mmlu": {"subset_list": ["anatomy", "astronomy"], "few_shot_num": 0}}', '--limit', '4', '--cache_dir', cache, '--output_dir', out, '--resume']);
    assert.equal(changed.code, 2);
    assert.match(changed.stderr, /benchmark mmlu \(data, examples, prompt\): .*"few_shot_num":5.*→.*"few_shot_num":0/s);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('offline with the data absent: one message naming the file and where to put it, exit 2, no request to the hub or the model', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--eval_type', 'AIME_2025', '--cache_dir', path.join(dir, 'cache'), '--output_dir', path.join(dir, 'run')], { HF_ENDPOINT: hub.origin, HF_HUB_OFFLINE: '1' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /math-ai\/aime25\/test\.jsonl .*not here, and offline nothing is downloaded.*Put the file at .*cache\/huggingface\/math-ai\/aime25\/main\/test\.jsonl/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.equal(hub.requests.length, 0);
    assert.equal((await mock.stats()).requests, 0);
    assert.equal(existsSync(path.join(dir, 'run')), false, 'no run folder');
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('GPQA-Diamond is gated: without HF_TOKEN a message says how to get access; with it the run goes, and the token is written nowhere', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const args = ['--url', `${mock.baseUrl}/chat/completions`, '--model_name', 'm', '--eval_type', 'gpqa_diamond', '--cache_dir', path.join(dir, 'cache'), '--output_dir', path.join(dir, 'run')];
    const refused = await runEval(args, { HF_ENDPOINT: hub.origin });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Idavidrein\/gpqa\/gpqa_diamond\.csv is gated on huggingface \(HTTP 401\): accept its terms at https:\/\/huggingface\.co\/datasets\/Idavidrein\/gpqa and set HF_TOKEN/);
    const ok = await runEval(args, { HF_ENDPOINT: hub.origin, HF_TOKEN: GATED_TOKEN });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /GPQA-Diamond: \d\.\d{4} \(weighted over 4 items\)/);
    assert.equal(hub.requests.at(-1)?.authorization, `Bearer ${GATED_TOKEN}`);
    const details = readJsonl(path.join(dir, 'run', 'details', 'gpqa_diamond.jsonl'));
    assert.equal(details.length, 4);
    // The full endpoint URL set chat mode (NeMo's --model_url habit).
    const evalArgs = JSON.parse(readFileSync(path.join(dir, 'run', 'eval_args.json'), 'utf8'));
    assert.equal(evalArgs.api_mode, 'chat_completion');
    assert.equal(evalArgs.url, mock.baseUrl);
    for (const f of [...readdirSync(path.join(dir, 'run')), ...readdirSync(path.join(dir, 'run', 'details')).map((d) => `details/${d}`)]) {
      const file = path.join(dir, 'run', f);
      if (existsSync(file) && !f.endsWith('details') && !f.endsWith('reports')) assert.ok(!readFileSync(file).includes(GATED_TOKEN), `${f} holds no token`);
    }
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('an EvalScope TaskConfig runs unchanged: its keys mapped (sources recorded), a judge strategy without a judge refused by key, checkpoint models refused', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const mock = await startMockProcess(['--model', 'qwen']);
  try {
    const taskConfig = {
      model: 'qwen',
      api_url: `${mock.baseUrl}/chat/completions`,
      api_key: 'sk-task-config-secret',
      eval_type: 'service',
      datasets: ['arc', 'hellaswag'],
      dataset_args: { arc: { subset_list: ['ARC-Challenge'] } },
      limit: 2,
      repeats: 1,
      eval_batch_size: 4,
      generation_config: { max_tokens: 256, temperature: 0.0, top_p: 0.9, seed: 7, timeout: 90 },
      model_args: { default_headers: { 'X-Team': 'evals' }, max_retries: 3 },
      judge_strategy: 'rule',
      work_dir: path.join(dir, 'work'),
      use_sandbox: false,
    };
    const file = path.join(dir, 'task.json');
    writeFileSync(file, JSON.stringify(taskConfig));
    const r = await runEval(['--config', file, '--cache_dir', path.join(dir, 'cache')], { HF_ENDPOINT: hub.origin });
    assert.equal(r.code, 0, r.stderr);
    const [folder] = readdirSync(path.join(dir, 'work'));
    assert.match(folder, /^qwen_arc_hellaswag_\d{8}_\d{6}$/);
    const evalArgs = JSON.parse(readFileSync(path.join(dir, 'work', folder, 'eval_args.json'), 'utf8'));
    assert.equal(evalArgs.max_concurrent_requests, 4);
    assert.equal(evalArgs.timeout, 90_000, 'seconds there, milliseconds here');
    assert.equal(evalArgs.max_tokens, 256);
    assert.deepEqual(evalArgs.header, ['X-Team: evals']);
    assert.equal(evalArgs.settings_sources.max_tokens, 'config');
    assert.equal(evalArgs.api_key, '***');
    assert.deepEqual(readdirSync(path.join(dir, 'work', folder, 'details')).sort(), ['arc_ARC-Challenge.jsonl', 'hellaswag.jsonl']);
    assert.ok(!readFileSync(path.join(dir, 'work', folder, 'eval_args.json'), 'utf8').includes('sk-task-config-secret'));

    writeFileSync(file, JSON.stringify({ ...taskConfig, judge_strategy: 'llm_recall' }));
    const judge = await runEval(['--config', file]);
    assert.equal(judge.code, 2);
    assert.match(judge.stderr, /config key judge_strategy: llm_recall needs a judge: give judge_model_args/);
    writeFileSync(file, JSON.stringify({ ...taskConfig, eval_type: 'checkpoint' }));
    const ckpt = await runEval(['--config', file]);
    assert.equal(ckpt.code, 2);
    assert.match(ckpt.stderr, /eval_type: checkpoint .*not supported: serve the model behind an OpenAI-compatible server/);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('InternBootcamp by name from a local copy, beside a --test_dir file and a --datasets path, in one run', { skip }, async () => {
  const dir = tempDir();
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const game24 = path.join(SHARED_DATA, 'internbootcamp_eval', 'game24.jsonl');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--datasets', `internbootcamp,${path.join(SHARED_DATA, 'internbootcamp_eval', 'maze.jsonl')}`, '--test_dir', game24,
      '--dataset_args', '{"internbootcamp": {"subset_list": ["sudoku", "cipher_merged"]}}', '--dataset_dir', SHARED_DATA, '--limit', '3', '--output_dir', path.join(dir, 'run'), '--cache_dir', path.join(dir, 'cache')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(path.join(dir, 'run', 'details')).sort(), ['game24.jsonl', 'internbootcamp_cipher_merged.jsonl', 'internbootcamp_sudoku.jsonl', 'maze.jsonl']);
    const sudoku = readJsonl(path.join(dir, 'run', 'details', 'internbootcamp_sudoku.jsonl'));
    assert.equal(sudoku[0].data_source, 'Sudoku', "each line keeps its own bootcamp");
    assert.match(r.stdout, /InternBootcamp: \d\.\d{4} \(weighted over 6 items, macro average over 2 subsets/);
    const dry = await runEval(['--model_name', 'm', '--datasets', 'internbootcamp', '--dataset_dir', SHARED_DATA, '--dataset_args', '{"internbootcamp": {"subset_list": ["game24"]}}', '--limit', '2', '--dry_run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /internbootcamp_game24\.jsonl: 2 items \(limited from 64\)/);
    const noDir = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--datasets', 'internbootcamp', '--cache_dir', path.join(dir, 'cache')]);
    assert.equal(noDir.code, 2);
    assert.match(noDir.stderr, /internbootcamp: \w+\.jsonl not found \(internbootcamp's files are not published on a hub\)\. Give --dataset_dir DIR with the file at DIR\/internbootcamp_eval\//);
  } finally {
    await mock.stop();
  }
});

test('ModelScope: --dataset_hub modelscope reads the mirror repository through MODELSCOPE_ENDPOINT', { skip }, async () => {
  const dir = tempDir();
  const files = await benchmarkHubFiles();
  const hub = await startHubServer({
    files: {
      'AI-ModelScope/gsm8k@master/main/test-00000-of-00001.parquet': files['openai/gsm8k@main/main/test-00000-of-00001.parquet'],
      'AI-ModelScope/gsm8k@master/main/train-00000-of-00001.parquet': files['openai/gsm8k@main/main/train-00000-of-00001.parquet'],
    },
  });
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--datasets', 'gsm8k', '--dataset_hub', 'modelscope', '--limit', '2', '--cache_dir', path.join(dir, 'cache'), '--output_dir', path.join(dir, 'run')], { MODELSCOPE_ENDPOINT: hub.origin });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(hub.requests.every((q) => q.url.startsWith('/api/v1/datasets/AI-ModelScope/gsm8k/repo?Revision=master&FilePath=')), hub.requests.map((q) => q.url).join('\n'));
    assert.equal(readJsonl(path.join(dir, 'run', 'details', 'gsm8k.jsonl')).length, 2);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('mistakes name the flag or key: an unknown benchmark (with a suggestion), a subset it lacks, a dataset_args key we do not take', async () => {
  const cases: [string[], RegExp][] = [
    [['--datasets', 'gsm8', '--model_name', 'm'], /--datasets: unknown benchmark "gsm8" \(did you mean gsm8k\?\)/],
    [['--eval_type', 'AIME_2052', '--model_name', 'm'], /--eval_type: unknown benchmark "AIME_2052" \(did you mean/],
    [['--datasets', 'mmlu', '--dataset_args', '{"mmlu": {"subset_list": ["anatomyy"]}}', '--model_name', 'm'], /--dataset_args mmlu\.subset_list: mmlu has no subset "anatomyy" \(did you mean anatomy\?\)/],
    [['--datasets', 'mmlu', '--dataset_args', '{"mmlu": {"few_shot_nums": 2}}', '--model_name', 'm'], /--dataset_args mmlu\.few_shot_nums: not a setting we take \(did you mean few_shot_num\?\)/],
    [['--datasets', 'mmlu', '--dataset_args', '{"gsm8k": {}}', '--model_name', 'm'], /--dataset_args: "gsm8k" is not one of this run's benchmarks/],
    [['--datasets', 'aime24', '--dataset_args', '{"aime24": {"few_shot_num": 3}}', '--model_name', 'm'], /aime24 has no split to take examples from/],
    [['--datasets', 'gsm8k', '--dataset_hub', 'nowhere', '--model_name', 'm'], /--dataset_hub: expected one of/],
  ];
  for (const [args, message] of cases) {
    const r = await runEval([...args, '--no-check_model_url', '--cache_dir', tempDir()]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
});

test('ls lists every benchmark beside the bootcamps; --json gives each source as {hub, repo, revision, files} and says what is cached', { skip }, async () => {
  const dir = tempDir();
  const r = await runScript('run_eval.ts', ['ls', '--json', '--dataset_dir', SHARED_DATA, '--cache_dir', dir]);
  assert.equal(r.code, 0, r.stderr);
  const listing = JSON.parse(r.stdout);
  const names = listing.benchmarks.map((b: { name: string }) => b.name);
  assert.deepEqual(names, ['gsm8k', 'mmlu', 'gpqa_diamond', 'arc', 'hellaswag', 'aime24', 'aime25', 'math_500', 'humaneval', 'live_code_bench', 'scicode', 'scicode_background', 'scicode_aa_v2', 'ifeval', 'simple_qa', 'chartqa', 'mmmu', 'math_vista', 'internbootcamp']);
  assert.deepEqual(listing.benchmarks[7].subsets, ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
  const mmlu = listing.benchmarks[1];
  assert.equal(mmlu.subsets.length, 57);
  assert.equal(mmlu.source.hub, 'huggingface');
  assert.equal(mmlu.source.repo, 'cais/mmlu');
  assert.deepEqual(mmlu.source.files[0], { split: 'test', path: 'abstract_algebra/test-00000-of-00001.parquet', format: 'parquet', subset: 'abstract_algebra' });
  assert.equal(mmlu.cached, false);
  const ib = listing.benchmarks.at(-1);
  assert.equal(ib.cached, true, 'the shared copy under --dataset_dir');
  assert.equal(ib.rows.test, 5488);
  assert.ok(listing.bootcamps.some((b: { name: string }) => b.name === 'MultipleChoice'));
  const text = await runScript('run_eval.ts', ['ls', '--cache_dir', dir]);
  assert.match(text.stdout, /19 benchmarks \(--datasets NAME,\.\.\. or --eval_type NAME/);
  assert.match(text.stdout, /gpqa_diamond\s+GPQA-Diamond \[gpqa, .*huggingface:Idavidrein\/gpqa.*not cached/);
});

test('HumanEval by name runs its tests in the sandbox: canonical solutions pass, a wrong body fails, and without --use_sandbox it is refused', { skip: skip || bwrapSkipReason() }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const problems = readFileSync(path.join(SHARED_DATA, 'humaneval', 'HumanEval.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 4).map((l) => JSON.parse(l));
  const items = await benchmarkItems('humaneval', 'default', { limit: 4 });
  // Three right (the prompt and its canonical body), one wrong (the body replaced by a bare return).
  const solutions = items.map((it, i) => JSON.stringify({ prompt: it.prompt, output: '```python\n' + problems[i].prompt + (i === 3 ? '    return None\n' : problems[i].canonical_solution) + '```' }));
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions.join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl')]);
  try {
    const args = ['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--datasets', 'humaneval', '--limit', '4', '--cache_dir', path.join(dir, 'cache')];
    const refused = await runEval([...args, '--output_dir', path.join(dir, 'refused')], { HF_ENDPOINT: hub.origin });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--use_sandbox/);
    const r = await runEval([...args, '--use_sandbox', '--output_dir', path.join(dir, 'run')], { HF_ENDPOINT: hub.origin });
    assert.equal(r.code, 0, r.stderr);
    const rows = readJsonl(path.join(dir, 'run', 'details', 'humaneval.jsonl'));
    assert.deepEqual(rows.map((x) => x.score), [1, 1, 1, 0]);
    assert.match(String(rows[0].prompt), /^Read the following function signature and docstring, and fully implement the function described\./);
    assert.ok(rows.every((x) => !JSON.stringify(x.ground_truth).includes('canonical_solution')), 'the canonical solution stays out of the item');
    assert.match(r.stdout, /HumanEval: 0\.7500 \(weighted over 4 items\)/);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('MATH-500 by name, two Level subsets: a details file per level, worked solutions score 1 and a wrong box 0, the extracted answer shown normalised, the report per level', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const solutions: string[] = [];
  const shared = readFileSync(path.join(SHARED_DATA, 'math500/test.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { problem: string; solution: string; level: number });
  for (const level of [1, 5]) {
    const items = await benchmarkItems('math_500', `Level ${level}`, { limit: 3 });
    const rows = shared.filter((r) => r.level === level).slice(0, 3);
    // The first two are answered with the row's own solution; the third gets the mock's wrong text.
    items.slice(0, 2).forEach((it, i) => solutions.push(JSON.stringify({ prompt: it.prompt, output: rows[i].solution })));
  }
  writeFileSync(path.join(dir, 'solutions.jsonl'), solutions.join('\n') + '\n');
  const mock = await startMockProcess(['--model', 'm', '--solutions', path.join(dir, 'solutions.jsonl'), '--wrong-text', 'Hence $\\boxed{-123457}$.']);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--datasets', 'math_500', '--dataset_args', '{"math_500": {"subset_list": ["Level 1", "Level 5"]}}', '--limit', '3', '--cache_dir', path.join(dir, 'cache'), '--output_dir', out], { HF_ENDPOINT: hub.origin });
    assert.equal(r.code, 0, r.stderr);
    for (const level of [1, 5]) {
      const rows = readJsonl(path.join(out, 'details', `math_500_Level_${level}.jsonl`));
      assert.deepEqual(rows.map((row) => row.score), [1, 1, 0], `Level ${level}`);
      assert.equal(rows[2].extracted_output, '-123457');
      assert.equal(typeof rows[0].extracted_output, 'string');
    }
    const report = JSON.parse(readFileSync(path.join(out, 'reports', 'm', 'math_500.json'), 'utf8'));
    const subsets = report.metrics[0].categories[0].subsets as { name: string; score: number; num: number }[];
    assert.deepEqual(subsets.map((x) => [x.name, x.num]), [['Level 1', 3], ['Level 5', 3]]);
    assert.equal(report.metrics[0].score, Math.round((4 / 6) * 1e4) / 1e4);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('IFEval by name: each row carries its strict and loose verdicts; meta, the xlsx, results.yml and the report carry the four accuracies', { skip }, async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const mock = await startMockProcess(['--model', 'm']);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'm', '--api_mode', 'chat_completion', '--datasets', 'ifeval', '--limit', '25', '--cache_dir', path.join(dir, 'cache'), '--output_dir', out], { HF_ENDPOINT: hub.origin });
    assert.equal(r.code, 0, r.stderr);
    const rows = readJsonl(path.join(out, 'details', 'ifeval.jsonl'));
    assert.equal(rows.length, 25);
    const { judge } = await import('../../bootcamps/ifeval/ifeval.ts');
    await (await import('../../bootcamps/ifeval/language.ts')).loadLanguageDetector();
    let strictHits = 0;
    let strictOf = 0;
    for (const row of rows) {
      const v = judge(String(row.output), row.ground_truth as never);
      assert.deepEqual(row.extracted_output, v, `row ${row.id}`);
      assert.equal(row.score, v.strict.every(Boolean) ? 1 : 0);
      const m = row.metrics as Record<string, [number, number]>;
      assert.deepEqual(m.inst_level_loose, [v.loose.filter(Boolean).length, v.loose.length]);
      strictHits += v.strict.filter(Boolean).length;
      strictOf += v.strict.length;
    }
    const [meta] = readJsonl(path.join(out, 'meta.jsonl'));
    assert.equal(meta.inst_level_strict, strictHits / strictOf);
    assert.equal(meta.prompt_level_strict, meta.avg_score);
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.readFile(path.join(out, 'm_scores.xlsx')).Sheets.Sheet1);
    assert.equal(sheet[0].inst_level_strict, strictHits / strictOf);
    assert.ok('prompt_level_loose' in sheet[0] && 'inst_level_loose' in sheet[0]);
    const report = JSON.parse(readFileSync(path.join(out, 'reports', 'm', 'ifeval.json'), 'utf8'));
    assert.deepEqual(report.metrics.map((x: { name: string }) => x.name), ['prompt_level_strict', 'inst_level_strict', 'prompt_level_loose', 'inst_level_loose']);
    assert.equal(report.metrics[1].score, Math.round((strictHits / strictOf) * 1e4) / 1e4);
    const results = parseYaml(readFileSync(path.join(out, 'results.yml'), 'utf8'));
    assert.equal(results.results.tasks.ifeval.metrics.score.scores.mean.value, meta.avg_score);
    // rescore --run recomputes the verdicts and keeps the four accuracies.
    const rescored = await runScript('rescore.ts', ['--run', out]);
    assert.equal(rescored.code, 0, rescored.stderr);
    assert.equal(readJsonl(path.join(out, 'meta.jsonl'))[0].inst_level_strict, strictHits / strictOf);
    assert.deepEqual(readJsonl(path.join(out, 'details', 'ifeval.jsonl'))[0].metrics, rows[0].metrics);
  } finally {
    await mock.stop();
    await hub.close();
  }
});
