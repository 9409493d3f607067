// Setting a run up before its first request: which folder it writes (and whether another process holds it),
// whether an earlier run there may be continued, eval_args.json, what resume finds already done, and the
// request settings and fingerprint derived from the config. The runner calls these in order; none asks the model.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { UsageError } from '../errors.ts';
import type { ChatTemplate } from '../templates.ts';
import { withBootcampDefaults, type GenerationSettings } from '../model/requests.ts';
import { ModelClient } from '../model/model-client.ts';
import { EndpointSet, type EndpointStats } from '../model/endpoints.ts';
import { HttpClient } from '../model/http.ts';
import { checkOnce } from '../model/health-check.ts';
import { redactText } from '../redact.ts';
import type { ItemSource } from '../input/item-source.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { RunPaths } from '../output/run-paths.ts';
import { cutTornTail, doneKeys as doneKeysOf, scanDetails } from '../output/details-file.ts';
import { buildEvalArgs, fingerprintDifferences, readEvalArgs, writeEvalArgs, type AnswerFingerprint, type EvalArgs } from '../output/eval-args.ts';
import { lockHolder } from '../output/run-lock.ts';
import { locateRunFolder, type RunFolderChoice } from '../resume/locate-run.ts';
import { shardSuffix } from '../config/shard-spec.ts';
import type { RunIO } from './run-types.ts';
import { benchmarkSummary, inputLabel } from './run-sources.ts';
import type { BenchmarkRequest } from '../benchmarks/benchmark-source.ts';

/** The run folder; refused (exit 2) when another process holds its lock. */
export function chooseRunFolder(config: Config, io: RunIO): RunFolderChoice {
  let choice: RunFolderChoice;
  try {
    choice = locateRunFolder({
      resume: config.resume,
      outputDir: config.output_dir,
      outputRoot: io.outputRoot,
      modelName: config.model_name,
      testDir: inputLabel(config),
      now: io.now(),
      suffix: shardSuffix(config.shardSpec),
    });
  } catch (err) {
    // "already holds a run" of a folder that another process is writing right now: say that instead.
    const holder = config.output_dir !== undefined ? lockHolder(config.output_dir.replace(/\/+$/, '') + shardSuffix(config.shardSpec)) : undefined;
    throw holder ? new UsageError(holder.message) : err;
  }
  if (choice.notice) io.log(choice.notice);
  // A folder another process is writing is refused before anything, the health check included; the lock
  // itself is taken after the health check, so that a run that never starts leaves no folder behind.
  const holder = lockHolder(choice.folder);
  if (holder && !(config.force && holder.otherHost)) throw new UsageError(holder.message);
  return choice;
}

/** An earlier run's eval_args and the answer-changing settings that differ (refused unless --force). */
export function checkResumable(config: Config, choice: RunFolderChoice, paths: RunPaths, fingerprint: AnswerFingerprint): { previous: EvalArgs | undefined; forced: string[] } {
  const previous = choice.resuming ? readEvalArgs(paths.evalArgs) : undefined;
  const forced: string[] = [];
  if (choice.resuming && previous) {
    const before = previous.shard as { index: number; count: number } | undefined;
    const now = config.shardSpec;
    const show = (s: { index: number; count: number } | undefined) => (s ? `shard ${s.index}/${s.count}` : 'no shard (every item)');
    if ((before?.index ?? -1) !== (now?.index ?? -1) || (before?.count ?? -1) !== (now?.count ?? -1)) {
      throw new UsageError(`cannot resume ${choice.folder}: it holds ${show(before)}, this run is ${show(now)}; resume it with the same --shard (or the same array task)`);
    }
  }
  if (choice.resuming && previous?.fingerprint) {
    const diffs = fingerprintDifferences(previous.fingerprint, fingerprint);
    if (diffs.length > 0 && !config.force) {
      throw new UsageError(`cannot resume ${choice.folder}: settings that change answers differ from the earlier run:\n  ${diffs.join('\n  ')}\nUse the earlier settings, or --force to continue anyway (recorded in eval_args.json).`);
    }
    forced.push(...diffs);
  }
  return { previous, forced };
}

export interface RunArgsInput {
  config: Config;
  paths: RunPaths;
  fingerprint: AnswerFingerprint;
  version: string;
  startedAt: Date;
  previous: EvalArgs | undefined;
  forced: readonly string[];
  resuming: boolean;
  dataSources: ReadonlySet<string>;
  lookup: (dataSource: string) => AnyBootcamp | undefined;
  benchmarks?: readonly BenchmarkRequest[];
}

