// How a run finds the verifier for each data source and what verifiers receive besides the output: native
// bootcamps from the registry, InternBootcamp's Python verifiers through the bridge (--verifier), and the
// sandbox for code bootcamps (--use_sandbox), which are refused before any request without it.
import { z } from 'zod';
import { getBootcamp, loadBootcamps } from '../../bootcamps/index.ts';
import { PythonBridge } from '../../bootcamps/python-bridge.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import type { Config } from '../config/config.ts';
import { judgeReview } from '../judge/judge-review.ts';
import { UsageError } from '../errors.ts';
import { createRunSandbox, type RunSandbox } from '../sandbox/create-sandbox.ts';
import type { VerifyContext } from '../../bootcamps/types.ts';
import type { ScoringSetup } from './runner.ts';

/** A bootcamp whose scoring happens in a bridge worker, under the data source's own name. */
export function pythonBootcamp(name: string, bridge: PythonBridge, python: string): AnyBootcamp {
  return {
    name,
    answerFormat: `InternBootcamp's Python verifier (${python})`,
    kind: 'python',
    groundTruth: z.unknown(),
    extract: () => null,
    verify: () => 0,
    score: async (output, groundTruth) => {
      const result = await bridge.score(name, output, groundTruth);
      return { score: result.score, extracted_output: result.extracted_output, ...(result.error ? { verify_error: result.error } : {}) };
    },
  };
}

/** The bridge's settings, as a run's config and rescore's flags both carry them. */
export interface BridgeSettings {
  python: string;
  bootcamp_pythonpath?: string;
  judge_worker_num: number;
  verify_timeout: number;
  /** NeMo's --api_key_name: that variable holds the key and is kept from the workers too. */
  api_key_name?: string;
}

/** A Python bridge whose workers get the user's environment without the evaluator's secrets. */
export function createPythonBridge(settings: BridgeSettings, env: Readonly<Record<string, string | undefined>>, log: (line: string) => void): PythonBridge {
  const workerEnv: NodeJS.ProcessEnv = { ...env };
  delete workerEnv.OPENAI_API_KEY;
  if (settings.api_key_name) delete workerEnv[settings.api_key_name];
  return new PythonBridge({
    python: settings.python,
    pythonPath: settings.bootcamp_pythonpath ? settings.bootcamp_pythonpath.split(':').filter(Boolean) : [],
    workers: settings.judge_worker_num,
    verifyTimeoutMs: settings.verify_timeout,
    env: workerEnv,
    log,
  });
}

export interface ScoringSetupWithPython extends ScoringSetup {
  /** For ls: the bootcamps the Python side can import, or why none. */
  pythonBootcamps(): Promise<{ names: string[]; error?: string }>;
}

