// Which benchmarks a run asks for, and how: --datasets (EvalScope) and --eval_type (NeMo) resolved to
// benchmarks by name or alias, each entry that is a path kept as a JSONL input, and --dataset_args,
// --prompt_template and --dataset_hub applied. Every mistake is a UsageError naming the flag or key.
import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config/config.ts';
import { UsageError } from '../errors.ts';
import { closestName } from '../config/suggest.ts';
import { benchmarkNames, resolveBenchmarkName } from '../../benchmarks/index.ts';
import type { Benchmark } from '../../benchmarks/types.ts';
import { placeholdersOf } from '../../benchmarks/shared/format.ts';
import type { BenchmarkRequest } from './benchmark-source.ts';

export interface RunInputs {
  /** --datasets entries that are paths of JSONL files or folders. */
  paths: string[];
  benchmarks: BenchmarkRequest[];
}

/** dataset_args keys we take, EvalScope's names. */
const ARG_KEYS = ['subset_list', 'few_shot_num', 'few_shot_random', 'prompt_template', 'few_shot_prompt_template', 'prompt_variant', 'local_path', 'dataset_id', 'revision'] as const;
const PLACEHOLDERS = new Set(['question', 'choices', 'letters', 'fewshot']);

function looksLikePath(entry: string): boolean {
  return entry.endsWith('.jsonl') || entry.includes('/') || entry.startsWith('.') || existsSync(entry);
}

/** `own`: the placeholders a benchmark fills beside the usual ones (LiveCodeBench's {question_content}). */
function checkTemplate(text: string, where: string, own: readonly string[] = []): void {
  for (const name of placeholdersOf(text)) {
    if (!PLACEHOLDERS.has(name) && !own.includes(name)) throw new UsageError(`${where}: unknown placeholder {${name}}; a benchmark template may use {question}, {choices}, {letters} and {fewshot}${own.length ? `, and here ${own.map((o) => `{${o}}`).join(', ')}` : ''}`);
  }
  if (!placeholdersOf(text).some((n) => n === 'question' || own.includes(n))) throw new UsageError(`${where}: the template never names {question}, so every prompt would be the same`);
}

