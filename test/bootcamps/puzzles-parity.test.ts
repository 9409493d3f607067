// The 17 grid puzzles against scores recorded from InternBootcamp's Python verifiers
// (verify_score(output, gt, short_penalty=False, format_penalty=False) and extract_output), on every shared
// line, for right answers, wrong ones and format variants (test/support/puzzles-variants.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { puzzleSetBBootcamps } from '../../bootcamps/puzzles/set-b.ts';
import { getBootcamp, loadAllBootcamps } from '../../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../../bootcamps/score.ts';
import { puzzleVariants } from '../support/puzzles-variants.ts';
import { SHARED_EVAL_DIR } from '../../src/bench/verifier-cases.ts';
import { assertParity, loadRecordedScores } from '../support/parity.ts';
await loadAllBootcamps(); // getBootcamp finds only loaded families

const reference = loadRecordedScores('puzzles');
const available = existsSync(SHARED_EVAL_DIR);
const VARIANTS = 15;

test('all 17 grid puzzles are registered', () => {
  assert.equal(puzzleSetBBootcamps.length, 17);
  assert.equal(Object.keys(reference).length, 17);
});

for (const file of Object.keys(reference).sort()) {
  test(`${file}: score and extracted output equal the Python reference on every shared line and variant`, { skip: available ? false : 'needs ../shared/data' }, async () => {
    // Two Star Battle and two Calcudoku lines have no solution under their reference's rules (our solvers say so).
    const compared = await assertParity({ file, reference, variants: puzzleVariants, referenceCannotScore: (_source, _gt, right) => right.output.includes('unsolved') });
    assert.equal(compared, reference[file].length * VARIANTS);
  });
}

test('Kakurasu: our solver answers generated instances, and the verifier agrees (not only the shared lines)', async () => {
  const { solveKakurasu } = await import('../support/puzzles-variants.ts');
  const bootcamp = getBootcamp('Kakurasu')!;
  let seed = 11;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 30; k++) {
    const n = 3 + (next() % 4);
    const grid = Array.from({ length: n }, () => Array.from({ length: n }, () => next() % 2));
    const rowTargets = grid.map((row) => row.reduce((s, c, j) => s + c * (j + 1), 0));
    const colTargets = grid[0].map((_, j) => grid.reduce((s, row, i) => s + row[j] * (i + 1), 0));
    const solved = solveKakurasu(n, rowTargets, colTargets)!;
    const gt = deepFreeze({ n, row_targets: rowTargets, col_targets: colTargets });
    assert.equal((await scoreOutput(bootcamp, `[answer]${JSON.stringify(solved)}[/answer]`, gt)).score, 1, `instance ${k}`);
    const broken = solved.map((row) => [...row]);
    broken[0][0] = 1 - broken[0][0];
    assert.equal((await scoreOutput(bootcamp, `[answer]${JSON.stringify(broken)}[/answer]`, gt)).score, 0, `instance ${k}, one cell flipped`);
  }
});

test('Tents reads only a list of (row, col) tuples, 1-based, and checks the rules rather than the stored solution', async () => {
  const bootcamp = getBootcamp('Tents')!;
  const gt = deepFreeze({ grid: [[1, 0], [0, 0]], row_clues: [0, 1], col_clues: [1, 0] });
  assert.equal((await scoreOutput(bootcamp, '[answer][(2, 1)][/answer]', gt)).score, 1);
  assert.equal(bootcamp.extract('[answer][[2, 1]][/answer]'), null, 'lists are not tuples');
  assert.equal((await scoreOutput(bootcamp, '[answer][(2.0, 1)][/answer]', gt)).score, 0, 'a float cannot index the grid');
});

test('Starbattle checks only the regions and rows present, so an empty {} scores 1 (kept on purpose)', async () => {
  const bootcamp = getBootcamp('Starbattle')!;
  const gt = deepFreeze({ input_grid: [['A', 'B'], ['A', 'B']] });
  assert.equal((await scoreOutput(bootcamp, '```json\n{}\n```', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, "```json\n{'A': [(1, 1)], 'B': [(2, 2)]}\n```", gt)).score, 0, 'diagonal neighbours touch');
  assert.equal(bootcamp.extract("```json {'A': [(1, 1)} ```"), '{"A": [[1, 1]}', 'json that does not parse is returned as the string');
});

test('Nonograms drops spaces inside a line, so only "." marks an empty cell', () => {
  const bootcamp = getBootcamp('Nonograms')!;
  assert.deepEqual(bootcamp.extract('[answer]\nX X\nX.X\n[/answer]'), [[true, true], [true, false, true]]);
});

