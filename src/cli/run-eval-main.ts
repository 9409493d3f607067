// The run_eval command: parse, route (help, version, ls, dry run, run), map errors to exit codes.
import path from 'node:path';
import { buildConfig, type Config } from '../config/config.ts';
import { compareMain } from './compare-main.ts';
import { loadTemplate } from '../templates.ts';
import { defaultRunFolder, pathSafe } from '../output/run-paths.ts';
import { EXIT, UsageError, UserError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { helpText } from './help.ts';
import { EvaluationRun, type RunIO, type RunOutcome } from '../run/runner.ts';
import { createScoringSetup } from '../run/scoring-setup.ts';
import { remoteTarget } from '../sandbox/create-sandbox.ts';
import { runLs } from './ls.ts';
import { runDryRun } from '../run/dry-run.ts';
import { inputLabel } from '../run/run-sources.ts';
import { redactCommandLine, redactText } from '../redact.ts';

export interface MainIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  cwd: string;
  /** Registers interrupt handlers; returns a function that removes them. */
  onInterrupt?: (handler: () => void) => () => void;
}

/**
 * --template r1,qwen,chatml: the same inputs once per template into sibling run folders ({folder}_{template}),
 * then compare.ts on them into {folder}_compare.
 */
async function runTemplateList(
  config: Config,
  templates: string[],
  runOne: (c: Config) => Promise<RunOutcome>,
  runIO: RunIO,
  io: MainIO,
): Promise<number> {
  for (const t of templates) loadTemplate(t); // every name checked before the first run starts
  if (config.resume !== false && config.output_dir === undefined) {
    throw new UsageError('--resume with a --template list needs --output_dir (the runs go to {output_dir}_{template})');
  }
  const base = config.output_dir ?? defaultRunFolder(runIO.outputRoot, config.model_name, inputLabel(config), runIO.now());
  const folders: string[] = [];
  let worst: number = EXIT.ok;
  for (const template of templates) {
    const folder = `${base}_${pathSafe(template)}`;
    runIO.log(`--- template ${template} → ${folder}`);
    const outcome = await runOne(Object.freeze({ ...config, template, output_dir: folder }));
    folders.push(outcome.folder);
    if (outcome.exitCode === EXIT.interrupted || outcome.exitCode === EXIT.usage) return outcome.exitCode;
    worst = Math.max(worst, outcome.exitCode);
  }
  const compareCode = await compareMain([...folders, '-o', `${base}_compare`, '--names', templates.join(',')], io);
  return compareCode !== EXIT.ok ? compareCode : worst;
}

export async function runEvalMain(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: MainIO): Promise<number> {
  // `run_eval.ts perf ...` is the load test (scripts/perf.ts), with its own flags.
  if (argv[0] === 'perf') {
    const { perfMain } = await import('../perf/perf-main.ts');
    return perfMain(argv.slice(1), env, { ...io, now: () => new Date() });
  }
  let secrets: (string | undefined)[] = [env.OPENAI_API_KEY, env.HF_TOKEN, env.MODELSCOPE_API_TOKEN];
  try {
    const config = buildConfig({ argv, env });
    secrets = [config.api_key, env.OPENAI_API_KEY, config.sandbox_token, env.SANDBOX_TOKEN, remoteTarget(config)?.token, env.HF_TOKEN, env.MODELSCOPE_API_TOKEN];
    if (config.command === 'help') {
      io.stdout(helpText(VERSION));
      return EXIT.ok;
    }
    if (config.command === 'version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const scoring = await createScoringSetup(config, env, (line) => io.stderr(redactText(line, secrets) + '\n'));
    // Whatever happens below, bridge workers and sandboxes are stopped: no process outlives the command.
    try {
      if (config.command === 'ls') return await runLs(config, scoring, io);
      if (config.dry_run) {
        let code: number = EXIT.ok;
        for (const template of config.template.split(',').map((t) => t.trim()).filter(Boolean)) {
          code = Math.max(code, await runDryRun(Object.freeze({ ...config, template }), scoring, io));
        }
        return code;
      }
      const runIO: RunIO = {
        log: (line) => io.stderr(redactText(line, secrets) + '\n'),
        print: (text) => io.stdout(text),
        isTTY: io.isTTY,
        now: () => new Date(),
        outputRoot: path.resolve(io.cwd, config.work_dir ?? 'output'),
        version: VERSION,
        command: redactCommandLine(['run_eval', ...argv], secrets),
      };
      const runOne = async (runConfig: Config) => {
        const run = new EvaluationRun(runConfig, scoring, runIO);
        const removeHandlers = io.onInterrupt?.(() => run.interrupt());
        try {
          return await run.run();
        } finally {
          removeHandlers?.();
        }
      };
      const templates = config.template.split(',').map((t) => t.trim()).filter(Boolean);
      if (templates.length <= 1) return (await runOne(config)).exitCode;
      return await runTemplateList(config, templates, runOne, runIO, io);
    } finally {
      await scoring.close?.();
    }
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`error: ${redactText(err.message, secrets)}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
