// The perf command's flags, EvalScope's `evalscope perf` names in either spelling (--max-tokens or
// --max_tokens), lists after --parallel, --number and --rate (`--parallel 1 8 32 --number 10 80 320`, run
// pairwise), checked once into a PerfConfig; a bad value is a UsageError naming the flag and what it takes.
import { UsageError } from '../errors.ts';
import type { Slo } from './summary.ts';
import { PERF_FLAGS, perfHelp } from './perf-flags.ts';

export type PerfDataset = 'random' | 'openqa' | 'line_by_line' | 'jsonl';

export interface PerfConfig {
  url: string;
  model: string;
  apiKey?: string;
  headers: Record<string, string>;
  parallel: number[];
  number: number[];
  /** Requests/s per point (-1: as fast as the parallelism allows); one value applies to every point. */
  rate: number[];
  durationSec?: number;
  warmupNum: number;
  dataset: PerfDataset;
  datasetPath?: string;
  minPromptLength: number;
  maxPromptLength: number;
  minTokens?: number;
  maxTokens: number;
  stream: boolean;
  temperature?: number;
  topP?: number;
  stop?: string[];
  extraArgs: Record<string, unknown>;
  connectTimeoutSec: number;
  readTimeoutSec: number;
  totalTimeoutSec: number;
  seed: number;
  outputsDir: string;
  name?: string;
  noTimestamp: boolean;
  slo?: Slo;
  /** --sla: the bound the concurrency search keeps to (a percentile of TTFT, TPOT or latency). */
  sla?: { metric: 'ttft' | 'tpot' | 'latency'; percentile: number; limitMs: number };
  maxParallel: number;
  /** A folder with tokenizer.json: random prompts of exact token lengths, and counts when usage is missing. */
  tokenizerPath?: string;
}

export const PERF_HELP = perfHelp();

const LIST_FLAGS = new Set(PERF_FLAGS.filter((f) => f.type === 'list').map((f) => f.name));
const BOOLEAN_FLAGS = new Set(PERF_FLAGS.filter((f) => f.type === 'boolean').map((f) => f.name));

/** argv into flag → values, names with "-" as "_"; lists collect every value up to the next flag. */
function readArgv(argv: readonly string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(token)} (flags start with --; see --help)`);
    const eq = token.indexOf('=');
    const name = (eq > 0 ? token.slice(2, eq) : token.slice(2)).replaceAll('-', '_');
    const values: string[] = [];
    if (eq > 0) values.push(token.slice(eq + 1));
    else if (!BOOLEAN_FLAGS.has(name)) {
      while (i + 1 < argv.length && !(argv[i + 1].startsWith('--') && argv[i + 1].length > 2 && !/^--?\d/.test(argv[i + 1]))) {
        values.push(argv[++i]);
        if (!LIST_FLAGS.has(name)) break;
      }
      if (values.length === 0) throw new UsageError(`--${name.replaceAll('_', '-')}: expected a value`);
    }
    flags.set(name, values);
  }
  return flags;
}

const KNOWN = new Set(PERF_FLAGS.map((f) => f.name));

function numberOf(flag: string, raw: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag.replaceAll('_', '-')}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return n;
}

function keyValues(flag: string, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag}: expected name=value pairs separated by commas, got ${JSON.stringify(part)}`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function readSlo(raw: string): Slo {
  const slo: Slo = {};
  for (const [key, value] of Object.entries(keyValues('slo', raw))) {
    if (key !== 'ttft_ms' && key !== 'tpot_ms' && key !== 'latency_ms') throw new UsageError(`--slo: ${key} is not a bound we take (ttft_ms, tpot_ms, latency_ms)`);
    slo[key] = numberOf('slo', value, (n) => n > 0, 'a positive number of milliseconds');
  }
  return slo;
}

function readSla(raw: string): PerfConfig['sla'] {
  const entries = Object.entries(keyValues('sla', raw));
  if (entries.length !== 1) throw new UsageError('--sla: expected one bound, such as ttft_p99_ms=1000');
  const [key, value] = entries[0];
  const m = /^(ttft|tpot|latency)_p(\d{1,2})_ms$/.exec(key);
  if (!m) throw new UsageError(`--sla: expected ttft_pNN_ms, tpot_pNN_ms or latency_pNN_ms, got ${key}`);
  return { metric: m[1] as 'ttft' | 'tpot' | 'latency', percentile: Number(m[2]), limitMs: numberOf('sla', value, (n) => n > 0, 'a positive number of milliseconds') };
}

