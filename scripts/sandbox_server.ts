#!/usr/bin/env -S npx tsx
// The sandbox server: runs programs for remote evaluators (--sandbox_url). First line: "listening http://HOST:PORT".
import { parseSandboxServerArgs, SANDBOX_SERVER_HELP, startSandboxServer } from '../src/cli/sandbox-server-main.ts';
import { UserError } from '../src/errors.ts';

try {
  const options = parseSandboxServerArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(SANDBOX_SERVER_HELP);
  } else {
    const { server, url } = await startSandboxServer(options, (line) => process.stderr.write(line + '\n'));
    process.stdout.write(`listening ${url}\n`);
    process.stdout.write(`${options.sandboxType} sandbox, ${options.maxConcurrency} at a time, queue ${options.maxQueue}${options.token ? ', token required' : ''}\n`);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 2;
  } else throw err;
}
