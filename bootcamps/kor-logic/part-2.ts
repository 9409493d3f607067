// KorLogic bootcamps, part 2 of 2 (filled in by the KorLogic issue).
import type { AnyBootcamp } from '../types.ts';

export const korLogicPart2Bootcamps: AnyBootcamp[] = [];
