// The rescore command: `rescore.ts IN -o OUT` scores a JSONL of outputs again; `rescore.ts --run DIR` rescores a
// run folder in place and rebuilds its meta.jsonl, xlsx and results.yml. No model request is made.
import minimist from 'minimist';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError, UserError } from '../errors.ts';
import { loadBootcamp } from '../../bootcamps/index.ts';
import { rescoreFile, rescoreRunDetails, type RescoreOptions } from '../rescore/rescore.ts';
import { finalizeRun } from '../run/finalize.ts';
import type { BenchmarkSummary } from '../output/benchmark-summary.ts';
import { RunPaths } from '../output/run-paths.ts';
import { readEvalArgs } from '../output/eval-args.ts';
import { countInputErrors } from '../output/input-errors.ts';
import { RunLock } from '../output/run-lock.ts';
import { redactCommandLine } from '../redact.ts';
import type { VerifyContext } from '../../bootcamps/types.ts';
import { BRIDGE_FLAG_NAMES, bridgeSettingsFromArgs, SANDBOX_FLAG_NAMES, sandboxSettingsFromArgs, type BridgeFlagValues } from '../sandbox/sandbox-flags.ts';
import type { PythonBridge } from '../../bootcamps/python-bridge.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { createPythonBridge, pythonBootcamp } from '../run/scoring-setup.ts';
import { createRunSandbox, type RunSandbox } from '../sandbox/create-sandbox.ts';
import { JUDGE_FLAG_NAMES, judgeFromArgs } from '../judge/judge-flags.ts';
import { JudgeStage, judgesBootcamp } from '../judge/judge-stage.ts';
import { JUDGE_RETRY_DEFAULTS } from '../judge/judge-client.ts';

export const RESCORE_HELP = `Usage:
  tsx scripts/rescore.ts IN.jsonl -o OUT.jsonl   score {data_source, ground_truth, output} rows again
  tsx scripts/rescore.ts --run RUN_DIR           rescore a run folder in place (details, meta.jsonl, xlsx, results.yml)

Code bootcamps (HumanEval, KodCode, BigCodeBench, StdioCode) need --use_sandbox; the run's sandbox flags apply:
  ${SANDBOX_FLAG_NAMES.map((n) => `--${n}`).join(' ')}
InternBootcamp's Python verifiers, as in a run (--verifier auto: native where registered, else Python):
  ${BRIDGE_FLAG_NAMES.map((n) => `--${n}`).join(' ')}
An LLM judge over a run folder, as in a run (answers cached in the folder are not asked again):
  ${JUDGE_FLAG_NAMES.map((n) => `--${n}`).join(' ')} --judge_worker_num
`;

export interface RescoreIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Verifier context handed in by a caller (tests); otherwise built from the sandbox flags. */
  context?: VerifyContext;
  env?: Readonly<Record<string, string | undefined>>;
}

const KNOWN_FLAGS = ['-o', '--output', '--run', '--help', '-h', ...[...SANDBOX_FLAG_NAMES, ...BRIDGE_FLAG_NAMES, ...JUDGE_FLAG_NAMES].map((n) => `--${n}`), '--no-use_sandbox'];

/**
 * The verifier of a data source, as a run finds it: native (its family loaded on first use) unless --verifier
 * python, else InternBootcamp's Python class through the bridge, checked once per name.
 */
function rescoreLookup(flags: BridgeFlagValues, workers: number, env: Readonly<Record<string, string | undefined>>, log: (line: string) => void) {
  let bridge: PythonBridge | undefined;
  const python = new Map<string, Promise<AnyBootcamp | undefined>>();
  const lookup = async (dataSource: string): Promise<AnyBootcamp | undefined> => {
    if (flags.verifier !== 'python') {
      const native = await loadBootcamp(dataSource);
      if (native || flags.verifier === 'native') return native;
    }
    let found = python.get(dataSource);
    if (!found) {
      const b = (bridge ??= createPythonBridge({ ...flags, judge_worker_num: workers }, env, log));
      found = b.check([dataSource]).then(({ ok, failed }) => {
        if (failed.size > 0) log(`${dataSource}: no native verifier, and Python cannot score it: ${failed.get(dataSource)}`);
        return ok.length > 0 ? pythonBootcamp(dataSource, b, flags.python) : undefined;
      });
      python.set(dataSource, found);
    }
    return found;
  };
  return { lookup, close: async () => bridge?.close() };
}

