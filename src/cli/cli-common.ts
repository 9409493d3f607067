// What the commands that take several run folders share: the runs' names (--names, else the folder names) and
// the baseline (--baseline, else the first); and how every command turns a user's error into its exit code.
import path from 'node:path';
import { UsageError, UserError } from '../errors.ts';

export function runNamesAndBaseline(runs: readonly string[], namesFlag: unknown, baselineFlag: unknown): { names: string[]; baseline: number } {
  if (runs.length < 2) throw new UsageError('expected at least two run folders; see --help');
  const names = namesFlag ? String(namesFlag).split(',') : runs.map((r) => path.basename(path.resolve(r)));
  if (names.length !== runs.length) throw new UsageError(`--names: expected ${runs.length} names, got ${names.length}`);
  if (new Set(names).size !== names.length) throw new UsageError('--names: names must differ (use --names to tell same-named folders apart)');
  const baseline = baselineFlag ? names.indexOf(String(baselineFlag)) : 0;
  if (baseline < 0) throw new UsageError(`--baseline: expected one of ${names.join(', ')}`);
  return { names, baseline };
}

/** Runs a command; a UserError (bad flag, bad input) is one "error:" line and its exit code, never a stack trace. */
export async function exitCodeOf(stderr: (text: string) => void, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (err) {
    if (err instanceof UserError) {
      stderr(`error: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
