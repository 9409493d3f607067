// The bootcamp registry: data_source name → bootcamp. The runner looks bootcamps up here and knows nothing else
// about them. Each family keeps its own list; adding a bootcamp never touches the engine.
import type { AnyBootcamp } from './types.ts';
import { coreBootcamps } from './core.ts';
import { korLogicBootcamps } from './kor-logic/index.ts';
import { korOperationBootcamps } from './kor-operation/index.ts';
import { korPuzzleBootcamps } from './kor-puzzle/index.ts';
import { bbehBootcamps } from './bbeh/index.ts';
import { cipherBootcamps } from './cipher/index.ts';
import { arcBootcamps } from './arc/index.ts';
import { puzzleSetABootcamps } from './puzzles/set-a.ts';
import { puzzleSetBBootcamps } from './puzzles/set-b.ts';
import { codeBootcamps } from './code/index.ts';

export type { AnyBootcamp, Bootcamp, VerifierKind } from './types.ts';

function buildRegistry(lists: AnyBootcamp[][]): ReadonlyMap<string, AnyBootcamp> {
  const registry = new Map<string, AnyBootcamp>();
  for (const bootcamp of lists.flat()) {
    // Two bootcamps under one name would make scores depend on import order: a bug, so fail loudly.
    if (registry.has(bootcamp.name)) throw new Error(`bootcamp registered twice: ${bootcamp.name}`);
    registry.set(bootcamp.name, bootcamp);
  }
  return registry;
}

export const registry: ReadonlyMap<string, AnyBootcamp> = buildRegistry([
  coreBootcamps,
  korLogicBootcamps,
  korOperationBootcamps,
  korPuzzleBootcamps,
  bbehBootcamps,
  cipherBootcamps,
  arcBootcamps,
  puzzleSetABootcamps,
  puzzleSetBBootcamps,
  codeBootcamps,
]);

export function getBootcamp(dataSource: string): AnyBootcamp | undefined {
  return registry.get(dataSource);
}