export async function rescoreMain(argv: readonly string[], io: RescoreIO): Promise<number> {
  let sandbox: RunSandbox | undefined;
  let lock: RunLock | undefined;
  let closeVerifiers: (() => Promise<void>) | undefined;
  let stage: JudgeStage | undefined;
  try {
    const args = minimist([...argv], {
      string: ['o', 'run', ...SANDBOX_FLAG_NAMES.filter((n) => n !== 'use_sandbox'), ...BRIDGE_FLAG_NAMES, ...JUDGE_FLAG_NAMES],
      boolean: ['help', 'use_sandbox'],
      alias: { o: 'output', h: 'help' },
      unknown: (arg) => {
        if (arg.startsWith('-') && !KNOWN_FLAGS.includes(arg.replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
        return true;
      },
    });
    if (args.help) {
      io.stdout(RESCORE_HELP);
      return EXIT.ok;
    }
    const sandboxFlags = sandboxSettingsFromArgs(args, io.env ?? {});
    const log = (line: string) => io.stderr(line + '\n');
    let context: VerifyContext = io.context ?? {};
    if (!io.context && sandboxFlags.use_sandbox) {
      sandbox = createRunSandbox(sandboxFlags, log);
      await sandbox.check();
      context = {
        sandbox: sandbox.executor,
        sandboxLimits: { timeoutMs: Math.round(sandboxFlags.sandbox_timeout * 1000), memoryMb: sandboxFlags.sandbox_memory_mb },
        sandboxLimitsGiven: { timeout: args.sandbox_timeout !== undefined, memory: args.sandbox_memory_mb !== undefined },
      };
    }
    const verifiers = rescoreLookup(bridgeSettingsFromArgs(args), sandboxFlags.judge_worker_num, io.env ?? {}, log);
    closeVerifiers = verifiers.close;
    const options: RescoreOptions = { lookup: verifiers.lookup, context, log };
    const judge = judgeFromArgs(args, io.env ?? {}, sandboxFlags.judge_worker_num, 'auto');
    if (args.run && judge.strategy !== 'rule') {
      const settings = judge.settings;
      if (settings) {
        // The run folder's judge cache: what the run (or an earlier rescore) asked is not asked again.
        stage = new JudgeStage(judge.strategy, settings, JUDGE_RETRY_DEFAULTS, String(args.run), judge.chosen);
        await stage.client.check({ intervalSec: 5, maxAttempts: 3, log });
        const s = stage;
        options.review = (item, row) => s.review(item, row);
      } else {
        const warned = new Set<string>();
        options.review = async (item, row) => {
          if (judgesBootcamp(judge.strategy, item.bootcamp) && !warned.has(item.bootcamp.name)) {
            warned.add(item.bootcamp.name);
            log(`${item.bootcamp.name} asks for an LLM judge: without --judge_model_args its rows keep the rule's score.`);
          }
          return row;
        };
      }
    }
    if (args.run) {
      if (args._.length > 0 || args.o) throw new UsageError('--run DIR takes no IN or -o');
      const paths = new RunPaths(args.run);
      const evalArgs = readEvalArgs(paths.evalArgs);
      if (!evalArgs) throw new UsageError(`--run: ${paths.evalArgs} is missing or not JSON; is ${args.run} a run folder?`);
      // The same lock as run_eval's: rescoring a folder that a run is still writing would lose rows.
      lock = RunLock.acquire(args.run, { command: redactCommandLine(['rescore', ...argv], []), force: false, log });
      const { files, counts } = await rescoreRunDetails(args.run, options);
      const totals = await finalizeRun({
        settings: {
          model_name: String(evalArgs.model_name),
          repeats: typeof evalArgs.repeats === 'number' ? evalArgs.repeats : 1,
          pass_k: Array.isArray(evalArgs.pass_k) ? (evalArgs.pass_k as number[]) : undefined,
          all: evalArgs,
        },
        paths,
        files,
        inputErrorCounts: countInputErrors(paths.inputErrors, files),
        fileDataSources: files.map(() => []),
        // A run of named benchmarks keeps its subset rows, averages and reports (recorded in eval_args.json).
        benchmarks: Array.isArray(evalArgs.benchmarks) ? (evalArgs.benchmarks as BenchmarkSummary[]) : undefined,
        startedAtMs: Date.now(),
        io: { print: io.stdout, log: (line) => io.stderr(line + '\n') },
      });
      io.stderr(`Rescored ${counts.rows} rows in ${files.length} files (${counts.scoreChanged} scores changed, ${counts.problems} rows left as they were).\n`);
      if (stage) io.stderr(`Judge ${stage.settings.modelId}: ${stage.judged} row(s) judged, ${stage.failed} without a verdict; ${stage.client.requests} request(s) sent (the rest from the cache).\n`);
      return counts.problems + totals.itemErrors > 0 ? EXIT.itemErrors : EXIT.ok;
    }
    if (args._.length !== 1 || !args.o) throw new UsageError('expected IN.jsonl -o OUT.jsonl, or --run DIR; see --help');
    const input = String(args._[0]);
    if (!existsSync(input)) throw new UsageError(`${input} does not exist`);
    if (path.resolve(input) === path.resolve(args.o)) throw new UsageError('-o must differ from IN (use --run to rescore a run folder in place)');
    const counts = await rescoreFile(input, args.o, options);
    io.stderr(`Rescored ${counts.rows} rows into ${args.o} (${counts.scoreChanged} scores changed, ${counts.problems} rows copied unchanged).\n`);
    return counts.problems > 0 ? EXIT.itemErrors : EXIT.ok;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`error: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  } finally {
    await stage?.close();
    lock?.release();
    await sandbox?.close();
    await closeVerifiers?.();
  }
}
