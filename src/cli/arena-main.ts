// The arena command: RUN_A RUN_B [RUN_C ...] --judge_model_args JSON [--baseline NAME] [--names a,b,c] [-o DIR].
import minimist from 'minimist';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError } from '../errors.ts';
import { exitCodeOf, runNamesAndBaseline } from './cli-common.ts';
import { JUDGE_FLAG_NAMES, judgeFromArgs } from '../judge/judge-flags.ts';
import { JudgeClient, JUDGE_RETRY_DEFAULTS } from '../judge/judge-client.ts';
import { JudgeCache, JUDGE_CACHE_FILE } from '../judge/judge-cache.ts';
import { loadJudgeTemplate } from '../judge/judge-template.ts';
import { runTimestamp } from '../output/run-paths.ts';
import { joinForArena, runArena } from '../arena/arena.ts';
import { arenaMarkdown, writeArenaReports } from '../arena/arena-report.ts';
import { onProcessInterrupt } from './interrupts.ts';

export const ARENA_HELP = `Usage: tsx scripts/arena.ts RUN_A RUN_B [RUN_C ...] --judge_model_args JSON [--baseline NAME] [--names a,b,c]
                           [-o DIR] [--judge_template pairwise|FILE] [--judge_worker_num N] [--no_gold]
  Joins the runs item by item, has the judge compare every pair of answers in both orders (a verdict that changes
  with the order is a tie), and writes arena.json, arena.md, arena.xlsx and arena.html (default -o:
  output/arena_<YYYYMMDD_HHMMSS>): wins, ties and losses per pair, win rates against the baseline with bootstrap
  95% intervals, Bradley-Terry ratings with bootstrap intervals, and Elo. The reference answer is shown to the
  judge when the rows have one (--no_gold hides it). Judge answers are cached in DIR/judge_cache.jsonl.
`;

export async function arenaMain(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void; env: Readonly<Record<string, string | undefined>>; now?: () => Date }): Promise<number> {
  return exitCodeOf(io.stderr, async () => {
    const known = ['-o', '--output', '--names', '--baseline', '--help', '-h', '--judge_worker_num', '--no_gold', ...JUDGE_FLAG_NAMES.map((n) => `--${n}`)];
    const args = minimist([...argv], {
      string: ['o', 'names', 'baseline', 'judge_worker_num', ...JUDGE_FLAG_NAMES],
      boolean: ['help', 'no_gold'],
      alias: { o: 'output', h: 'help' },
      unknown: (arg) => {
        if (arg.startsWith('-') && !known.includes(arg.replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
        return true;
      },
    });
    if (args.help) {
      io.stdout(ARENA_HELP);
      return EXIT.ok;
    }
    const runs = args._.map(String);
    const { names, baseline } = runNamesAndBaseline(runs, args.names, args.baseline);
    const workers = args.judge_worker_num !== undefined ? Number(args.judge_worker_num) : 8;
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new UsageError('--judge_worker_num: expected a whole number from 1 to 256');
    const { settings } = judgeFromArgs({ ...args, judge_template: args.judge_template ?? 'pairwise' }, io.env, workers, 'llm');
    if (!settings) throw new UsageError(`an arena needs a judge: --judge_model_args '{"model_id": "...", "api_url": "http://host:port/v1"}'`);
    const template = args.judge_template ? settings.template : loadJudgeTemplate('pairwise');
    const out = args.o ? String(args.o) : path.join('output', `arena_${runTimestamp(io.now?.() ?? new Date())}`);
    const items = await joinForArena(runs, (line) => io.stderr(`warning: ${line}\n`));
    if (items.length === 0) throw new UsageError('no item is answered in every run');
    mkdirSync(out, { recursive: true });
    const controller = new AbortController();
    const off = onProcessInterrupt(() => controller.abort());
    const judge = new JudgeClient(settings, JUDGE_RETRY_DEFAULTS, new JudgeCache(path.join(out, JUDGE_CACHE_FILE)), controller.signal);
    try {
      await judge.check({ intervalSec: 5, maxAttempts: 3, log: (l) => io.stderr(l + '\n') });
      const pairs = (names.length * (names.length - 1)) / 2;
      io.stderr(`Arena: ${names.length} runs, ${items.length} items, ${pairs} pair(s), ${2 * pairs * items.length} judgements (both orders) by ${settings.modelId}, ${workers} at a time.\n`);
      const result = await runArena({ names, baseline, items, judge, template, useGold: !args.no_gold });
      const files = writeArenaReports(out, result, settings.modelId);
      io.stdout(arenaMarkdown(result, settings.modelId));
      io.stdout(`\nWrote ${files.map((f) => path.join(out, f)).join(', ')} (${result.judgeRequests} judge request(s); the rest from ${JUDGE_CACHE_FILE})\n`);
    } finally {
      off();
      await judge.close();
    }
    return EXIT.ok;
  });
}
