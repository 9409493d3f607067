// Builds the one validated Config of a run from the command line, the environment, a config file and the
// defaults, remembering where each value came from. The only module that reads argv and env.
import minimist from 'minimist';
import { COMMAND_FLAGS, configSchema, FLAG_ALIASES, FLAGS, type FlagName, type Settings } from './flags.ts';
import { UsageError } from '../errors.ts';
import { closestName } from './suggest.ts';
import { coerceFlagValue } from './coerce.ts';
import { loadConfigFile, mapConfigDocument, parseOverrides } from './config-file.ts';
import { readEvalScopeArgv } from './evalscope-argv.ts';
import { MODEL_KINDS, modelKind } from './task-config.ts';
import type { HubEnv } from '../datasets/hub-files.ts';
import { shardOf, type ShardSpec } from './shard-spec.ts';
import { findBenchmark } from '../../benchmarks/index.ts';
import { judgeSettings, type JudgeSettings } from '../judge/judge-settings.ts';
import os from 'node:os';
import path from 'node:path';

export type Source = 'cli' | 'config' | 'env' | 'bootcamp' | 'benchmark' | 'default';

export type Command = 'run' | 'ls' | 'help' | 'version';

export type Config = Readonly<Settings> & {
  readonly command: Command;
  /** Where each setting's value came from, for eval_args.json and --dry_run. */
  readonly sources: Readonly<Record<FlagName, Source>>;
  /** `--json` (for ls). */
  readonly json: boolean;
  /** Hub endpoints and tokens from the environment, for benchmark downloads; never written anywhere. */
  readonly hubEnv: Readonly<HubEnv>;
  /** --url split into its endpoints (one, or several to balance over), each a base URL. */
  readonly urls: readonly string[];
  /** This process's shard of a sharded run (--shard, or the scheduler's environment); absent when unsharded. */
  readonly shardSpec?: ShardSpec;
  /** The LLM judge from --judge_model_args (its key resolved from api_key_name); absent without one. */
  readonly judge?: JudgeSettings;
};

const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];

function canonicalName(raw: string): FlagName | undefined {
  if ((FLAGS as Record<string, unknown>)[raw]) return raw as FlagName;
  return FLAG_ALIASES.get(raw);
}

export interface BuildOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/** Values given on the command line, by canonical name, already typed; plus command flags. */
interface CliValues {
  values: Partial<Record<FlagName, unknown>>;
  positionals: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  overrides: string[];
}

function parseArgv(originalArgv: readonly string[]): CliValues {
  const allNames = [...FLAG_NAMES, ...FLAG_ALIASES.keys()];
  const known = (n: string) => canonicalName(n) !== undefined || (COMMAND_FLAGS as readonly string[]).includes(n);
  const { argv, taskConfig } = readEvalScopeArgv(originalArgv, known);
  const booleanNames = allNames.filter((n) => FLAGS[canonicalName(n)!].type === 'boolean');
  const stringNames = allNames.filter((n) => !booleanNames.includes(n));
  const unknown: string[] = [];
  const parsed = minimist([...argv], {
    string: [...stringNames, 'overrides', 'o'],
    boolean: [...booleanNames, 'help', 'version', 'json'],
    alias: { h: 'help', V: 'version' },
    unknown: (arg) => {
      if (arg.startsWith('-')) unknown.push(arg);
      return true;
    },
  });
  for (const arg of unknown) {
    const name = arg.replace(/^--?(no-)?/, '').replace(/=.*$/, '');
    if (canonicalName(name) || (COMMAND_FLAGS as readonly string[]).includes(name) || name === 'h' || name === 'V') continue;
    const suggestion = closestName(name, [...allNames, ...COMMAND_FLAGS]);
    throw new UsageError(`unknown flag ${arg.replace(/=.*$/, '')}${suggestion ? ` (did you mean --${suggestion}?)` : ''}; see --help`);
  }
  // minimist sets every declared boolean to false when absent; only those actually written count as given.
  const givenBooleans = new Set(
    argv.flatMap((arg) => {
      const m = /^--(?:no-)?([^=]+)/.exec(arg);
      return m ? [m[1]] : [];
    }),
  );
  const values: Partial<Record<FlagName, unknown>> = {};
  for (const [key, raw] of Object.entries(parsed)) {
    const name = canonicalName(key);
    if (!name || raw === undefined) continue;
    if (FLAGS[name].type === 'boolean' && !givenBooleans.has(key)) continue;
    const spec = FLAGS[name];
    // A repeated flag: lists keep every value; anything else keeps the last, as argparse does.
    const value = Array.isArray(raw) && spec.type !== 'list' && name !== 'url' ? raw[raw.length - 1] : raw;
    const where = `--${key}`;
    if (spec.type !== 'boolean' && spec.type !== 'optional-path' && value === '') {
      throw new UsageError(`${where}: expected a value (${spec.arg ?? spec.type})`);
    }
    // An alias and its flag both given: the canonical flag wins.
    if (values[name] !== undefined && key !== name) continue;
    values[name] = coerceFlagValue(name, value, where);
  }
  // EvalScope's TaskConfig-only flags (--api-url, --generation-config, ...), mapped as its config keys are.
  if (Object.keys(taskConfig).length > 0) {
    for (const [name, value] of Object.entries(mapConfigDocument(taskConfig, 'command line'))) values[name as FlagName] ??= value;
  }
  // --eval_type on the command line names a benchmark (NeMo); EvalScope's model kinds there say "served model".
  if (typeof values.eval_type === 'string' && MODEL_KINDS.has(values.eval_type)) {
    modelKind(values.eval_type, '--eval_type');
    delete values.eval_type;
  }
  const asList = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x.map(String) : [String(x)]);
  return {
    values,
    positionals: parsed._.map(String),
    help: parsed.help === true,
    version: parsed.version === true,
    json: parsed.json === true,
    overrides: [...asList(parsed.overrides), ...asList(parsed.o)],
  };
}