/** eval_args.json: every setting, the bootcamps' own defaults, and the resume history. */
export function writeRunArgs({ config, paths, fingerprint, version, startedAt, previous, forced, resuming, dataSources, lookup, benchmarks = [] }: RunArgsInput): void {
  const args = buildEvalArgs(config, fingerprint, version, previous ? new Date(previous.start_time) : startedAt);
  const bootcampDefaults: Record<string, unknown> = {};
  for (const source of dataSources) {
    const defaults = lookup(source)?.defaults;
    if (defaults) bootcampDefaults[source] = defaults;
  }
  // Applied per item to the settings left at their built-in default (see withBootcampDefaults).
  if (Object.keys(bootcampDefaults).length > 0) args.bootcamp_defaults = bootcampDefaults;
  // Rescore and compare rebuild the benchmarks' summaries (subset rows, averages, reports) from this.
  if (benchmarks.length > 0) args.benchmarks = benchmarks.map(benchmarkSummary);
  // merge.ts checks that shards of one run share their count and fingerprint, and that none is missing.
  if (config.shardSpec) args.shard = { ...config.shardSpec };
  args.resumes = [...(previous?.resumes ?? []), ...(resuming ? [{ at: startedAt.toISOString(), ...(forced.length ? { forced_differences: [...forced] } : {}) }] : [])];
  writeEvalArgs(paths.evalArgs, args);
}

/** Per file, the (id, repeat) keys already answered without error; a torn last row is cut off first. */
export async function readDoneKeys(paths: RunPaths, files: readonly string[], log: (line: string) => void): Promise<Set<number>[]> {
  const doneKeys: Set<number>[] = [];
  for (const file of files) {
    const scan = await scanDetails(paths.details(file));
    const cut = await cutTornTail(paths.details(file), scan);
    if (cut > 0) log(`${path.basename(file)}: cut a torn last row (${cut} bytes) left by an interrupted write.`);
    doneKeys.push(doneKeysOf(scan));
  }
  return doneKeys;
}

/** The request settings of a run, from its config. */
export function generationSettings(config: Config, systemPrompt: string | undefined): GenerationSettings {
  return {
    model_name: config.model_name,
    api_mode: config.api_mode,
    max_tokens: config.max_tokens,
    temperature: config.temperature,
    top_p: config.top_p,
    top_k: config.top_k,
    min_p: config.min_p,
    seed: config.seed,
    presence_penalty: config.presence_penalty,
    frequency_penalty: config.frequency_penalty,
    repetition_penalty: config.repetition_penalty,
    stop: config.stop,
    extra_body: config.extra_body,
    system_prompt: systemPrompt,
    ...(config.stream ? { stream: true } : {}),
  };
}

/** The settings that change answers: --resume refuses a folder whose earlier run had others (unless --force). */
export function answerFingerprint(config: Config, template: ChatTemplate, systemPrompt: string | undefined, files: string[], benchmarks: readonly BenchmarkRequest[] = []): AnswerFingerprint {
  let urlPath = '';
  try {
    urlPath = new URL(config.url).pathname.replace(/\/+$/, '');
  } catch {
    urlPath = config.url;
  }
  return {
    model_name: config.model_name,
    url_path: urlPath,
    api_mode: config.api_mode,
    // Chat mode never renders the template: only its system text (in system_prompt) can change answers there.
    template: config.api_mode === 'completion' ? { chat_template: template.chat_template, stop_words: template.stop_words } : 'n/a in chat mode',
    system_prompt: systemPrompt ?? null,
    generation: {
      max_tokens: config.max_tokens,
      temperature: config.temperature,
      top_p: config.top_p ?? null,
      top_k: config.top_k ?? null,
      min_p: config.min_p ?? null,
      seed: config.seed ?? null,
      presence_penalty: config.presence_penalty ?? null,
      frequency_penalty: config.frequency_penalty ?? null,
      repetition_penalty: config.repetition_penalty ?? null,
      stop: config.stop,
      extra_body: config.extra_body ?? null,
    },
    test_files: files.map((f) => path.basename(f)),
    // Which data, prompt and examples a benchmark's prompts come from (absent for JSONL-only runs, as before).
    ...(benchmarks.length > 0
      ? { benchmarks: benchmarks.map((b) => { const { name, dataset_id, revision, few_shot_num, prompt } = benchmarkSummary(b); return { name, dataset_id, revision, few_shot_num, prompt }; }) }
      : {}),
  };
}

