// The 20 KorLogic bootcamps against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared
// line, for right answers, wrong ones and format variants (test/support/kor-logic-variants.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { korLogicBootcamps } from '../../bootcamps/kor-logic/index.ts';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { korLogicVariants } from '../support/kor-logic-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import { assertParity, loadRecordedScores } from '../support/parity.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('kor-logic');
const available = existsSync(SHARED_EVAL_DIR);
const VARIANTS = 15;

/** Lines whose right answer the reference itself can never score (kept on purpose; see each bootcamp's file). */
function referenceCannotScore(source: string, gt: Record<string, any>): boolean {
  if (source === 'KorLogicDynamicLogic') return gt.type !== 'multiple_choice' && gt.valid_variants.every((v: string) => v.includes('⟨') || /\s/.test(v));
  if (source === 'KorLogicEquivalenceCalculus') return gt.type === 'puzzle_solution';
  if (source === 'KorLogicInductionParadox') return gt.type !== 'example' && !(gt.expression.includes('→') && gt.expression.includes('∧') && (gt.expression.includes('⊻') || gt.expression.includes('矛盾')));
  return false;
}

test('all 20 KorLogic data sources are registered under their data_source names', () => {
  assert.equal(korLogicBootcamps.length, 20);
  for (const file of Object.keys(reference)) {
    const source = 'KorLogic' + file.slice('korLogic'.length, -'.jsonl'.length);
    assert.ok(getBootcamp(source), `${source} is registered`);
  }
});

for (const file of Object.keys(reference).sort()) {
  test(`${file}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    const compared = await assertParity({ file, reference, variants: korLogicVariants, referenceCannotScore: referenceCannotScore });
    assert.equal(compared, reference[file].length * VARIANTS);
  });
}

test('KorLogicCooperativePrinciple reads lower-case letters (IGNORECASE), KorLogicDefinitions ranges a-f, AnalogicalReasoning only upper case', async () => {
  assert.equal((await scoreOutput(getBootcamp('KorLogicCooperativePrinciple')!, '[[b]]', { correct: 'B' })).score, 1);
  assert.equal((await scoreOutput(getBootcamp('KorLogicDefinitions')!, '[[c]]', { correct_answer: 'C' })).score, 1);
  assert.equal((await scoreOutput(getBootcamp('KorLogicAnalogicalReasoning')!, '[[b]]', { correct_answer: 'B' })).score, 0);
});

test('KorLogicEnumerativeInductiveReasoning takes the first symbolic pair but the last letter', async () => {
  const gt = deepFreeze({ question_type: 'symbolic', type: 'B', class: 'S', instances: ['e1', 'e2'], sampled: ['e1'] });
  const bootcamp = getBootcamp('KorLogicEnumerativeInductiveReasoning')!;
  assert.equal((await scoreOutput(bootcamp, '[[P(e1)∧P(e2);P(S)]] or [[x;y]]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[x;y]] or [[P(e1)∧P(e2);P(S)]]', gt)).score, 0);
});

test('KorLogicCanonicalPropositions accepts the conjuncts of a symbolisation in any order, and counts repeats', async () => {
  const bootcamp = getBootcamp('KorLogicCanonicalPropositions')!;
  const gt = deepFreeze({ type: 'symbolization', solution: 'Op ∧ Fq ∧ Pr' });
  assert.equal((await scoreOutput(bootcamp, '[[pr∧op∧fq]]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[Pr∧Op∧Fq∧Op]]', gt)).score, 0);
});

test('KorLogicFigureOfTheSyllogism reads [II;EAE], 图形II式EAE and Python\'s case-insensitive dotless ı as I', async () => {
  const bootcamp = getBootcamp('KorLogicFigureOfTheSyllogism')!;
  const gt = deepFreeze({ figure: 'II', mood: 'EAE' });
  assert.equal((await scoreOutput(bootcamp, 'so [ii ; eae]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '图形 II 式 EAE', gt)).score, 1);
  assert.equal(bootcamp.extract('[[ıI;eae]]'), 'II;EAE');
  assert.equal((await scoreOutput(bootcamp, '[[II;AAA]]', { figure: 'II', mood: 'AAA' })).score, 0, 'AAA is not a valid mood of figure II');
});

test('KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm compares the characters of a classify answer as a set (separators count)', async () => {
  const bootcamp = getBootcamp('KorLogicDisjunctiveNormalFormAndConjunctiveNormalForm')!;
  const gt = deepFreeze({ type: 'classify', correct_options: ['A', 'E'] });
  assert.equal((await scoreOutput(bootcamp, '[[EA]]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[AEA]]', gt)).score, 1, 'a set: repeats do not matter');
  assert.equal((await scoreOutput(bootcamp, '[[A, E]]', gt)).score, 0, 'kept on purpose: "," and " " are characters of the answer');
});

test('KorLogicResolution accepts any one of several ";"-separated resolvents, and 0 for the empty clause', async () => {
  const bootcamp = getBootcamp('KorLogicResolution')!;
  assert.equal((await scoreOutput(bootcamp, '[[p ∨ q; ¬s ∨ ¬r]]', { problem_type: 'compute_dispel', expected: '¬r ∨ ¬s' })).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[0]]', { problem_type: 'compute_dispel', expected: '0' })).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[Plausible; 3]]', { problem_type: 'algorithm_output', expected_output: 'plausible', steps: 3 })).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[[Plausible;3;x]]', { problem_type: 'algorithm_output', expected_output: 'plausible', steps: 3 })).score, 0);
});