function describeZodIssue(name: FlagName, message: string, source: Source): string {
  const where = source === 'cli' ? `--${name}` : source === 'config' ? `config key ${name}` : name;
  // zod's enum message already says "expected"; say it once.
  return `${where}: expected ${message.replace(/^Invalid option: expected /, '')}`;
}

/** The complete, validated configuration; throws UsageError naming the flag for anything wrong. */
export function buildConfig({ argv, env }: BuildOptions): Config {
  const cli = parseArgv(argv);
  let command: Command = 'run';
  const positionals = [...cli.positionals];
  if (positionals[0] === 'ls') {
    command = 'ls';
    positionals.shift();
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}: every setting is a --flag; see --help`);
  }
  if (cli.help) command = 'help';
  else if (cli.version) command = 'version';

  // Every setting has a source, also those whose default is "unset".
  const sources = Object.fromEntries(FLAG_NAMES.map((n) => [n, 'default'])) as Record<FlagName, Source>;
  const raw: Partial<Record<FlagName, unknown>> = {};
  const set = (name: FlagName, value: unknown, source: Source) => {
    if (value === undefined) return;
    raw[name] = value;
    sources[name] = source;
  };

  // Lowest precedence first; each later layer overwrites.
  for (const name of FLAG_NAMES) set(name, FLAGS[name].default, 'default');
  const configPath = (cli.values.config as string | undefined) ?? undefined;
  if (configPath) {
    for (const [name, value] of Object.entries(loadConfigFile(configPath))) set(name as FlagName, value, 'config');
  }
  const keyEnvName = (cli.values.api_key_name ?? raw.api_key_name) as string | undefined;
  if (keyEnvName) {
    const key = env[keyEnvName];
    if (key === undefined) throw new UsageError(`--api_key_name: environment variable ${keyEnvName} is not set`);
    set('api_key', key, 'env');
  } else if (sources.api_key === 'default' && env.OPENAI_API_KEY) {
    set('api_key', env.OPENAI_API_KEY, 'env');
  }
  if (sources.sandbox_token === 'default' && env.SANDBOX_TOKEN) set('sandbox_token', env.SANDBOX_TOKEN, 'env');
  if (sources.cache_dir === 'default') {
    if (env.BOOTCAMP_EVAL_CACHE) set('cache_dir', env.BOOTCAMP_EVAL_CACHE, 'env');
    else raw.cache_dir = path.join(env.HOME ?? os.homedir(), '.cache', 'bootcamp-eval');
  }
  if (sources.offline === 'default' && (env.HF_HUB_OFFLINE === '1' || env.HF_HUB_OFFLINE?.toLowerCase() === 'true')) set('offline', true, 'env');
  for (const [name, value] of Object.entries(cli.values)) set(name as FlagName, value, 'cli');
  for (const [name, value] of Object.entries(parseOverrides(cli.overrides))) set(name as FlagName, value, 'cli');

  // NeMo Evaluator users give the full endpoint (https://host/v1/chat/completions); the base URL is what the
  // client joins paths to, and the endpoint says the api mode unless --api_mode (or a config file) does.
  if (typeof raw.url === 'string') {
    const endpoints = raw.url.split(',').map((u) => u.trim()).filter((u) => u !== '');
    const modes = new Set<string>();
    raw.url = endpoints
      .map((u) => {
        const endpoint = /^(https?:\/\/.+?)\/+(chat\/completions|completions)\/*$/.exec(u);
        if (!endpoint) return u;
        modes.add(endpoint[2]);
        return endpoint[1];
      })
      .join(',');
    if (modes.size > 1) throw new UsageError('--url: the endpoints name different api modes (one .../chat/completions, one .../completions); give base URLs and --api_mode');
    if (modes.size === 1 && sources.api_mode === 'default') set('api_mode', modes.has('completions') ? 'completion' : 'chat_completion', sources.url);
  }

  // A benchmark that is run with several samples (NeMo's scicode_aa_v2, n_samples 3), unless --repeats says.
  if (command === 'run' && sources.repeats === 'default') {
    const names = [...(Array.isArray(raw.datasets) ? (raw.datasets as unknown[]).map(String) : []), ...(typeof raw.eval_type === 'string' ? [raw.eval_type] : [])];
    const wanted = names.map((n) => findBenchmark(n.trim())?.repeatsDefault ?? 1);
    if (wanted.some((n) => n > 1)) set('repeats', Math.max(...wanted), 'benchmark');
  }

  if (command === 'run') {
    if (raw.model_name === undefined) throw new UsageError('--model_name is required; see --help');
    const hasDatasets = Array.isArray(raw.datasets) && raw.datasets.length > 0;
    if (raw.test_dir === undefined && !hasDatasets && raw.eval_type === undefined) {
      throw new UsageError("--test_dir (JSONL files), --datasets or --eval_type (named benchmarks, see 'ls') is required; see --help");
    }
  }
  // ls and help need no model; validate what was given with a placeholder for it.
  const candidate = { ...raw, model_name: raw.model_name ?? '-' };
  const result = configSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]) as FlagName;
    throw new UsageError(describeZodIssue(name, issue.message, sources[name] ?? 'cli'));
  }
  const settings = result.data;
  if (settings.limit !== undefined && settings.limit > 1 && !Number.isInteger(settings.limit)) {
    throw new UsageError('--limit: expected a whole number of lines, or a fraction between 0 and 1');
  }
  if (settings.resume !== false && settings.output_dir !== undefined && typeof settings.resume === 'string') {
    throw new UsageError('--resume DIR and --output_dir both name the run folder; give one of them');
  }
  if (settings.pass_k?.some((k) => k > settings.repeats)) {
    throw new UsageError(`--pass_k: every k must be at most --repeats (${settings.repeats})`);
  }
  const urls = settings.url.split(',');
  if (new Set(urls).size !== urls.length) throw new UsageError(`--url: an endpoint is named twice (${urls.find((u, i) => urls.indexOf(u) !== i)})`);
  const found = command === 'run' ? shardOf(settings.shard, settings.shard_count, env) : undefined;
  // --shard 0/1 is the whole run: a way to run unsharded inside a job array that is not for sharding.
  const shard = found && found.count > 1 ? found : undefined;
  const judge = command === 'run' ? judgeSettings(settings, env, sources.judge_model_args === 'cli' ? '--judge_model_args' : 'judge_model_args') : undefined;
  if (command === 'run' && (settings.judge_strategy === 'llm' || settings.judge_strategy === 'llm_recall') && !judge) {
    const fromCli = sources.judge_strategy === 'cli';
    throw new UsageError(`${fromCli ? '--judge_strategy' : 'config key judge_strategy:'} ${settings.judge_strategy} needs a judge: give ${fromCli ? '--' : ''}judge_model_args '{"model_id": "...", "api_url": "http://host:port/v1"}'`);
  }
  const hubEnv: HubEnv = { HF_ENDPOINT: env.HF_ENDPOINT, HF_TOKEN: env.HF_TOKEN, MODELSCOPE_ENDPOINT: env.MODELSCOPE_ENDPOINT, MODELSCOPE_API_TOKEN: env.MODELSCOPE_API_TOKEN };
  return Object.freeze({ ...settings, command, sources: Object.freeze(sources), json: cli.json, hubEnv: Object.freeze(hubEnv), urls: Object.freeze(urls), ...(shard ? { shardSpec: Object.freeze(shard) } : {}), ...(judge ? { judge } : {}) });
}
