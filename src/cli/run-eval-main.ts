// The run_eval command: parse, route (help, version, ls, dry run, run), map errors to exit codes.
import path from 'node:path';
import { buildConfig } from '../config/config.ts';
import { EXIT, UserError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { helpText } from './help.ts';
import { EvaluationRun, type RunIO } from '../run/runner.ts';
import { createScoringSetup } from '../run/scoring-setup.ts';
import { runLs } from './ls.ts';
import { runDryRun } from '../run/dry-run.ts';
import { redactText } from '../redact.ts';

export interface MainIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  cwd: string;
  /** Registers interrupt handlers; returns a function that removes them. */
  onInterrupt?: (handler: () => void) => () => void;
}

export async function runEvalMain(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: MainIO): Promise<number> {
  let secrets: (string | undefined)[] = [env.OPENAI_API_KEY];
  try {
    const config = buildConfig({ argv, env });
    secrets = [config.api_key, env.OPENAI_API_KEY];
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
      if (config.dry_run) return await runDryRun(config, scoring, io);
      const runIO: RunIO = {
        log: (line) => io.stderr(redactText(line, secrets) + '\n'),
        print: (text) => io.stdout(text),
        isTTY: io.isTTY,
        now: () => new Date(),
        outputRoot: path.resolve(io.cwd, 'output'),
        version: VERSION,
      };
      const run = new EvaluationRun(config, scoring, runIO);
      const removeHandlers = io.onInterrupt?.(() => run.interrupt());
      try {
        const outcome = await run.run();
        return outcome.exitCode;
      } finally {
        removeHandlers?.();
      }
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
