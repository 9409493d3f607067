// Registry of the code bootcamps: each runs the model's program, and only ever inside a sandbox.
import type { AnyBootcamp } from '../types.ts';
import { humanEval } from './humaneval.ts';
import { kodCode, bigCodeBench } from './unittest-code.ts';
import { stdioCode } from './stdio-code.ts';
import { liveCodeBench } from './live-code-bench.ts';
import { sciCode } from './scicode.ts';

export const codeBootcamps: AnyBootcamp[] = [humanEval, kodCode, bigCodeBench, stdioCode, liveCodeBench as AnyBootcamp, sciCode as AnyBootcamp];
