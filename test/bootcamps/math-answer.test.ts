// MathAnswer against Math-Verify: on every case of test/support/math-answer-cases.ts (our own pairs and the
// cases built from each shared MATH-500 row) our verdict equals the one Math-Verify gave, as recorded in
// test/fixtures/math-answer/math-verify-verdicts.json by the script beside it. Then the behaviours the README
// states, the ground truth's options, and hostile outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { caseDigest, math500Cases, MATH500_PATH, ownCases, type MathCase } from '../support/math-answer-cases.ts';
import { readAnswer } from '../../bootcamps/math-answer/extract.ts';
import { readGold, sameAnswer, mathAnswer } from '../../bootcamps/math-answer/math-answer.ts';
import { boxedContents, normalizeLatex } from '../../bootcamps/math-answer/normalize.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { loadBootcamp } from '../../bootcamps/index.ts';
import { hostileOutputs } from '../../src/bench/verifier-cases.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const recorded = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/math-answer/math-verify-verdicts.json'), 'utf8')) as { verdicts: Record<string, [string, 0 | 1]> };
const shared = existsSync(MATH500_PATH) ? false : 'needs ../shared/data';

const ours = (c: Pick<MathCase, 'gold' | 'pred'>) => (sameAnswer(readGold(c.gold), readAnswer(c.pred)) ? 1 : 0);

function checkAgainstRecording(cases: MathCase[]): void {
  const differ: string[] = [];
  for (const c of cases) {
    const entry = recorded.verdicts[c.id];
    assert.ok(entry, `${c.id} has no recorded verdict: re-record with test/fixtures/math-answer/record_math_verify.py`);
    assert.equal(entry[0], caseDigest(c), `${c.id} changed since it was recorded: re-record it`);
    if (ours(c) !== entry[1]) differ.push(`${c.id}: Math-Verify ${entry[1]}, ours ${ours(c)} (gold ${JSON.stringify(c.gold)}, prediction ${JSON.stringify(c.pred.slice(-120))})`);
  }
  assert.deepEqual(differ, []);
}

test('our own cases: every verdict equals the one Math-Verify gave', () => {
  const cases = ownCases();
  assert.ok(cases.length > 150, `${cases.length} cases`);
  checkAgainstRecording(cases);
});

test("every case built from the 500 MATH-500 rows: Math-Verify's verdict, and the one the case was built for", { skip: shared }, () => {
  const cases = math500Cases();
  assert.ok(cases.length > 3000, `${cases.length} cases`);
  checkAgainstRecording(cases);
  // Each row's own solution, its answer boxed, rewritten (\dfrac, decimals, units, reordered sums and sets,
  // thousands separators, \left(\right)) scores 1; a changed digit, a dropped sign, a swapped tuple or a
  // closed end made open scores 0.
  const wrong = cases.filter((c) => c.intended !== undefined && ours(c) !== c.intended).map((c) => c.id);
  assert.deepEqual(wrong, []);
  assert.equal(cases.filter((c) => c.id.endsWith(':solution')).length, 500);
});

async function judged(gold: string, output: string, extra: Record<string, unknown> = {}) {
  const bootcamp = (await loadBootcamp('MathAnswer'))!;
  const gt = deepFreeze(bootcamp.groundTruth.parse({ answer: gold, ...extra }));
  return scoreOutput(bootcamp, output, gt);
}

test('the README examples: what counts as equal', async () => {
  const examples: [string, string, number][] = [
    ['\\frac{1}{2}', '0.5', 1], ['\\frac{1}{2}', 'The answer is $\\dfrac12$.', 1], ['\\frac{1}{2}', '1/2', 1],
    ['\\frac{1}{3}', '0.333333', 1], ['\\frac{1}{3}', '0.33', 0], ['7425000', '7,425,000', 1], ['1,22', '1.22', 1],
    ['30', '$30^\\circ$', 1], ['5', '$5\\text{ cm}$', 1], ['20\\%', '0.2', 1], ['x = 3', '3', 1], ['3', '$x = 3$', 1],
    ['2x + z = 1', '1', 0], ['\\{1, 2\\}', '$\\{2, 1\\}$', 1], ['(1, 2)', '$(2, 1)$', 0], ['[1, 2)', '$[1, 2]$', 0],
    ['1 < x < 2', '$(1, 2)$', 1], ['(1, 2)', '$1 < x < 2$', 0], ['(-\\infty, -2) \\cup (3, \\infty)', '$(3, \\infty) \\cup (-\\infty, -2)$', 1],
    ['2\\sqrt{2}', '$\\sqrt{8}$', 1], ['p - q', '$-q + p$', 1], ['\\text{Evelyn}', '$\\text{Evelyn}$', 1], ['2\\frac{1}{2}', '2.5', 1],
    ['\\frac{14}{3}', 'The answer is 14/3.', 0], ['5', 'We try \\boxed{3}, then the final answer is $\\boxed{5}$.', 1],
  ];
  for (const [gold, output, score] of examples) assert.equal((await judged(gold, output)).score, score, `${gold} vs ${output}`);
});

