// How a run finds the verifier for each data source and what verifiers receive besides the output.
import { getBootcamp } from '../../bootcamps/index.ts';
import type { Config } from '../config/config.ts';
import type { ScoringSetup } from './runner.ts';

export async function createScoringSetup(_config: Config): Promise<ScoringSetup> {
  return {
    lookup: getBootcamp,
    context: {},
  };
}
