// The catalog against EvalScope: the prompt built for the first rows equals the one EvalScope builds, byte for
// byte (test/fixtures/benchmarks/evalscope-prompts.json, recorded from modelscope/evalscope fde259d2 by the
// script beside it), its multiple-choice reading agrees with parse_answers, and on every row of the shared
// GSM8K, MMLU, AIME and MATH-500 data the gold answer written as a model would scores 1 and a wrong one 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCHMARKS, findBenchmark, resolveBenchmarkName } from '../../benchmarks/index.ts';
import type { Benchmark, Row } from '../../benchmarks/types.ts';
import { readRows } from '../../src/datasets/row-readers.ts';
import { loadAllBootcamps, getBootcamp } from '../../bootcamps/index.ts';
import { scoreOutput } from '../../bootcamps/score.ts';
import { parseChoiceAnswer } from '../../bootcamps/shared/multiple-choice.ts';
import { benchmarkHubDir, mmluSubjects, OWN_ROWS, SHARED_DATA } from '../support/benchmark-hub.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

await loadAllBootcamps();
const skip = existsSync(path.join(SHARED_DATA, 'gsm8k')) ? false : 'needs ../shared/data';
const fixture = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/benchmarks/evalscope-prompts.json'), 'utf8')) as {
  prompts: { benchmark: string; subset: string; row: number; few_shot_num: number; prompt: string; answer?: string }[];
  parse: { reply: string; letters: string; multiple_correct: boolean; answer: string }[];
};

/** The catalog's rows, read with readRows from the hub files laid out on disk, as a run reads them from the cache. */
async function rowsOf(b: Benchmark, split: string, subset?: string): Promise<Row[]> {
  const hubDir = await benchmarkHubDir();
  const rows: Row[] = [];
  for (const f of b.source.files.filter((f) => f.split === split && (f.subset === undefined || f.subset === subset))) {
    for await (const row of readRows(path.join(hubDir, b.source.repo, f.path), f.format, { columns: f.columns })) rows.push(row);
  }
  return rows;
}

function item(b: Benchmark, row: Row, subset: string, fewShot: Row[] = []) {
  const v = b.prompts.default;
  return b.toItem(row, { subset, fewShot, template: v.template, fewShotTemplate: v.fewShotTemplate ?? v.template });
}

test('every name and alias finds its benchmark, case-insensitively and in NeMo\'s harness.task form', () => {
  for (const b of BENCHMARKS) for (const name of [b.name, ...b.aliases]) assert.equal(findBenchmark(name.toUpperCase()), b);
  assert.equal(findBenchmark('simple_evals.AIME_2025')?.name, 'aime25');
  assert.equal(findBenchmark('lm-evaluation-harness.gsm8k')?.name, 'gsm8k');
  assert.deepEqual(resolveBenchmarkName('arc_challenge')?.subsets, ['ARC-Challenge']);
  assert.equal(findBenchmark('no_such_benchmark'), undefined);
});

test("the prompts of the first rows equal EvalScope's, byte for byte", { skip }, async () => {
  let checked = 0;
  for (const f of fixture.prompts) {
    const b = findBenchmark(f.benchmark)!;
    let rows: Row[];
    if (f.benchmark === 'arc') rows = OWN_ROWS.arc[f.subset];
    else if (f.benchmark === 'hellaswag') rows = OWN_ROWS.hellaswag;
    else if (f.benchmark === 'gpqa_diamond') rows = OWN_ROWS.gpqa_diamond;
    else rows = await rowsOf(b, b.evalSplit, f.subset);
    const fewShot = f.few_shot_num > 0 ? (await rowsOf(b, b.fewShotSplit!, f.subset)).slice(0, f.few_shot_num) : [];
    const made = item(b, rows[f.row], f.subset, fewShot);
    assert.equal(made.prompt, f.prompt, `${f.benchmark} ${f.subset} row ${f.row}, ${f.few_shot_num}-shot`);
    if (f.answer !== undefined) assert.equal((made.ground_truth as { answer: string }).answer, f.answer, `${f.benchmark} row ${f.row}: the gold letter after EvalScope's shuffle`);
    checked++;
  }
  assert.ok(checked >= 30, `checked ${checked} prompts`);
});

