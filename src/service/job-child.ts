// One service job's process: the evaluator's own command (run_eval's main) with the job's arguments. It stops
// as on Ctrl-C, keeping what is done, when the service asks (SIGINT) or when it loses the service (the IPC
// channel closes, as after kill -9 of the server), so that no job outlives its server unseen.
import { runEvalMain } from '../cli/run-eval-main.ts';
import { onProcessInterrupt } from '../cli/interrupts.ts';

const code = await runEvalMain(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: false,
  cwd: process.cwd(),
  onInterrupt: onProcessInterrupt,
});
process.exitCode = code;
if (process.connected) process.disconnect();
