// The compare command: RUN_DIR RUN_DIR... [-o DIR] [--names a,b,c] [--baseline NAME].
import minimist from 'minimist';
import { mkdirSync } from 'node:fs';
import { EXIT, UsageError, UserError } from '../errors.ts';
import { runNamesAndBaseline } from './cli-common.ts';
import { joinRuns } from '../compare/join.ts';
import { compareMarkdown, compareTable, writeCompareReports } from '../compare/report.ts';

export const COMPARE_HELP = `Usage: tsx scripts/compare.ts RUN_DIR RUN_DIR... [-o DIR] [--names a,b,c] [--baseline NAME]
  Joins the runs item by item and writes compare.md, compare.xlsx and compare.html (default -o: the current folder).
`;

export async function compareMain(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  try {
    const args = minimist([...argv], {
      string: ['o', 'names', 'baseline'],
      boolean: ['help'],
      unknown: (arg) => {
        if (arg.startsWith('-') && !['-o', '--names', '--baseline', '--help'].includes(arg.replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
        return true;
      },
    });
    if (args.help) {
      io.stdout(COMPARE_HELP);
      return EXIT.ok;
    }
    const runs = args._.map(String);
    const { names, baseline } = runNamesAndBaseline(runs, args.names, args.baseline);
    const outDir = args.o ? String(args.o) : '.';
    mkdirSync(outDir, { recursive: true });
    const join = await joinRuns(runs, names);
    for (const w of join.warnings) io.stderr(`warning: ${w}\n`);
    const rows = compareTable(join, baseline);
    const files = writeCompareReports(outDir, rows, names, baseline, join);
    io.stdout(compareMarkdown(rows, names, baseline, join).split('\n## ')[0] + '\n');
    io.stdout(`Wrote ${files.join(', ')}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`error: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
