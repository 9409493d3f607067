// Registry of the BBEH family (11 bootcamps from BIG-Bench Extra Hard, as InternBootcamp scores them).
import type { AnyBootcamp } from '../types.ts';
import { bbehDyckLanguages } from './dyck-languages.ts';
import { bbehGeometricShapes } from './geometric-shapes.ts';
import { bbehMultistepArithmetic } from './multistep-arithmetic.ts';
import { bbehTemporalSequences } from './temporal-sequences.ts';
import { bbehWebOfLies } from './web-of-lies.ts';
import { bbehWordSorting } from './word-sorting.ts';
import { bbehBoardgameQa } from './boardgame-qa.ts';
import { bbehBooleanExpressions } from './boolean-expressions.ts';
import { bbehObjectCounting } from './object-counting.ts';
import { bbehObjectProperties } from './object-properties.ts';
import { bbehShuffledObjects } from './shuffled-objects.ts';

export const bbehBootcamps: AnyBootcamp[] = [
  bbehDyckLanguages,
  bbehGeometricShapes,
  bbehMultistepArithmetic,
  bbehTemporalSequences,
  bbehWebOfLies,
  bbehWordSorting,
  bbehBoardgameQa,
  bbehBooleanExpressions,
  bbehObjectCounting,
  bbehObjectProperties,
  bbehShuffledObjects,
];