test('details show the answer read, normalised, in sympy-like text', async () => {
  assert.equal((await judged('\\frac{1}{2}', 'So $\\boxed{\\dfrac{1}{2}}$.')).extracted_output, '1/2');
  assert.equal((await judged('(1, 2)', 'The point is $\\left( 1, 2 \\right)$.')).extracted_output, 'Interval.open(1, 2)');
  assert.equal((await judged('3', 'No answer here.')).extracted_output, null);
  assert.equal((await judged('3', 'The answer is $\\unknowncommand{3}$.')).extracted_output, '\\unknowncommand{3}', 'text that does not read is shown as matched');
});

test('ground truth: choices make the letter of the right choice count too; precision sets the decimal places compared', async () => {
  const choices = ['12', '13', '14', '15'];
  assert.equal((await judged('14', 'I pick C.', { choices })).score, 1);
  assert.equal((await judged('14', 'I pick D.', { choices })).score, 0);
  assert.equal((await judged('C', 'The answer is $\\boxed{C}$.', { choices })).score, 1);
  assert.equal((await judged('14', 'It is \\boxed{14}.', { choices })).score, 1);
  assert.equal((await judged('3.14159', '3.14', { precision: 2 })).score, 1);
  assert.equal((await judged('3.14159', '3.14')).score, 0, 'six places by default');
  const bootcamp = (await loadBootcamp('MathAnswer'))!;
  assert.equal(bootcamp.groundTruth.safeParse({ answer: '' }).success, false);
  assert.equal(bootcamp.groundTruth.safeParse({}).success, false);
  assert.equal(bootcamp.groundTruth.safeParse({ answer: 70 }).success, true, 'a numeric gold, as AIME rows carry it');
  assert.equal(bootcamp.groundTruth.safeParse({ answer: '1', precision: -1 }).success, false);
});

test('the gold is read as data sets write it: delimited as it is, LaTeX markup as math, plain numbers as Math-Verify reads them', () => {
  const shown = (gold: string) => {
    const r = readGold(gold);
    return r.value ? r.value.k : r.fallback;
  };
  assert.equal(shown('2x + z = 1'), 'rel', 'not the plain number 1 found after "="');
  assert.equal(shown('\\frac{14}{3}'), 'num');
  assert.equal(shown('$x = 3$'), 'rel');
  assert.equal(shown('\\boxed{(1, 2)}'), 'interval');
  assert.equal(shown('1,22'), 'num');
  assert.equal(shown('p - q'), 'add');
  assert.equal(shown('\\$18.90'), 'num');
});

test('normalisation: boxes taken out (the last, or all), \\left and \\right dropped, units and \\text units dropped, malformed \\frac and \\sqrt written out', () => {
  assert.equal(boxedContents('a \\boxed{1} b \\boxed{2}', 'all'), '1,2');
  assert.equal(boxedContents(`\\boxed{1} ${'x'.repeat(80)} \\boxed{2}`, 'last'), '2');
  assert.equal(boxedContents('\\boxed{1} and then, some words on, \\boxed{2}', 'last'), '1,2', 'near enough, with "and" between');
  assert.equal(boxedContents('\\boxed{1}, \\boxed{2}', 'last'), '1,2');
  assert.equal(boxedContents('\\boxed{\\frac{1}{2}', 'all'), '{\\frac{1}{2}', 'an unclosed box keeps the rest');
  assert.equal(normalizeLatex('\\left( 3, \\dfrac{\\pi}{2} \\right)'), '( 3, \\frac{\\pi}{2} )');
  assert.equal(normalizeLatex('12 \\text{ cm}^2'), '12');
  assert.equal(normalizeLatex('5 inches'), '5');
  assert.equal(normalizeLatex('\\frac12 + \\sqrt3'), '\\frac{1}{2} + \\sqrt{3}');
  assert.equal(normalizeLatex('3/4'), '\\frac{3}{4}');
  assert.equal(normalizeLatex('.5'), '\\frac{1}{2}');
  assert.equal(normalizeLatex('1 and 2'), '1, 2');
  assert.equal(normalizeLatex('50 percent'), '50\\%');
});

test('hostile outputs (megabytes of braces, 10,000 nested fractions, exponent towers) are read without hanging or throwing', async () => {
  for (const [name, output] of hostileOutputs()) {
    const r = await judged('1', output);
    assert.ok(r.score === 0 || r.score === 1, name);
    assert.equal(r.verify_error, undefined, name);
  }
  assert.equal((await judged('10^{10^{10}}', '$\\boxed{10^{10^{10}}}$')).score, 1, 'equal as written, never evaluated');
  assert.equal((await judged('10^{10^{10}}', '$\\boxed{10^{10^{10}} + 1}$')).score, 0);
  assert.equal((await judged('1', `$\\boxed{${'9'.repeat(5000)}}$`)).score, 0, 'a 5,000-digit number is unreadable, as in Python');
});

test('extraction: the search covers the output\'s last 100,000 characters', async () => {
  const filler = 'x '.repeat(60_000);
  assert.equal((await judged('7', `\\boxed{7}${filler}`)).score, 0, 'a box more than 100,000 characters from the end is not seen');
  assert.equal((await judged('7', `${filler}\\boxed{7}`)).score, 1);
  assert.equal(mathAnswer.extract(`${filler}The final answer is $\\frac{3}{4}$`), '3/4');
});
