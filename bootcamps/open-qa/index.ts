// Open-ended questions: a reference answer, a strict rule, and an LLM judge where one is given.
import type { AnyBootcamp } from '../types.ts';
import { openQa, simpleQaBootcamp } from './open-qa.ts';

export const openQaBootcamps: AnyBootcamp[] = [openQa as AnyBootcamp, simpleQaBootcamp as AnyBootcamp];
