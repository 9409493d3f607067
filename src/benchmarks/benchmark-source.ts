// A named benchmark's subset as an item source: its files found (--dataset_dir, the cache, or the hub), its
// few-shot rows read, and each row of its evaluation split turned into the item a JSONL line would give.
// The runner reads it as it reads a JSONL file; rows the benchmark cannot use are input errors, one each.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Benchmark, BenchmarkItem, DataFile, Row } from '../../benchmarks/types.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { readRows } from '../datasets/row-readers.ts';
import { DatasetUnavailableError, resolveHubFile, type Hub, type HubEnv } from '../datasets/hub-files.ts';
import { parseInputObject, type LineResult } from '../input/input-line.ts';
import type { FileSurvey } from '../input/survey.ts';
import type { ItemSource, SurveyOptions } from '../input/item-source.ts';

/** One benchmark as a run asks for it (after --dataset_args, --prompt_template and the hub are applied). */
export interface BenchmarkRequest {
  benchmark: Benchmark;
  subsets: readonly string[];
  fewShotNum: number;
  /** The prompt variant's name, or "file" / "dataset_args" when given as text. */
  promptName: string;
  template: string;
  fewShotTemplate: string;
  hub: Hub | 'local';
  /** The repository and revision read (the benchmark's own, its mirror's, or dataset_args' dataset_id). */
  repo: string;
  revision: string;
  /** dataset_args' local_path, else --dataset_dir. */
  datasetDir?: string;
  /** The benchmark's own settings from --dataset_args (LiveCodeBench's dates); default none. */
  options?: Readonly<Record<string, unknown>>;
}

export interface LoadOptions {
  cacheDir: string;
  offline: boolean;
  env: HubEnv;
  log(line: string): void;
  /** Shows download progress on stderr. */
  isTTY: boolean;
}

/** The details file name of a subset: the benchmark's name when it has one subset, else name_subset. */
export function subsetFileName(benchmark: Benchmark, subset: string): string {
  // Subset names may hold spaces (MATH-500's "Level 1"); file names keep to letters, digits, "-", "_" and ".".
  return benchmark.subsets.length === 1 ? `${benchmark.name}.jsonl` : `${benchmark.name}_${subset.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`;
}

function filesFor(request: BenchmarkRequest, subset: string, split: string): DataFile[] {
  return request.benchmark.source.files.filter((f) => f.split === split && (f.subset === undefined || f.subset === subset));
}

/** The local path of one data file, downloading it when needed; a refusal names the benchmark. */
async function localFile(request: BenchmarkRequest, file: DataFile, load: LoadOptions): Promise<string> {
  const { benchmark } = request;
  if (request.hub === 'local') {
    const candidates = request.datasetDir === undefined ? [] : [path.join(request.datasetDir, request.repo, file.path), path.join(request.datasetDir, file.path)];
    const found = candidates.find((c) => existsSync(c));
    if (found) return found;
    const why = benchmark.source.hub === 'local' ? `${benchmark.name}'s files are not published on a hub` : '--dataset_hub local reads local copies only';
    throw new DatasetUnavailableError(
      `${benchmark.name}: ${file.path} not found (${why}). ` +
        (request.datasetDir === undefined ? `Give --dataset_dir DIR with the file at DIR/${request.repo}/${file.path}.` : `Put it at ${candidates[0]}.`),
    );
  }
  const progress = load.isTTY ? downloadProgress(file.path) : undefined;
  return resolveHubFile(
    { hub: request.hub, repo: request.repo, revision: request.revision, path: file.path, sha256: request.repo === benchmark.source.repo ? file.sha256 : undefined },
    { datasetDir: request.datasetDir, cacheDir: load.cacheDir, offline: load.offline, env: load.env, log: load.log, onProgress: progress },
  );
}

function downloadProgress(name: string): (received: number, total: number | undefined) => void {
  let last = 0;
  return (received, total) => {
    const now = Date.now();
    const done = total !== undefined && received >= total;
    if (!done && now - last < 200) return;
    last = now;
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const pct = total ? ` ${Math.floor((received / total) * 100)}%` : '';
    process.stderr.write(`\rDownloading ${name}: ${mb(received)}${total ? `/${mb(total)}` : ''} MB${pct}${done ? '\n' : ''}`);
  };
}

async function* rowsOf(request: BenchmarkRequest, subset: string, split: string, load: LoadOptions): AsyncGenerator<Row> {
  const files = filesFor(request, subset, split);
  if (files.length === 0) throw new DatasetUnavailableError(`${request.benchmark.name}: no ${split} split for subset ${subset}`);
  const { subsetOfRow, keepRow } = request.benchmark;
  const options = request.options ?? {};
  for (const file of files) {
    const local = await localFile(request, file, load);
    for await (const row of readRows(local, file.format, { columns: file.columns, binary: request.benchmark.modality === 'image' })) {
      // Rows outside the request's window are not part of the run (not even as bad rows).
      if (keepRow && split === request.benchmark.evalSplit) {
        let keep: boolean;
        try {
          keep = keepRow(row, options);
        } catch {
          keep = true; // a row the filter cannot read: toItem reports it
        }
        if (!keep) continue;
      }
      if (!subsetOfRow) {
        yield row;
        continue;
      }
      let own: string | undefined;
      try {
        own = subsetOfRow(row);
      } catch {
        own = undefined;
      }
      // A row whose subset cannot be told goes to the first subset asked, where toItem reports it as a bad row.
      if (own === subset || (own === undefined && subset === request.subsets[0])) yield row;
    }
  }
}