export function selectInputs(config: Config): RunInputs {
  const entries = [...config.datasets.map((d) => d.trim()).filter((d) => d !== ''), ...(config.eval_type !== undefined ? [config.eval_type] : [])];
  const paths: string[] = [];
  const chosen: { benchmark: Benchmark; subsets?: readonly string[]; asked: string }[] = [];
  for (const entry of entries) {
    const found = resolveBenchmarkName(entry);
    if (found) {
      if (chosen.some((c) => c.benchmark === found.benchmark && c.subsets === found.subsets)) continue;
      chosen.push({ ...found, asked: entry });
    } else if (looksLikePath(entry)) {
      paths.push(entry);
    } else {
      const near = closestName(entry, benchmarkNames());
      const flag = entry === config.eval_type ? '--eval_type' : '--datasets';
      throw new UsageError(`${flag}: unknown benchmark ${JSON.stringify(entry)}${near ? ` (did you mean ${near}?)` : ''}; 'ls' lists them, and a .jsonl file or folder is read as --test_dir`);
    }
  }

  const args = config.dataset_args ?? {};
  for (const key of Object.keys(args)) {
    if (!chosen.some((c) => c.asked === key || c.benchmark.name === key || c.benchmark.aliases.includes(key))) {
      throw new UsageError(`--dataset_args: ${JSON.stringify(key)} is not one of this run's benchmarks (${chosen.map((c) => c.benchmark.name).join(', ') || 'none'})`);
    }
  }
  let fileTemplate: string | undefined;
  if (config.prompt_template !== undefined) {
    try {
      fileTemplate = readFileSync(config.prompt_template, 'utf8');
    } catch (err) {
      throw new UsageError(`--prompt_template: cannot read ${config.prompt_template}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    checkTemplate(fileTemplate, `--prompt_template ${config.prompt_template}`);
  }

  const benchmarks = chosen.map(({ benchmark, subsets: aliasSubsets, asked }) => {
    const own = (args[asked] ?? args[benchmark.name] ?? {}) as Record<string, unknown>;
    const where = `--dataset_args ${asked}`;
    if (own === null || typeof own !== 'object' || Array.isArray(own)) throw new UsageError(`${where}: expected an object of settings`);
    const ownKeys = [...ARG_KEYS, ...Object.keys(benchmark.options ?? {}), ...(benchmark.options ? ['extra_params'] : [])];
    for (const key of Object.keys(own)) {
      if (!ownKeys.includes(key)) {
        const near = closestName(key, ownKeys);
        throw new UsageError(`${where}.${key}: not a setting we take${near ? ` (did you mean ${near}?)` : ''}; known: ${ownKeys.join(', ')}`);
      }
    }
    return request(benchmark, aliasSubsets, own, where, config, fileTemplate);
  });
  return { paths, benchmarks };
}

/** A benchmark's own settings: at the top of its dataset_args, or inside EvalScope's extra_params. */
function benchmarkOptions(benchmark: Benchmark, own: Record<string, unknown>, where: string, config: Config): Record<string, unknown> {
  const specs = benchmark.options ?? {};
  // A flag named as one of the benchmark's settings (SciCode's --with_background) gives it, below dataset_args.
  const fromFlags: [string, unknown, string][] = Object.keys(specs)
    .filter((k) => k in config.sources && config.sources[k as keyof Config['sources']] !== 'default')
    .map((k) => [k, config[k as keyof Config], `--${k}`]);
  const extra = own.extra_params;
  if (extra !== undefined && (extra === null || typeof extra !== 'object' || Array.isArray(extra))) throw new UsageError(`${where}.extra_params: expected an object of settings`);
  const given: [string, unknown, string][] = [
    ...fromFlags,
    ...Object.entries((extra ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v, `${where}.extra_params.${k}`] as [string, unknown, string]),
    ...Object.keys(specs).filter((k) => own[k] !== undefined).map((k) => [k, own[k], `${where}.${k}`] as [string, unknown, string]),
  ];
  const out: Record<string, unknown> = {};
  for (const [key, value, at] of given) {
    const spec = specs[key];
    if (!spec) {
      const near = closestName(key, Object.keys(specs));
      throw new UsageError(`${at}: not a setting of ${benchmark.name}${near ? ` (did you mean ${near}?)` : ''}; known: ${Object.keys(specs).join(', ')}`);
    }
    if (value === null) continue;
    try {
      out[key] = spec.parse(value);
    } catch (err) {
      throw new UsageError(`${at}: ${(err as Error).message}`);
    }
  }
  return out;
}

function request(benchmark: Benchmark, aliasSubsets: readonly string[] | undefined, own: Record<string, unknown>, where: string, config: Config, fileTemplate: string | undefined): BenchmarkRequest {
  const options = benchmarkOptions(benchmark, own, where, config);
  let subsets = aliasSubsets ?? benchmark.subsetsFor?.(options) ?? benchmark.defaultSubsets ?? benchmark.subsets;
  if (own.subset_list !== undefined) {
    const list = own.subset_list;
    if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) throw new UsageError(`${where}.subset_list: expected a non-empty list of subset names`);
    for (const s of list as string[]) {
      if (!benchmark.subsets.includes(s)) {
        const near = closestName(s, benchmark.subsets);
        throw new UsageError(`${where}.subset_list: ${benchmark.name} has no subset ${JSON.stringify(s)}${near ? ` (did you mean ${near}?)` : ''}; 'ls' lists them`);
      }
    }
    subsets = [...new Set(list as string[])];
  }
  let fewShotNum = benchmark.fewShotNum;
  if (own.few_shot_num !== undefined) {
    const n = own.few_shot_num;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new UsageError(`${where}.few_shot_num: expected a whole number 0 or more`);
    if (n > 0 && !benchmark.fewShotSplit) throw new UsageError(`${where}.few_shot_num: ${benchmark.name} has no split to take examples from; only 0 works`);
    fewShotNum = n;
  }
  if (own.few_shot_random === true) throw new UsageError(`${where}.few_shot_random: only false (the split's first rows, EvalScope's default) is supported`);

  let promptName = 'default';
  let variant = benchmark.prompts.default;
  if (own.prompt_variant !== undefined) {
    const name = String(own.prompt_variant);
    const found = benchmark.prompts[name];
    if (!found) throw new UsageError(`${where}.prompt_variant: ${benchmark.name} has no prompt ${JSON.stringify(name)} (it has ${Object.keys(benchmark.prompts).join(', ')})`);
    [promptName, variant] = [name, found];
  }
  let template = variant.template;
  let fewShotTemplate = variant.fewShotTemplate ?? variant.template;
  if (typeof own.prompt_template === 'string') {
    checkTemplate(own.prompt_template, `${where}.prompt_template`, benchmark.promptPlaceholders);
    [promptName, template, fewShotTemplate] = ['dataset_args', own.prompt_template, own.prompt_template];
  } else if (fileTemplate !== undefined) {
    [promptName, template, fewShotTemplate] = ['file', fileTemplate, fileTemplate];
  }
  if (typeof own.few_shot_prompt_template === 'string') {
    checkTemplate(own.few_shot_prompt_template, `${where}.few_shot_prompt_template`);
    fewShotTemplate = own.few_shot_prompt_template;
  }
  if (fewShotNum > 0 && !placeholdersOf(fewShotTemplate).includes('fewshot')) {
    throw new UsageError(`${where}: few_shot_num is ${fewShotNum} but the prompt template has no {fewshot} for the examples; add it, or set few_shot_num to 0`);
  }

  let hub: BenchmarkRequest['hub'] = benchmark.source.hub === 'local' ? 'local' : config.dataset_hub;
  let repo = benchmark.source.repo;
  let revision = benchmark.source.revision;
  if (hub === 'modelscope') {
    const mirror = benchmark.mirrors?.modelscope;
    if (!mirror) throw new UsageError(`--dataset_hub modelscope: no ModelScope copy of ${benchmark.name} is known; use --dataset_hub huggingface, or give its repository in --dataset_args '{"${benchmark.name}": {"dataset_id": "..."}}'`);
    [repo, revision] = [mirror.repo, mirror.revision];
  }
  if (own.dataset_id !== undefined) {
    // Owner and name as the hubs allow them; it becomes part of a cache path, so nothing like ".." passes.
    if (typeof own.dataset_id !== 'string' || !/^[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\/[A-Za-z0-9][\w-]*(?:\.[\w-]+)*$/.test(own.dataset_id)) throw new UsageError(`${where}.dataset_id: expected a repository id such as owner/name`);
    repo = own.dataset_id;
    if (hub === 'local') hub = config.dataset_hub === 'local' ? 'local' : config.dataset_hub;
  }
  if (own.revision !== undefined) {
    if (typeof own.revision !== 'string' || !/^[A-Za-z0-9][\w.-]*$/.test(own.revision) || own.revision.includes('..')) throw new UsageError(`${where}.revision: expected a branch, tag or commit such as main`);
    revision = own.revision;
  }
  let datasetDir = config.dataset_dir;
  if (own.local_path !== undefined) {
    if (typeof own.local_path !== 'string' || !existsSync(own.local_path)) throw new UsageError(`${where}.local_path: expected an existing folder, got ${JSON.stringify(own.local_path)}`);
    datasetDir = own.local_path;
  }
  try {
    benchmark.checkRequest?.(subsets, options);
  } catch (err) {
    throw new UsageError(`${benchmark.name}: ${(err as Error).message}`);
  }
  return { benchmark, subsets, fewShotNum, promptName, template, fewShotTemplate, hub, repo, revision, datasetDir, options };
}
