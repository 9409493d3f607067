#!/usr/bin/env -S npx tsx
// The bundled OpenAI-compatible mock server (vLLM-like, failures included). First line: "listening http://HOST:PORT".
import { MockServer } from '../src/mock/mock-server.ts';
import { MOCK_HELP, parseMockArgs } from '../src/mock/mock-args.ts';
import { UserError } from '../src/errors.ts';

try {
  const options = parseMockArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(MOCK_HELP);
  } else {
    const server = new MockServer(options);
    const url = await server.listen();
    process.stdout.write(`listening ${url}\n`);
    process.stdout.write(`OpenAI base URL: ${url}/v1  model: ${options.model}  reply: ${options.reply}\n`);
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 2;
  } else throw err;
}