test("the multiple-choice reading agrees with EvalScope's parse_answers on every recorded reply", () => {
  for (const p of fixture.parse) {
    assert.equal(parseChoiceAnswer(p.reply, p.letters, p.multiple_correct), p.answer, `${JSON.stringify(p.reply)} with ${p.letters}${p.multiple_correct ? ', several allowed' : ''}`);
  }
});

async function scores(b: Benchmark, it: { ground_truth: unknown; data_source: string }, output: string): Promise<number> {
  const bootcamp = getBootcamp(it.data_source)!;
  const parsed = bootcamp.groundTruth.parse(it.ground_truth);
  return (await scoreOutput(bootcamp, output, parsed)).score;
}

test('GSM8K: on all 1,319 shared test rows the gold answer as a model writes it scores 1 and a number off by more than the 1e-4 tolerance 0', { skip }, async () => {
  const b = findBenchmark('gsm8k')!;
  const rows = await rowsOf(b, 'test');
  assert.equal(rows.length, 1319);
  for (const [i, row] of rows.entries()) {
    const it = item(b, row, 'main');
    const gold = (it.ground_truth as { answer: string }).answer;
    for (const reply of [`Let me work it out step by step.\nSo the total is ${gold}.\n\\boxed{${gold}}`, `The answer is ${gold}`, `Reasoning...\nANSWER: ${gold}`]) {
      assert.equal(await scores(b, it, reply), 1, `row ${i}: ${JSON.stringify(reply)} for gold ${gold}`);
    }
    // EvalScope's numeric comparison has a relative tolerance of 1e-4 (70001 equals 70000): wrong by more.
    const wrong = String(Number(gold.replaceAll(',', '')) * 2 + 7);
    assert.equal(await scores(b, it, `\\boxed{${wrong}}`), 0, `row ${i}: ${wrong} for gold ${gold}`);
  }
});

test('MMLU: on all 14,042 shared test rows of the 57 subjects "ANSWER: <gold>" scores 1 and every other letter 0', { skip }, async () => {
  const b = findBenchmark('mmlu')!;
  let n = 0;
  const subjects = mmluSubjects();
  assert.equal(subjects.length, 57);
  assert.deepEqual([...subjects].sort(), [...b.subsets].sort(), "the catalog's subjects are the data's");
  for (const subject of subjects) {
    const dev = (await rowsOf(b, 'dev', subject)).slice(0, 5);
    assert.equal(dev.length, 5, `${subject}: five dev rows for the examples`);
    for (const row of await rowsOf(b, 'test', subject)) {
      const it = item(b, row, subject, n % 50 === 0 ? dev : []);
      const gold = (it.ground_truth as { answer: string }).answer;
      assert.equal(await scores(b, it, `Let me think step by step about A, B, C and D.\nANSWER: ${gold}`), 1, `${subject}: ${gold}`);
      assert.equal(await scores(b, it, `ANSWER: (${gold})`), 1);
      for (const other of 'ABCD') if (other !== gold) assert.equal(await scores(b, it, `ANSWER: ${other}`), 0);
      n++;
    }
  }
  assert.equal(n, 14042);
});

test('AIME 2024 and 2025: on all 60 shared problems \\boxed{gold} and a final number score 1, gold + 1 scores 0', { skip }, async () => {
  for (const name of ['aime24', 'aime25']) {
    const b = findBenchmark(name)!;
    const rows = await rowsOf(b, b.evalSplit);
    assert.equal(rows.length, 30, name);
    for (const row of rows) {
      const it = item(b, row, 'default');
      const gold = String((it.ground_truth as { answer: string }).answer);
      assert.equal(await scores(b, it, `Many steps later we find \\boxed{${gold}}.`), 1, `${name} ${gold}`);
      assert.equal(await scores(b, it, `So the final answer is ${gold}`), 1, `${name} ${gold} as a final number`);
      assert.equal(await scores(b, it, `\\boxed{${Number(gold) + 1}}`), 0, `${name} ${gold} + 1`);
    }
  }
});

