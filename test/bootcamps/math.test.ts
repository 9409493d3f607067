// GSM8K (EvalScope's reading of a numeric answer) and AIME (integers) on every row of the shared data: the gold
// answer written as a model would (with reasoning, \boxed{}, "ANSWER: N", "The answer is N", the last number,
// units and thousands separators) scores 1, a wrong one 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadBootcamp } from '../../bootcamps/index.ts';
import { scoreOutput } from '../../bootcamps/score.ts';
import { evalscopeExtractAnswer, evalscopeMathEqual } from '../../bootcamps/shared/evalscope-math.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const skip = existsSync(path.join(SHARED, 'gsm8k', 'test.jsonl')) ? false : 'needs ../shared/data';
const rows = <T>(file: string): T[] => readFileSync(path.join(SHARED, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

test('EvalScope extract_answer and math_equal: boxed with nested braces, phrases, last number, normalisation', () => {
  const cases: [string, string][] = [
    ['so \\boxed{\\frac{1}{2}} is it', '\\frac{1}{2}'],
    ['The final answer is $5$. I hope it is correct.', '5'],
    ['The answer is 3/4.', '\\frac{3}{4}'],
    ['we get 1,234,567 apples', '1234567'],
    ['ANSWER: x = 5', '5'],
    ['\\boxed{50\\%}', '50'],
    ['\\boxed{18 \\text{ dollars}}', '18'],
    ['\\boxed{\\$1,200.00}', '1200'],
    ['no digits at all', ''],
    ['\\boxed{3, 1, 2}', '1,2,3'],
  ];
  for (const [output, expected] of cases) assert.equal(evalscopeExtractAnswer(output), expected, output);
  assert.equal(evalscopeMathEqual('0.5', '50'), true, 'the reference is also tried as a percentage');
  assert.equal(evalscopeMathEqual('18.0001', '18'), true, 'rel_tol 1e-4');
  assert.equal(evalscopeMathEqual('18.01', '18'), false);
  assert.equal(evalscopeMathEqual('70001', '70000'), true, "EvalScope's tolerance is relative: near misses on large numbers count");
  assert.equal(evalscopeMathEqual('\\frac{36}{2}', '18'), false, 'the symbolic branch is not ported');
});

test('GSM8K: every shared row, the gold written five ways scores 1 and a wrong answer 0', { skip }, async () => {
  const bootcamp = (await loadBootcamp('GSM8K'))!;
  const data = rows<{ question: string; answer: string }>('gsm8k/test.jsonl');
  assert.equal(data.length, 1319);
  for (const [i, row] of data.entries()) {
    const target = row.answer.slice(row.answer.lastIndexOf('####') + 4).trim();
    const reasoning = row.answer.slice(0, row.answer.lastIndexOf('####')).trim();
    const n = BigInt(target.replaceAll(',', ''));
    const withCommas = n.toLocaleString('en-US');
    const gt = { answer: row.answer };
    const right = [
      `${reasoning}\nSo the answer is \\boxed{${target}}.`,
      `Let me think.\n\nANSWER: ${target}`,
      `The answer is ${withCommas}.`,
      `Adding it all up gives ${target}`,
      `${reasoning}\n\\boxed{\\$${withCommas}}`,
    ];
    for (const output of right) assert.equal((await scoreOutput(bootcamp, output, gt)).score, 1, `row ${i}: ${output.slice(-60)}`);
    // Wrong by more than EvalScope's relative tolerance (1e-4: at 70,000 an answer of 70,001 counts as right).
    const wrong = n * 2n + 7n;
    assert.equal((await scoreOutput(bootcamp, `${reasoning}\n\\boxed{${wrong}}`, gt)).score, 0, `row ${i}: wrong`);
    assert.equal((await scoreOutput(bootcamp, `The answer is ${wrong}.`, { answer: target })).score, 0);
    assert.equal((await scoreOutput(bootcamp, `\\boxed{${target}}`, { answer: target })).score, 1, 'a bare gold works too');
  }
});

test('AIME 2024 and 2025: every shared row, the gold boxed, padded, as the last number scores 1; a wrong one 0', { skip }, async () => {
  const bootcamp = (await loadBootcamp('AIME'))!;
  for (const file of ['aime24/test.jsonl', 'aime25/test.jsonl']) {
    const data = rows<{ problem: string; answer: string | number }>(file);
    assert.equal(data.length, 30, file);
    for (const row of data) {
      const gt = { answer: row.answer };
      const value = BigInt(String(row.answer));
      for (const output of [`Thus \\boxed{${value}}.`, `\\boxed{0${value}}`, `so the final answer is $${value}$.`, `\\boxed{${value}^\\circ} as computed`, `${row.problem}\n\nTherefore ${value}`]) {
        assert.equal((await scoreOutput(bootcamp, output, gt)).score, 1, `${file} ${row.answer}: ${output.slice(-40)}`);
      }
      assert.equal((await scoreOutput(bootcamp, `\\boxed{${value + 1n}}`, gt)).score, 0);
      assert.equal((await scoreOutput(bootcamp, `\\boxed{${value}.5}`, gt)).score, 0, 'not an integer');
    }
  }
});
