// `scripts/sandbox_server.ts`: serve the local sandbox over HTTP for evaluators on other machines.
import minimist from 'minimist';
import os from 'node:os';
import { UsageError } from '../errors.ts';
import { BwrapSandbox } from '../sandbox/bwrap.ts';
import { DockerSandbox } from '../sandbox/docker.ts';
import { createSandboxServer } from '../sandbox/server.ts';
import { runtimeForBwrap } from '../sandbox/create-sandbox.ts';

export const SANDBOX_SERVER_HELP = `Usage: tsx scripts/sandbox_server.ts [flags]
  --host H               (default 127.0.0.1)
  --port N               port (0 = a free one; the first line printed is "listening http://HOST:PORT") (default 1234)
  --token T              require "Authorization: Bearer T" (default: SANDBOX_TOKEN from the environment, else none)
  --sandbox_type T       bwrap | docker (default bwrap)
  --sandbox_python PATH  Python runtime for bwrap (default python3)
  --sandbox_image IMAGE  image for docker (default python:3.11-slim)
  --max_concurrency N    executions at once (default: the number of CPUs)
  --max_queue N          requests waiting beyond those; more get 429 with Retry-After (default 4 × max_concurrency)
  --max_body_mb N        largest request body (default 16)
  --max_memory_mb N      ms-enclave sandboxes: the most memory an execution gets, whatever its memory_limit asks
                         (default 2048)

Endpoints: GET /health; POST /v1/execute {files, command, stdin?, timeoutMs, memoryMb} → {exitCode, stdout,
stderr, timedOut, durationMs, truncated?}. ms-enclave's (EvalScope's sandbox_manager_config base_url): POST
/sandbox/create?sandbox_type=docker, GET /sandboxes, GET|DELETE /sandbox/{id}, POST /sandbox/{id}/stop,
GET /sandbox/{id}/tools, POST /sandbox/tool/execute, POST /pool/initialize, POST /pool/execute, GET /stats;
tools python_executor, shell_executor, multi_code_executor (python, bash), file_operation; the token as
X-API-Key there. Never a network, whatever network_enabled says.
`;

export interface SandboxServerArgs {
  host: string;
  port: number;
  token?: string;
  sandboxType: 'bwrap' | 'docker';
  python: string;
  image: string;
  maxConcurrency: number;
  maxQueue: number;
  maxBodyBytes: number;
  maxMemoryMb: number;
}

const KNOWN = ['host', 'port', 'token', 'sandbox_type', 'sandbox_python', 'sandbox_image', 'max_concurrency', 'max_queue', 'max_body_mb', 'max_memory_mb', 'help', 'h'];

function positive(raw: unknown, flag: string, allowZero = false): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new UsageError(`--${flag}: expected a ${allowZero ? 'non-negative' : 'positive'} integer, got ${JSON.stringify(raw)}`);
  return n;
}

export function parseSandboxServerArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): SandboxServerArgs | 'help' {
  const args = minimist([...argv], { string: ['host', 'token', 'sandbox_type', 'sandbox_python', 'sandbox_image'], boolean: ['help'], alias: { h: 'help' } });
  for (const key of Object.keys(args)) if (key !== '_' && !KNOWN.includes(key)) throw new UsageError(`unknown flag --${key}; see --help`);
  if (args.help) return 'help';
  const sandboxType = args.sandbox_type ?? 'bwrap';
  if (sandboxType !== 'bwrap' && sandboxType !== 'docker') throw new UsageError(`--sandbox_type: expected bwrap or docker, got ${JSON.stringify(sandboxType)}`);
  const maxConcurrency = args.max_concurrency === undefined ? os.availableParallelism() : positive(args.max_concurrency, 'max_concurrency');
  return {
    host: args.host ?? '127.0.0.1',
    port: args.port === undefined ? 1234 : positive(args.port, 'port', true),
    token: args.token ?? env.SANDBOX_TOKEN ?? undefined,
    sandboxType,
    python: args.sandbox_python ?? 'python3',
    image: args.sandbox_image ?? 'python:3.11-slim',
    maxConcurrency,
    maxQueue: args.max_queue === undefined ? 4 * maxConcurrency : positive(args.max_queue, 'max_queue', true),
    maxBodyBytes: (args.max_body_mb === undefined ? 16 : positive(args.max_body_mb, 'max_body_mb')) * 1024 * 1024,
    maxMemoryMb: args.max_memory_mb === undefined ? 2048 : positive(args.max_memory_mb, 'max_memory_mb'),
  };
}

export async function startSandboxServer(options: SandboxServerArgs, log: (line: string) => void) {
  const executor = options.sandboxType === 'docker' ? new DockerSandbox({ image: options.image }) : new BwrapSandbox({ runtime: runtimeForBwrap(options.python, log) });
  const { server, stats } = createSandboxServer({
    executor,
    sandboxType: options.sandboxType,
    token: options.token,
    maxConcurrency: options.maxConcurrency,
    maxQueue: options.maxQueue,
    maxBodyBytes: options.maxBodyBytes,
    maxMemoryMb: options.maxMemoryMb,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as { port: number };
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { server, stats, url: `http://${host}:${address.port}` };
}
