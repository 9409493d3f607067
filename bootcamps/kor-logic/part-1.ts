// KorLogic bootcamps, part 1 of 2 (filled in by the KorLogic issue).
import type { AnyBootcamp } from '../types.ts';

export const korLogicPart1Bootcamps: AnyBootcamp[] = [];