export async function createScoringSetup(
  config: Config,
  env: Readonly<Record<string, string | undefined>> = {},
  log: (line: string) => void = () => undefined,
): Promise<ScoringSetupWithPython> {
  const python = new Map<string, AnyBootcamp>();
  let bridge: PythonBridge | undefined;
  const getBridge = () => (bridge ??= createPythonBridge(config, env, log));

  let sandbox: RunSandbox | undefined;
  const context: VerifyContext = {
    sandboxLimits: { timeoutMs: Math.round(config.sandbox_timeout * 1000), memoryMb: config.sandbox_memory_mb },
    sandboxLimitsGiven: { timeout: config.sources.sandbox_timeout !== 'default', memory: config.sources.sandbox_memory_mb !== 'default' },
  };
  const lookup = (dataSource: string) => {
    if (config.verifier === 'python') return python.get(dataSource);
    return getBootcamp(dataSource) ?? python.get(dataSource);
  };

  /**
   * Runs each native verifier's extraction once on a small sample before any request: its code is compiled now,
   * while nothing waits, instead of when the first wave of answers arrives and holds up the next requests.
   */
  function warmUpExtractors(dataSources: ReadonlySet<string>): void {
    const sample = 'Answer: [[A]] [answer]1[/answer] \\boxed{1} <answer>1</answer> ```json\n[1]\n```';
    for (const source of dataSources) {
      const bootcamp = getBootcamp(source);
      if (!bootcamp || bootcamp.kind === 'sandbox') continue;
      for (let i = 0; i < 3; i++) bootcamp.extract(i === 0 ? sample : sample + String(i));
    }
  }

  /** Code bootcamps need the sandbox: refused without --use_sandbox, and the sandbox is tried once up front. */
  async function prepareSandbox(dataSources: ReadonlySet<string>): Promise<void> {
    const code = [...dataSources].filter((d) => lookup(d)?.kind === 'sandbox').sort();
    if (code.length === 0) return;
    if (!config.use_sandbox) {
      throw new UsageError(
        `${code.join(', ')} run${code.length === 1 ? 's' : ''} the model's code, which this evaluator does only in a sandbox. ` +
          `Add --use_sandbox (local bubblewrap by default; --sandbox_type docker, or --sandbox_url for a sandbox server). See "Code evaluation" in the README.`,
      );
    }
    sandbox ??= createRunSandbox(config, log);
    log(`Code bootcamps (${code.join(', ')}) run in the ${sandbox.description}, ${config.judge_worker_num} at a time.`);
    await sandbox.check();
    context.sandbox = sandbox.executor;
    // What the bootcamps' programs import, tried once in the sandbox: one message, not a failure per item.
    for (const name of code) {
      const needs = lookup(name)?.requires;
      if (!needs) continue;
      const result = await sandbox.executor.execute({ files: { 'check.py': needs.check }, command: ['python3', 'check.py'], timeoutMs: 120_000, memoryMb: Math.max(config.sandbox_memory_mb, 2048) });
      if (result.exitCode !== 0 || result.timedOut) {
        const why = (result.stderr.trim().split('\n').pop() ?? '').slice(0, 300) || (result.timedOut ? 'timed out' : `exit ${result.exitCode}`);
        throw new UsageError(`${needs.hint}. The ${sandbox.description} cannot import them: ${why}`);
      }
    }
  }

  const judge = judgeReview(config, lookup, log);
  const load = (dataSources: Iterable<string>) => (config.verifier === 'python' ? Promise.resolve() : loadBootcamps(dataSources));
  return {
    lookup,
    load,
    context,
    openReview: (folder, signal) => judge.open(folder, signal),
    async prepare(dataSources) {
      await load(dataSources);
      judge.prepare(dataSources);
      if (config.verifier !== 'python') {
        warmUpExtractors(dataSources);
        await prepareSandbox(dataSources);
      }
      if (config.verifier === 'native') return;
      const candidates = [...dataSources].filter((d) => config.verifier === 'python' || !getBootcamp(d));
      if (candidates.length === 0) return;
      // Checked before any model request: a missing package or a typo is one message, not a thousand failed items.
      const { ok, failed } = await getBridge().check(candidates);
      for (const name of ok) python.set(name, pythonBootcamp(name, getBridge(), config.python));
      if (failed.size === 0) return;
      const lines = [...failed].sort(([a], [b]) => a.localeCompare(b)).map(([name, why]) => `${name}: ${why}`);
      const hint = `Install InternBootcamp (pip install -e . in its checkout) or point --bootcamp_pythonpath at its source folder; --python chooses the interpreter.`;
      if (config.verifier === 'python') throw new UsageError(`--verifier python: ${failed.size} data source(s) cannot be scored in Python:\n  ${lines.join('\n  ')}\n${hint}`);
      log(`No native verifier, and Python cannot score: ${lines.slice(0, 5).join('; ')}${lines.length > 5 ? ` (+${lines.length - 5} more)` : ''}. ${hint}`);
    },
    async pythonBootcamps() {
      if (config.verifier === 'native') return { names: [], error: '--verifier native' };
      try {
        return await getBridge().list();
      } catch (err) {
        return { names: [], error: (err as Error).message };
      }
    },
    async close() {
      await sandbox?.close();
      await bridge?.close();
    },
  };
}
