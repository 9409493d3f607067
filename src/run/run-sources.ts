// Every item source of a run, in order: --test_dir's JSONL files, --datasets entries that are paths, then each
// named benchmark's subsets. The benchmark layer is loaded only when a run names a benchmark.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { UsageError } from '../errors.ts';
import { testDirSources, type ItemSource } from '../input/item-source.ts';
import { createHash } from 'node:crypto';
import { subsetFileName, type BenchmarkRequest, type LoadOptions } from '../benchmarks/benchmark-source.ts';
import type { BenchmarkSummary } from '../output/benchmark-summary.ts';
import { withImageChecks } from '../images/image-source.ts';
import type { ImageLimits } from '../images/image-check.ts';

/** The image checks' limits from the run's settings. */
export function imageLimits(config: Config): ImageLimits {
  return {
    maxBytes: config.max_image_bytes,
    maxPixels: config.max_image_pixels,
    inlineUrls: config.inline_image_urls,
    cacheDir: config.cache_dir,
    fetchTimeoutMs: Math.min(config.timeout, 120_000),
    ...(config.image_root !== undefined ? { root: config.image_root } : {}),
  };
}

export interface RunSources {
  sources: ItemSource[];
  /** Non-JSONL files found in folders, named so the run can say it skipped them. */
  skipped: string[];
  benchmarks: BenchmarkRequest[];
}

/** What the run's folder is named after: --test_dir's base name, else the benchmarks asked for. */
export function inputLabel(config: Config): string {
  if (config.test_dir !== undefined) return config.test_dir;
  const names = [...config.datasets, ...(config.eval_type !== undefined ? [config.eval_type] : [])].map((n) => path.basename(n).replace(/\.jsonl$/, ''));
  return names.length > 3 ? `${names.slice(0, 3).join('_')}_and_${names.length - 3}_more` : names.join('_');
}

export async function sourcesForRun(config: Config, io: { log(line: string): void; isTTY: boolean }): Promise<RunSources> {
  const sources: ItemSource[] = [];
  const skipped: string[] = [];
  const addFiles = (dir: string) => {
    const found = testDirSources(dir);
    sources.push(...found.sources);
    skipped.push(...found.skipped);
  };
  if (config.test_dir !== undefined) addFiles(config.test_dir);
  let benchmarks: BenchmarkRequest[] = [];
  if (config.datasets.length > 0 || config.eval_type !== undefined) {
    const { selectInputs } = await import('../benchmarks/selection.ts');
    const { benchmarkSources } = await import('../benchmarks/benchmark-source.ts');
    const inputs = selectInputs(config);
    for (const p of inputs.paths) addFiles(p);
    benchmarks = inputs.benchmarks;
    const load: LoadOptions = { cacheDir: config.cache_dir, offline: config.offline, env: config.hubEnv, log: io.log, isTTY: io.isTTY };
    for (const request of benchmarks) {
      sources.push(...benchmarkSources(request, load));
    }
  }
  // Two sources under one name would write one details file: refuse before anything is read.
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.name)) throw new UsageError(`two inputs of this run are both named ${s.name} (their details file would be one); rename one, or run them apart`);
    seen.add(s.name);
  }
  if (sources.length === 0) throw new UsageError('nothing to evaluate: no test files and no benchmarks');
  const limits = imageLimits(config);
  return { sources: sources.map((s) => withImageChecks(s, limits)), skipped, benchmarks };
}

/** What eval_args.json, the summaries and the fingerprint record of a benchmark request. */
export function benchmarkSummary(request: BenchmarkRequest): BenchmarkSummary {
  const { benchmark } = request;
  return {
    name: benchmark.name,
    pretty_name: benchmark.prettyName,
    description: benchmark.description,
    metric: benchmark.metric,
    hub: request.hub,
    dataset_id: request.repo,
    revision: request.revision,
    few_shot_num: request.fewShotNum,
    prompt: request.promptName === 'default' || request.promptName in benchmark.prompts ? request.promptName : `${request.promptName} sha256:${createHash('sha256').update(request.template + '\0' + request.fewShotTemplate).digest('hex').slice(0, 16)}`,
    subsets: request.subsets.map((subset) => ({ name: subset, file: subsetFileName(benchmark, subset), category: benchmark.categoryOf?.(subset) ?? 'default' })),
  };
}