/** --header 'Name: value' lines as a header object. */
export function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

/**
 * Per source and bootcamp, the request settings: a bootcamp's own generation defaults, and above them a
 * benchmark's (AIME's longer max_tokens), fill in what flags and config left at the built-in default.
 */
export function settingsPerSource(config: Config, settings: GenerationSettings, sources: readonly ItemSource[]): (sourceIndex: number, bootcamp: AnyBootcamp) => GenerationSettings {
  const cache = new Map<string, GenerationSettings>();
  return (sourceIndex, bootcamp) => {
    const key = `${sourceIndex}\0${bootcamp.name}`;
    let s = cache.get(key);
    if (!s) {
      const sourceDefaults = sources[sourceIndex].defaults;
      const defaults = sourceDefaults ? { ...bootcamp.defaults, ...sourceDefaults } : bootcamp.defaults;
      s = withBootcampDefaults(settings, defaults, (name) => config.sources[name] === 'default');
      // A benchmark's system message (chat mode), unless --sys_prompt or a --template's system text gives one.
      const system = sourceDefaults?.system_prompt;
      if (system !== undefined && settings.api_mode === 'chat_completion' && settings.system_prompt === undefined) s = { ...s, system_prompt: system };
      cache.set(key, s);
    }
    return s;
  };
}

/** The run's endpoints (--url, one or several): a keep-alive client each, probed with GET /models when ejected. */
export function createEndpointSet(config: Config, log: (line: string) => void): EndpointSet {
  const headers = parseHeaders(config.header);
  const total = config.max_concurrent_requests;
  const perEndpointSockets = Math.min(config.per_endpoint_concurrency ?? total, total);
  return new EndpointSet({
    urls: config.urls,
    makeClient: (url) => new HttpClient({ baseUrl: url, apiKey: config.api_key, headers, maxSockets: perEndpointSockets }),
    perEndpointCap: config.per_endpoint_concurrency,
    probe: async (http) => {
      const problem = await checkOnce(http, config.model_name, 10_000);
      if (problem !== undefined) throw new Error(problem);
    },
    log,
  });
}

/** The model client of a run: its timeouts and retry policy from the config, the first 20 retries logged. */
export function createModelClient(config: Config, endpoints: EndpointSet, settings: GenerationSettings, template: ChatTemplate, signal: AbortSignal, log: (line: string) => void): ModelClient {
  let retriesLogged = 0;
  return new ModelClient({
    endpoints,
    settings,
    template,
    timeoutMs: config.timeout,
    streamIdleTimeoutMs: config.stream_idle_timeout * 1000,
    maxAttempts: config.max_retries,
    maxRetryingDelaySec: config.max_retrying_delay,
    ...(config.image_max_side !== undefined ? { imageMaxSide: config.image_max_side } : {}),
    signal,
    onRetry: ({ error, delayMs }) => {
      // A failing server can produce thousands of these; the first few say enough, the summary counts the rest.
      if (retriesLogged++ < 20 && !config.quiet) log(`Retrying in ${(delayMs / 1000).toFixed(1)} s: ${redactText((error as Error).message, [config.api_key])}`);
    },
  });
}

/** A URL as it may be written down: without a user name or password in it. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * The end of a run: eval_args.json gains each endpoint's requests, errors and mean latency (this session's),
 * and with several endpoints the same counts are printed under the summary.
 */
export function recordEndpointStats(paths: RunPaths, stats: readonly EndpointStats[], io: Pick<RunIO, 'print'>): void {
  const shown = stats.map((s) => ({ ...s, url: shownUrl(s.url) }));
  const args = readEvalArgs(paths.evalArgs);
  if (args) writeEvalArgs(paths.evalArgs, { ...args, endpoints: shown });
  if (stats.length < 2) return;
  const lines = shown.map((s) => `  ${s.url}  requests ${s.requests}  errors ${s.errors}  mean latency ${s.mean_latency_ms ?? '-'} ms  ejected ${s.ejections}x  (${s.state})`);
  io.print(`Endpoints:\n${lines.join('\n')}\n`);
}
