// Outputs of every shape for the KorPuzzle shared lines: the right answer (from the ground truth, or from our
// solvers), a wrong one, and the [[...]] format variants.
import type { Variant } from './core-variants.ts';
import { doubleBracketVariants, korLogicRightAnswer, korLogicWrongAnswer } from './kor-logic-variants.ts';
import { solveCalcudoko, solveCryptarithm, solveSkyscrapers } from './kor-puzzle-solvers.ts';
import { solveGame24 } from '../../src/samples/game24-cases.ts';

type GT = Record<string, any>;
const grid = (rows: (number | string)[][], cellSep = ' ', rowSep = ', ') => rows.map((r) => r.join(cellSep)).join(rowSep);

export function korPuzzleRightAnswer(source: string, gt: GT): string {
  switch (source) {
    case 'KorPuzzle24Points':
      return solveGame24(gt.numbers, 24) ?? 'unsolved';
    case 'KorPuzzleArrowMaze':
      return korLogicRightAnswer('KorLogicResolution', gt);
    case 'KorPuzzleCalcudoko': {
      const solved = solveCalcudoko(gt.size, gt.regions);
      return solved ? grid(solved, ' ', ',') : 'unsolved';
    }
    case 'KorPuzzleCampsite':
      return grid(gt.solution);
    case 'KorPuzzleConnectWords':
      return gt.solution.join(' ');
    case 'KorPuzzleCryptoMath': {
      const solved = solveCryptarithm(gt.equation);
      return solved ? [...solved].map(([l, d]) => `${l}=${d}`).join(',') : 'unsolved';
    }
    case 'KorPuzzleKukurasu':
      return grid(gt.solution);
    case 'KorPuzzleLogicPuzzle':
      return gt.assignments.map((a: GT) => `${a.year} ${a.windmill} ${a.family}`).join(', ');
    case 'KorPuzzleSkyscrapers': {
      const solved = solveSkyscrapers(gt.n, gt as never);
      return solved ? grid(solved) : 'unsolved';
    }
    case 'KorPuzzleWordBrainTeasers':
      return gt.components.flat().join(' ');
    case 'KorPuzzleWordLadder':
      return String(gt.correct_steps);
    case 'KorPuzzleWordRootsAndAffixes':
      return gt.affix;
    case 'KorPuzzleWordscapes':
      return grid(gt.__solution__);
    case 'KorPuzzleWordSearch':
      return gt.word_list.map((w: string) => findWord(gt.grid, w.toUpperCase()) ?? `${w} (0,0)(0,0)`).join('\n');
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

export function korPuzzleVariants(source: string, gt: GT): Variant[] {
  const a = korPuzzleRightAnswer(source, gt);
  return doubleBracketVariants(a, korLogicWrongAnswer(a));
}

/** "WORD (r,c)(r,c)" for the first straight line of the grid that spells the word, or undefined. */
function findWord(letters: string[][], word: string): string | undefined {
  const rows = letters.length;
  const cols = letters[0].length;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      for (const [dy, dx] of [[0, 1], [1, 0], [1, 1], [-1, 1], [0, -1], [-1, 0], [-1, -1], [1, -1]]) {
        const er = r + dy * (word.length - 1);
        const ec = c + dx * (word.length - 1);
        if (er < 0 || er >= rows || ec < 0 || ec >= cols) continue;
        let ok = true;
        for (let j = 0; j < word.length && ok; j++) ok = letters[r + j * dy][c + j * dx].toUpperCase() === word[j];
        if (ok) return `${word} (${r},${c})(${er},${ec})`;
      }
    }
  }
  return undefined;
}
