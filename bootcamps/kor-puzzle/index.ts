// Registry of the KorPuzzle family. Not yet native: the word puzzles whose references need a dictionary or
// rules not ported yet (WordBrainTeasers, WordLadder, WordRootsAndAffixes, WordSearch, Wordscapes); they are
// scored through the Python bridge until they are.
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
];
