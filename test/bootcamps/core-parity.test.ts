// Game24, Sudoku and Maze against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared line,
// for right answers, wrong ones and format variants (test/support/core-variants.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { game24 } from '../../bootcamps/game24.ts';
import { sudoku } from '../../bootcamps/sudoku.ts';
import { maze } from '../../bootcamps/maze.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { game24Variants, mazeVariants, sudokuVariants, type Variant } from '../support/core-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';

const reference = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'core', 'reference-scores.json'), 'utf8')) as Record<string, [number, unknown][][]>;
const cases: [string, AnyBootcamp, (gt: any) => Variant[]][] = [
  ['game24.jsonl', game24, game24Variants],
  ['sudoku.jsonl', sudoku, sudokuVariants],
  ['maze.jsonl', maze, mazeVariants],
];
const available = existsSync(SHARED_EVAL_DIR);

for (const [file, bootcamp, variants] of cases) {
  test(`${bootcamp.name}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    const lines = readFileSync(path.join(SHARED_EVAL_DIR, file), 'utf8').trim().split('\n');
    assert.equal(lines.length, reference[file].length);
    let compared = 0;
    let rightAnswers = 0;
    for (const [i, text] of lines.entries()) {
      const gtRaw = JSON.parse(text).ground_truth;
      const gt = deepFreeze(bootcamp.groundTruth.parse(gtRaw));
      const vs = variants(gtRaw);
      for (const [j, v] of vs.entries()) {
        const [score, extracted] = reference[file][i][j];
        const ours = await scoreOutput(bootcamp, v.output, gt);
        assert.equal(ours.score, score, `${file}:${i + 1} variant "${v.name}": score`);
        assert.deepEqual(ours.extracted_output, extracted, `${file}:${i + 1} variant "${v.name}": extracted_output`);
        if (v.name === 'right') {
          assert.equal(ours.score, 1, `${file}:${i + 1}: our solver's answer scores 1`);
          rightAnswers++;
        }
        compared++;
      }
    }
    assert.equal(rightAnswers, lines.length);
    assert.equal(compared, lines.length * 15);
  });
}

test('Game24 accepts exact answers that Python float arithmetic rejects (deliberate difference from eval)', () => {
  assert.equal(game24.verify('\\boxed{8/(3-8/3)}', { puzzle: '3 3 8 8', target: 24 }), 1);
  assert.equal(game24.verify('\\boxed{abs(3-8)*3+8+1}', { puzzle: '3 8 3 8 1', target: 24 }), 0, 'no function calls');
});

test('Game24: numbers are matched as written, so "06" is not the puzzle\'s "6"', () => {
  assert.equal(game24.verify('\\boxed{06*4*1*1}', { puzzle: '6 4 1 1', target: 24 }), 0);
  assert.equal(game24.verify('\\boxed{6*4*1*1}', { puzzle: '6 4 1 1', target: '24' }), 1);
});

test('Maze does not mutate its ground truth and refuses paths through walls', () => {
  const gt = deepFreeze({ grid: [[0, 1], [0, 0]], start_pos: [0, 0] as [number, number], end_pos: [1, 1] as [number, number] });
  assert.equal(maze.verify('```json\n[(0, 0), (1, 0), (1, 1)]\n```', gt), 1);
  assert.equal(maze.verify('```json\n[(0, 0), (0, 1), (1, 1)]\n```', gt), 0);
});
