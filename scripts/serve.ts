#!/usr/bin/env -S npx tsx
// The HTTP service: jobs over HTTP (our job API and EvalScope's POST /api/v1/eval), each run in a child process.
import minimist from 'minimist';
import path from 'node:path';
import { Service } from '../src/service/server.ts';

const HELP = `Usage: tsx scripts/serve.ts [--host 127.0.0.1] [--port 9000] [--token T] [--output_root DIR] [--data_root DIR]
                          [--max_jobs N] [--max_queue N] [--body_limit_mb N] [--insecure]
  --port 0 picks a free port; the first line printed is "listening http://HOST:PORT".
  --token (or SERVICE_TOKEN): every route but /health needs "Authorization: Bearer T". A host other than
  loopback needs a token, unless --insecure.
  --output_root (default service-output): the job table (service-jobs.db) and each job's run folder (jobs/<id>).
  --data_root (default data): where TaskConfig paths (dataset_dir, test_dir, datasets files) must resolve.
  --max_jobs (default 2) run at once; --max_queue (default 100) wait, beyond that 429.
`;

const a = minimist(process.argv.slice(2), { string: ['host', 'port', 'token', 'output_root', 'data_root', 'max_jobs', 'max_queue', 'body_limit_mb'], boolean: ['insecure', 'help'] });
const fail = (message: string): never => {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
};
if (a.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const whole = (name: string, fallback: number, min: number) => {
  const raw = a[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name}: expected a whole number of at least ${min}, got ${JSON.stringify(raw)}`);
  return n;
};
const host = String(a.host ?? '127.0.0.1');
const token = (a.token as string | undefined) ?? process.env.SERVICE_TOKEN;
const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
if (!loopback && !token && !a.insecure) fail(`--host ${host} is reachable from other machines: give --token (or SERVICE_TOKEN), or --insecure to serve without one`);
const service = new Service({
  host,
  port: whole('port', 9000, 0),
  token,
  outputRoot: path.resolve(String(a.output_root ?? 'service-output')),
  dataRoot: path.resolve(String(a.data_root ?? 'data')),
  maxJobs: whole('max_jobs', 2, 1),
  maxQueue: whole('max_queue', 100, 0),
  bodyLimitBytes: whole('body_limit_mb', 10, 1) * 1024 * 1024,
  env: process.env,
  log: (line) => process.stderr.write(`${line}\n`),
});
const origin = await service.listen();
process.stdout.write(`listening ${origin}\n`);
const stop = () => {
  void service.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
