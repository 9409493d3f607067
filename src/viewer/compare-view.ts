// The viewer's comparison of runs: the same join and statistics compare.ts writes (src/compare), as JSON.
import { joinRuns } from '../compare/join.ts';
import { compareTable } from '../compare/report.ts';
import { UsageError } from '../errors.ts';
import { ServiceError } from '../service/http-util.ts';
import type { RunView } from './run-view.ts';

export async function compareRuns(views: readonly RunView[], baseline: number) {
  const names = views.map((v) => v.id);
  let join;
  try {
    join = await joinRuns(views.map((v) => v.dir), names);
  } catch (err) {
    // Runs that share no file or item: the same message compare.ts gives, as a 400.
    if (err instanceof UsageError) throw new ServiceError(400, err.message, 'runs');
    throw err;
  }
  return {
    names,
    baseline,
    rows: compareTable(join, baseline),
    disagreements: join.disagreements,
    moreDisagreements: join.moreDisagreements,
    warnings: join.warnings,
  };
}
