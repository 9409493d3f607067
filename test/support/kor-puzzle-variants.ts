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
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

export function korPuzzleVariants(source: string, gt: GT): Variant[] {
  const a = korPuzzleRightAnswer(source, gt);
  return doubleBracketVariants(a, korLogicWrongAnswer(a));
}
