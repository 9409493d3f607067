// Registry of the 17 grid and logic puzzles: each checks an answer the way InternBootcamp's reference does
// (against the rules, or against the stored solution where the reference only compares).
import type { AnyBootcamp } from '../types.ts';
import { binairo } from './binairo.ts';
import { kakurasu } from './kakurasu.ts';
import { minesweeper } from './minesweeper.ts';
import { tents } from './tents.ts';
import { aquarium } from './aquarium.ts';
import { futoshiki } from './futoshiki.ts';
import { nonograms } from './nonograms.ts';
import { starbattle } from './starbattle.ts';
import { calcudoku } from './calcudoku.ts';
import { cryptomath } from './cryptomath.ts';
import { thermometers } from './thermometers.ts';
import { dominosa } from './dominosa.ts';
import { lightUp } from './light-up.ts';
import { arrowmaze } from './arrowmaze.ts';
import { campsite } from './campsite.ts';
import { galaxies } from './galaxies.ts';
import { stitches } from './stitches.ts';

export const puzzleSetBBootcamps: AnyBootcamp[] = [aquarium, arrowmaze, binairo, calcudoku, campsite, cryptomath, dominosa, futoshiki, galaxies, kakurasu, lightUp, minesweeper, nonograms, starbattle, stitches, tents, thermometers];
