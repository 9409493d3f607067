#!/usr/bin/env -S npx tsx
// The demo: starts the bundled mock model (answering 70% of the sample prompts correctly), runs the evaluator
// on the project's own sample data, and shows the summary and where the run folder is.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startMockProcess, TSX_IMPORT } from '../src/mock/mock-process.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const mock = await startMockProcess([
  '--model', 'demo-model',
  '--solutions', path.join(PROJECT_ROOT, 'data', 'sample-solutions.jsonl'),
  '--correct-rate', '0.7',
  '--latency-ms', '5-40',
]);
process.stdout.write(`Mock model "demo-model" is serving at ${mock.baseUrl}\n`);
const args = [
  ...TSX_IMPORT, path.join(PROJECT_ROOT, 'scripts', 'run_eval.ts'),
  '--url', mock.baseUrl,
  '--model_name', 'demo-model',
  '--test_dir', path.join(PROJECT_ROOT, 'data', 'sample'),
  '--template', 'r1',
  '--api_mode', 'completion',
  '--max_concurrent_requests', '16',
  ...process.argv.slice(2),
];
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: process.cwd() });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1)));
});
await mock.stop();
// Where to look at it: the run folder just written is the newest under output/ (or the --output_dir given).
const given = process.argv.indexOf('--output_dir');
const where = given >= 0 ? process.argv[given + 1] : 'output';
if (code === 0 || code === 3) process.stdout.write(`\nLook at the run in your browser:\n  npx tsx scripts/view.ts ${where}\n`);
process.exitCode = code;
