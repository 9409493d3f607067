// Registry of the KorLogic family: two lists, kept apart only so that they could be ported in parallel.
import type { AnyBootcamp } from '../types.ts';
import { korLogicPart1Bootcamps } from './part-1.ts';
import { korLogicPart2Bootcamps } from './part-2.ts';

export const korLogicBootcamps: AnyBootcamp[] = [...korLogicPart1Bootcamps, ...korLogicPart2Bootcamps];