test('Aquarium reads a column clue as level + 1 and a row clue as the columns at or above that row', async () => {
  const bootcamp = getBootcamp('Aquarium')!;
  const gt = deepFreeze({ row_clues: [2, 1], col_clues: [2, 1] });
  assert.equal((await scoreOutput(bootcamp, '[answer]1 0[/answer]', gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[answer]2 1[/answer]', gt)).score, 0);
});

test('Futoshiki and Nonograms: our solvers answer generated instances, and the verifiers agree', async () => {
  const { solveFutoshiki, solveNonogram } = await import('../support/puzzles-variants.ts');
  const { runClues } = await import('../../bootcamps/puzzles/nonograms.ts');
  let seed = 5;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 20; k++) {
    // Futoshiki: a Latin square, a few givens and every horizontal inequality it implies.
    const n = 3 + (next() % 3);
    // Rows are distinct cyclic shifts in a random order: a Latin square.
    const order = Array.from({ length: n }, (_, i) => i).sort(() => (next() % 2 ? 1 : -1));
    const square = order.map((s) => Array.from({ length: n }, (_, j) => ((s + j) % n) + 1));
    const initial = square.map((row) => row.map((v) => (next() % 3 === 0 ? v : 0)));
    const inequalities = square.flatMap((row, i) => row.slice(1).map((v, j) => ({ cell1: [i, j], cell2: [i, j + 1], symbol: row[j] > v ? '>' : '<' })));
    const futoshikiGt = deepFreeze({ size: n, initial, inequalities });
    const solved = solveFutoshiki(n, initial, inequalities)!;
    assert.equal((await scoreOutput(getBootcamp('Futoshiki')!, `[answer]${JSON.stringify(solved)}[/answer]`, futoshikiGt)).score, 1, `futoshiki ${k}`);
    // Nonograms: a random grid's clues, solved back (any grid meeting the clues scores 1).
    const w = 3 + (next() % 4);
    const picture = Array.from({ length: w }, () => Array.from({ length: w }, () => next() % 2 === 0));
    const rows = picture.map(runClues);
    const columns = picture[0].map((_, j) => runClues(picture.map((r) => r[j])));
    const grid = solveNonogram(rows, columns)!;
    const text = grid.map((r) => r.map((c) => (c ? 'X' : '.')).join('')).join('\n');
    assert.equal((await scoreOutput(getBootcamp('Nonograms')!, `[answer]\n${text}\n[/answer]`, deepFreeze({ rows, columns }))).score, 1, `nonogram ${k}`);
  }
});

test('LightUp counts only tuple bulbs next to a numbered cell (a list [r, c] does not match "(r, c) in bulbs")', async () => {
  const bootcamp = getBootcamp('LightUp')!;
  const gt = deepFreeze({ grid: [['W', 'B1'], ['W', 'W']], rows: 2, cols: 2 });
  assert.equal((await scoreOutput(bootcamp, '[answer][(0, 0), (1, 1)][/answer]', gt)).score, 0, 'both bulbs are beside B1, which asks for one');
  assert.equal((await scoreOutput(bootcamp, '[answer][(1, 1)][/answer]', gt)).score, 0, '(0,0) is not lit');
  assert.equal((await scoreOutput(bootcamp, '[answer][(0, 0)][/answer]', deepFreeze({ grid: [['W', 'B1'], ['W', 'B']], rows: 2, cols: 2 }))).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[answer][[0, 0]][/answer]', deepFreeze({ grid: [['W', 'B1'], ['W', 'B']], rows: 2, cols: 2 }))).score, 0, 'a list bulb is not counted for the clue');
});

test('Galaxies checks symmetry and connection of each galaxy, for a partition other than the whole grid too', async () => {
  const bootcamp = getBootcamp('Galaxies')!;
  const gt = deepFreeze({ rows: 2, cols: 2, centers: [[0, 0], [1, 1]] });
  assert.equal((await scoreOutput(bootcamp, '[answer][{"center": (0, 0), "cells": [(0, 0)]}, {"center": (1, 1), "cells": [(1, 1)]}][/answer]', gt)).score, 0, 'two cells left uncovered');
  const two = deepFreeze({ rows: 1, cols: 4, centers: [[0, 0], [0, 2]] });
  assert.equal((await scoreOutput(bootcamp, '[answer][{"center": (0, 0), "cells": [(0, 0)]}, {"center": (0, 2), "cells": [(0, 1), (0, 2), (0, 3)]}][/answer]', two)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[answer][{"center": (0, 0), "cells": [(0, 0), (0, 1)]}, {"center": (0, 2), "cells": [(0, 2), (0, 3)]}][/answer]', two)).score, 0, 'not symmetric about the centres');
});

test('Stitches: a closed loop of tuple stitches scores 1; an open path or list cells do not', async () => {
  const bootcamp = getBootcamp('Stitches')!;
  const gt = deepFreeze({ rows: 2, cols: 2, numbered_cells: [{ x: 0, y: 0, num: 2 }] });
  const loop = '[[(0,0),(0,1)], [(0,1),(1,1)], [(1,1),(1,0)], [(1,0),(0,0)]]';
  assert.equal((await scoreOutput(bootcamp, `[answer]${loop}[/answer]`, gt)).score, 1);
  assert.equal((await scoreOutput(bootcamp, '[answer][[(0,0),(0,1)], [(0,1),(1,1)], [(1,1),(1,0)]][/answer]', gt)).score, 0, 'an open path');
  assert.equal(bootcamp.extract('[answer][[[0,0],[0,1]]][/answer]'), null, 'cells must be tuples');
});