test("MATH-500: 500 rows in EvalScope's five Level subsets; each row's own worked solution scores 1 through the benchmark's item, a wrong box 0", { skip }, async () => {
  const b = findBenchmark('math_500')!;
  assert.equal(findBenchmark('math_test_500'), b, "NeMo's name");
  const rows = await rowsOf(b, b.evalSplit);
  assert.equal(rows.length, 500);
  const perLevel = new Map<string, number>();
  for (const row of rows) {
    const subset = b.subsetOfRow!(row);
    perLevel.set(subset, (perLevel.get(subset) ?? 0) + 1);
    const it = item(b, row, subset);
    assert.equal(it.data_source, 'MathAnswer');
    assert.equal(await scores(b, it, String(row.solution)), 1, `${String(row.unique_id)}: its own solution`);
    assert.equal(await scores(b, it, 'So the answer is $\\boxed{-123457}$.'), 0, `${String(row.unique_id)}: a wrong box`);
  }
  assert.deepEqual([...perLevel.keys()].sort(), [...b.subsets]);
  assert.equal([...perLevel.values()].reduce((x, y) => x + y), 500);
  assert.throws(() => item(b, { problem: 'p', answer: '1', level: 9 }, 'Level 1'), { name: 'BenchmarkRowError', message: /"level" to be 1 to 5/ });
});

test('ARC, HellaSwag and GPQA rows (our own) score their gold letter 1 and the others 0; ARC digit keys become letters', async () => {
  const cases: [string, Row[], string][] = [
    ...Object.entries(OWN_ROWS.arc as Record<string, Row[]>).map(([subset, rows]) => ['arc', rows, subset] as [string, Row[], string]),
    ['hellaswag', OWN_ROWS.hellaswag, 'default'],
    ['gpqa_diamond', OWN_ROWS.gpqa_diamond, 'default'],
  ];
  for (const [name, rows, subset] of cases) {
    const b = findBenchmark(name)!;
    for (const row of rows) {
      const it = item(b, row, subset);
      const { answer, letters } = it.ground_truth as { answer: string; letters: string };
      for (const other of letters) assert.equal(await scores(b, it, `Thinking.\nANSWER: ${other}`), other === answer ? 1 : 0, `${name} ${other} vs ${answer}`);
    }
  }
  assert.equal((item(findBenchmark('arc')!, OWN_ROWS.arc['ARC-Challenge'][1], 'ARC-Challenge').ground_truth as { answer: string }).answer, 'C');
});

test('a row missing what the benchmark needs is a BenchmarkRowError naming the field, not a crash', () => {
  const b = findBenchmark('gsm8k')!;
  assert.throws(() => item(b, { question: 'q' }, 'main'), { name: 'BenchmarkRowError', message: /"answer"/ });
  assert.throws(() => item(findBenchmark('mmlu')!, { question: 'q', choices: ['a', 'b'], answer: 7 }, 'anatomy'), { name: 'BenchmarkRowError', message: /not one of the 2 choices/ });
});

test("NeMo's simple-evals prompts are named variants: AIME and MMLU with 'Answer: X' on the last line score as the default does", { skip }, async () => {
  const aime = findBenchmark('aime25')!;
  const [row] = await rowsOf(aime, 'test');
  const v = aime.prompts.nemo;
  const it = aime.toItem(row, { subset: 'default', fewShot: [], template: v.template, fewShotTemplate: v.template });
  assert.match(it.prompt, /^Solve the following math problem step by step\. The last line of your response should be of the form Answer: \$ANSWER/);
  assert.match(it.prompt, /you do not need to use a \\boxed command\.$/);
  assert.equal(await scores(aime, it, 'Some work.\nAnswer: 70'), 1);
  const mmlu = findBenchmark('mmlu')!;
  const [q] = await rowsOf(mmlu, 'test', 'anatomy');
  const m = mmlu.toItem(q, { subset: 'anatomy', fewShot: [], template: mmlu.prompts.nemo.template, fewShotTemplate: mmlu.prompts.nemo.template });
  assert.match(m.prompt, /where LETTER is one of ABCD\. Think step by step before answering\.\n\n/);
  assert.equal(await scores(mmlu, m, `Thinking.\nAnswer: ${(m.ground_truth as { answer: string }).answer}`), 1);
});