export function parsePerfArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): PerfConfig | 'help' {
  const flags = readArgv(argv);
  if (flags.has('help')) return 'help';
  for (const name of flags.keys()) if (!KNOWN.has(name)) throw new UsageError(`--${name.replaceAll('_', '-')}: not a perf flag (see --help)`);
  const one = (name: string) => flags.get(name)?.[0];
  const int = (name: string, fallback: number, min = 0) => {
    const raw = one(name);
    return raw === undefined ? fallback : numberOf(name, raw, (n) => Number.isInteger(n) && n >= min, min > 0 ? 'a positive whole number' : 'a whole number');
  };
  const url = one('url');
  const model = one('model');
  if (!url) throw new UsageError('--url: expected the endpoint, e.g. http://127.0.0.1:8000/v1/chat/completions');
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url: expected an http:// or https:// URL, got ${JSON.stringify(url)}`);
  if (!model) throw new UsageError('--model: expected the served model name');
  if (one('api') !== undefined && one('api') !== 'openai') throw new UsageError(`--api: only openai is supported, got ${JSON.stringify(one('api'))}`);
  let headers: Record<string, string> = {};
  const rawHeaders = flags.get('headers');
  if (rawHeaders) {
    const joined = rawHeaders.join(' ').trim();
    if (joined.startsWith('{')) {
      try {
        headers = Object.fromEntries(Object.entries(JSON.parse(joined) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
      } catch {
        throw new UsageError('--headers: expected a JSON object or name=value pairs');
      }
    } else headers = keyValues('headers', rawHeaders.join(','));
  }
  const parallel = (flags.get('parallel') ?? ['1']).map((v) => numberOf('parallel', v, (n) => Number.isInteger(n) && n > 0, 'positive whole numbers'));
  const number = flags.has('number') ? flags.get('number')!.map((v) => numberOf('number', v, (n) => Number.isInteger(n) && n > 0, 'positive whole numbers')) : parallel.map((p) => Math.max(10, p * 4));
  if (number.length !== parallel.length) throw new UsageError(`--number: ${number.length} values for ${parallel.length} --parallel values; they are run in pairs`);
  const rate = (flags.get('rate') ?? ['-1']).map((v) => numberOf('rate', v, (n) => n === -1 || n > 0, 'requests per second (> 0), or -1'));
  if (rate.length !== 1 && rate.length !== parallel.length) throw new UsageError(`--rate: one value, or one per --parallel value (${parallel.length})`);
  const dataset = (one('dataset') ?? 'openqa') as PerfDataset;
  if (!['random', 'openqa', 'line_by_line', 'jsonl'].includes(dataset)) throw new UsageError(`--dataset: expected random, openqa, line_by_line or jsonl, got ${JSON.stringify(dataset)}`);
  const datasetPath = one('dataset_path');
  if ((dataset === 'line_by_line' || dataset === 'jsonl') && !datasetPath) throw new UsageError(`--dataset ${dataset}: needs --dataset-path FILE`);
  const minPromptLength = int('min_prompt_length', 128, 1);
  const maxPromptLength = int('max_prompt_length', Math.max(128, minPromptLength), 1);
  if (maxPromptLength < minPromptLength) throw new UsageError('--max-prompt-length: must not be below --min-prompt-length');
  let extraArgs: Record<string, unknown> = {};
  if (one('extra_args') !== undefined) {
    try {
      extraArgs = JSON.parse(one('extra_args')!) as Record<string, unknown>;
      if (typeof extraArgs !== 'object' || extraArgs === null || Array.isArray(extraArgs)) throw new Error();
    } catch {
      throw new UsageError('--extra-args: expected a JSON object, e.g. \'{"ignore_eos": true}\'');
    }
  }
  const seconds = (name: string, fallback: number) => (one(name) === undefined ? fallback : numberOf(name, one(name)!, (n) => n > 0, 'a positive number of seconds'));
  const float = (name: string) => (one(name) === undefined ? undefined : numberOf(name, one(name)!, () => true, 'a number'));
  const keyName = one('api_key_name') ?? 'OPENAI_API_KEY';
  return {
    url,
    model,
    apiKey: one('api_key') ?? env[keyName],
    headers,
    parallel,
    number,
    rate,
    durationSec: one('duration') === undefined ? undefined : seconds('duration', 0),
    warmupNum: int('warmup_num', 0),
    dataset,
    datasetPath,
    minPromptLength,
    maxPromptLength,
    minTokens: one('min_tokens') === undefined ? undefined : int('min_tokens', 0),
    maxTokens: int('max_tokens', 2048, 1),
    stream: !flags.has('no_stream'),
    temperature: float('temperature'),
    topP: float('top_p'),
    stop: flags.get('stop'),
    extraArgs,
    connectTimeoutSec: seconds('connect_timeout', 60),
    readTimeoutSec: seconds('read_timeout', 600),
    totalTimeoutSec: seconds('total_timeout', 6000),
    seed: int('seed', 0),
    outputsDir: one('outputs_dir') ?? 'outputs',
    name: one('name'),
    noTimestamp: flags.has('no_timestamp'),
    slo: one('slo') === undefined ? undefined : readSlo(one('slo')!),
    sla: one('sla') === undefined ? undefined : readSla(one('sla')!),
    maxParallel: int('max_parallel', 1024, 1),
    tokenizerPath: one('tokenizer_path'),
  };
}
