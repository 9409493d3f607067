// Runs the real CLI scripts as child processes, with temp folders, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/version.ts';
import { startMockProcess, TSX_IMPORT } from '../../src/mock/mock-process.ts';

export { startMockProcess };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'bce-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function spawnScript(script: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [...TSX_IMPORT, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, OPENAI_API_KEY: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runScript(script: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return collect(spawnScript(script, args, options));
}

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Every file under a folder, recursively. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Polls until `check` returns true, or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs `fn` against a mock process serving model "m" with the sample solutions (plus `args`), then stops it. */
export async function withMock<T>(args: string[], fn: (baseUrl: string, stats: () => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const mock = await startMockProcess(['--model', 'm', '--solutions', SAMPLE_SOLUTIONS, ...args]);
  try {
    return await fn(mock.baseUrl, mock.stats);
  } finally {
    await mock.stop();
  }
}

export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'data', 'sample');
export const SAMPLE_SOLUTIONS = path.join(PROJECT_ROOT, 'data', 'sample-solutions.jsonl');
export const SHARED_EVAL_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'internbootcamp_eval');