/** The sources of a benchmark request: one per subset, in the order asked. */
export function benchmarkSources(request: BenchmarkRequest, load: LoadOptions): ItemSource[] {
  return request.subsets.map((subset) => subsetSource(request, subset, load));
}

function subsetSource(request: BenchmarkRequest, subset: string, load: LoadOptions): ItemSource {
  const { benchmark } = request;
  const name = subsetFileName(benchmark, subset);
  let fewShot: Row[] | undefined;
  const fewShotRows = async (): Promise<Row[]> => {
    if (fewShot) return fewShot;
    const rows: Row[] = [];
    if (request.fewShotNum > 0 && benchmark.fewShotSplit) {
      for await (const row of rowsOf(request, subset, benchmark.fewShotSplit, load)) {
        rows.push(row);
        if (rows.length >= request.fewShotNum) break;
      }
      if (rows.length < request.fewShotNum) {
        throw new DatasetUnavailableError(`${benchmark.name} ${subset}: its ${benchmark.fewShotSplit} split has ${rows.length} rows, fewer than few_shot_num ${request.fewShotNum}; ask for fewer.`);
      }
    }
    return (fewShot = rows);
  };
  let side: Record<string, string> | undefined;
  const sideTexts = async (): Promise<Record<string, string>> => {
    if (side) return side;
    const texts: Record<string, string> = {};
    for (const f of benchmark.sideFiles ?? []) {
      if (!f.subsets.includes(subset)) continue;
      const local = await localFile(request, { split: 'side', path: f.path, format: 'jsonl' }, load);
      texts[f.name] = readFileSync(local, 'utf8');
    }
    return (side = texts);
  };
  const context = async (examples: Row[]) => ({ subset, fewShot: examples, template: request.template, fewShotTemplate: request.fewShotTemplate, side: await sideTexts(), options: request.options ?? {} });
  /** A benchmark item as the input line it stands for (a row's image bytes written to the cache first). */
  const asLine = async (item: BenchmarkItem, index: number, lookup: SurveyOptions['lookup']): Promise<LineResult> => {
    const images = item.images ? await Promise.all(item.images.map((image) => (typeof image === 'string' ? image : storeImage(image, load.cacheDir)))) : undefined;
    return parseInputObject({ ...item, ...(images ? { images } : {}) } as unknown as Record<string, unknown>, index, lookup);
  };
  /** The entries of one row: its item, or (expandRow) its items; a row it cannot use is one bad entry. */
  const rowResults = async (row: Row, firstIndex: number, examples: Row[], lookup: SurveyOptions['lookup']): Promise<LineResult[]> => {
    let items: BenchmarkItem[];
    try {
      const ctx = await context(examples);
      items = benchmark.expandRow ? benchmark.expandRow(row, ctx) : [benchmark.toItem(row, ctx)];
    } catch (err) {
      if ((err as Error).name !== 'BenchmarkRowError') throw err;
      return [{ ok: false, error: (err as Error).message }];
    }
    return Promise.all(items.map((item, i) => asLine(item, firstIndex + i, lookup)));
  };
  return {
    name,
    defaults: benchmark.systemPrompt !== undefined ? { ...benchmark.defaults, system_prompt: benchmark.systemPrompt } : benchmark.defaults,
    async survey(options): Promise<FileSurvey> {
      const examples = await fewShotRows();
      const survey: FileSurvey = { file: name, lines: 0, dataSources: new Map(), problems: [] };
      const loaded = new Set<string>();
      let index = 0;
      for await (const row of rowsOf(request, subset, benchmark.evalSplit, load)) {
        // A row of several items counts each (a SciCode problem, its steps).
        const results = options.strict || benchmark.expandRow ? await rowResults(row, index, examples, options.lookup) : undefined;
        survey.lines += results?.length ?? 1;
        if (benchmark.modality === 'image') survey.imageLines = (survey.imageLines ?? 0) + 1;
        let source = typeof row.data_source === 'string' && benchmark.dataSource === '(per line)' ? row.data_source : benchmark.dataSource;
        if (benchmark.dataSourceOfRow) {
          try {
            source = benchmark.dataSourceOfRow(row);
          } catch {
            // a row that cannot say is reported by toItem
          }
        }
        if (options.strict) {
          if (!loaded.has(source)) {
            loaded.add(source);
            await options.load?.([source]);
          }
          for (const [i, result] of (results ?? []).entries()) {
            if (!result.ok) survey.problems.push(`${name}:${index + i + 1}: ${result.error}`);
            else source = result.item.data_source;
          }
        }
        survey.dataSources.set(source, (survey.dataSources.get(source) ?? 0) + (results?.length ?? 1));
        index += results?.length ?? 1;
      }
      return survey;
    },
    async *entries(lookup: (dataSource: string) => AnyBootcamp | undefined) {
      const examples = await fewShotRows();
      let index = 0;
      for await (const row of rowsOf(request, subset, benchmark.evalSplit, load)) {
        for (const result of await rowResults(row, index, examples, lookup)) yield { index: index++, result };
      }
    },
  };
}

/**
 * An image of a row as a file of the cache, named by its sha256 (<cache>/images/sha256/ab/abcd…): written once,
 * whatever the number of rows, runs or benchmarks that carry the same bytes.
 */
async function storeImage(bytes: Uint8Array, cacheDir: string): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(cacheDir, 'images', 'sha256', sha.slice(0, 2));
  const file = path.join(dir, sha);
  try {
    if ((await stat(file)).size === bytes.length) return file;
  } catch {
    // not there yet
  }
  await mkdir(dir, { recursive: true });
  const part = `${file}.${process.pid}.part`;
  await writeFile(part, bytes);
  await rename(part, file);
  return file;
}
