// Registry of the KorPuzzle family (14 bootcamps: number, grid and word puzzles in double square brackets).
import type { AnyBootcamp } from '../types.ts';
import { korPuzzle24Points } from './points-24.ts';
import { korPuzzleArrowMaze } from './arrow-maze.ts';
import { korPuzzleCalcudoko } from './calcudoko.ts';
import { korPuzzleCampsite } from './campsite.ts';
import { korPuzzleConnectWords } from './connect-words.ts';
import { korPuzzleCryptoMath } from './crypto-math.ts';
import { korPuzzleKukurasu } from './kukurasu.ts';
import { korPuzzleLogicPuzzle } from './logic-puzzle.ts';
import { korPuzzleSkyscrapers } from './skyscrapers.ts';
import { korPuzzleWordBrainTeasers, korPuzzleWordLadder, korPuzzleWordRootsAndAffixes, korPuzzleWordscapes } from './word-puzzles.ts';
import { korPuzzleWordSearch } from './word-search.ts';

export const korPuzzleBootcamps: AnyBootcamp[] = [
  korPuzzle24Points,
  korPuzzleArrowMaze,
  korPuzzleCalcudoko,
  korPuzzleCampsite,
  korPuzzleConnectWords,
  korPuzzleCryptoMath,
  korPuzzleKukurasu,
  korPuzzleLogicPuzzle,
  korPuzzleSkyscrapers,
  korPuzzleWordBrainTeasers,
  korPuzzleWordLadder,
  korPuzzleWordRootsAndAffixes,
  korPuzzleWordSearch,
  korPuzzleWordscapes,
];
