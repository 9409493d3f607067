// Runs a re-arc verifier program (programs.json, made by scripts/arc_programs.ts): a straight line of steps
// `[target, function, ...argument names]` (function "()" builds a tuple) ending in the name of the result. Names are the input grid I, earlier
// targets, or DSL primitives and constants. Nothing is evaluated as code: every name is looked up in a table.
import { BASE_DSL } from './dsl-base.ts';
import { GRID_DSL } from './dsl-grids.ts';
import type { PyFunction, Value } from './py-values.ts';

export const DSL: Readonly<Record<string, Value>> = { ...BASE_DSL, ...GRID_DSL };

export type ProgramStep = readonly string[] | string;
export type Program = readonly ProgramStep[];

export function runProgram(program: Program, input: number[][]): Value {
  const steps = runSteps(program, input);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** Runs the program one step per iteration; the generator's return value is the result. */
export function* runSteps(program: Program, input: number[][]): Generator<void, Value> {
  const vars = new Map<string, Value>([['I', input]]);
  const lookup = (name: string): Value => {
    const v = vars.get(name);
    if (v !== undefined) return v;
    if (Object.hasOwn(DSL, name)) return DSL[name];
    throw new Error(`unknown name in program: ${name}`);
  };
  for (const step of program) {
    if (typeof step === 'string') return lookup(step);
    const [target, fnName, ...argNames] = step;
    if (fnName === '()') {
      vars.set(target, argNames.map(lookup));
      continue;
    }
    const fn = lookup(fnName);
    if (typeof fn !== 'function') throw new Error(`${fnName} is not callable`);
    vars.set(target, (fn as PyFunction)(...argNames.map(lookup)));
    yield;
  }
  throw new Error('program has no result');
}
