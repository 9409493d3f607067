// The merge command: SHARD_DIR... -o OUT [--allow_partial].
import minimist from 'minimist';
import { EXIT, UsageError } from '../errors.ts';
import { exitCodeOf } from './cli-common.ts';
import { mergeShards } from '../merge/merge-runs.ts';

export const MERGE_HELP = `Usage: tsx scripts/merge.ts SHARD_DIR... -o OUT [--allow_partial]
  Joins the run folders of a sharded run (--shard k/n, a Slurm job array, a Kubernetes Indexed Job) into one
  run folder OUT: details per input file in id order, meta.jsonl, the xlsx, results.yml and eval_args.json
  listing the shards. The shards must share one shard count and one config fingerprint, and every shard
  0..n-1 must be there exactly once (missing ones are named; --allow_partial merges what is there).
  A glob such as output/run_shard*of8 is the usual way to name them.
`;

export async function mergeMain(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  return exitCodeOf(io.stderr, async () => {
    const args = minimist([...argv], {
      string: ['o', 'output'],
      boolean: ['help', 'allow_partial'],
      alias: { o: 'output', h: 'help' },
      unknown: (arg) => {
        if (arg.startsWith('-') && !['-o', '--output', '--allow_partial', '--help', '-h'].includes(arg.replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
        return true;
      },
    });
    if (args.help) {
      io.stdout(MERGE_HELP);
      return EXIT.ok;
    }
    const folders = args._.map(String);
    if (!args.o) throw new UsageError('-o OUT is required: the folder of the merged run; see --help');
    const outcome = await mergeShards({
      folders,
      out: String(args.o),
      allowPartial: args.allow_partial === true,
      io: { print: io.stdout, log: (line) => io.stderr(line + '\n') },
    });
    const { set } = outcome;
    if (set.missing.length > 0) io.stderr(`warning: merged without shards ${set.missing.join(', ')} of ${set.count} (--allow_partial)\n`);
    if (outcome.duplicateKeys > 0) io.stderr(`warning: ${outcome.duplicateKeys} rows were in more than one shard; the lower-numbered shard's row was kept\n`);
    io.stderr(`Merged ${set.shards.length} shards of ${set.count} (${outcome.rows} rows) into ${String(args.o)}\n`);
    return EXIT.ok;
  });
}
