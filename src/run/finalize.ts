// The end of every run, finished or not: details compacted (one row per id), meta.jsonl rebuilt from them,
// the xlsx and results.yml written, and the summary table printed.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { FLAGS, type FlagName } from '../config/flags.ts';
import { existsSync } from 'node:fs';
import { compactDetails, scanDetails, summarize, type RowSummary } from '../output/details-file.ts';
import { LineReader } from '../output/line-reader.ts';
import { Aggregator, bootcampRowsFrom } from '../output/aggregate.ts';
import { fileMeta, totalAverage, type BootcampRow } from '../output/aggregate.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { writeScoresXlsx } from '../output/xlsx-writer.ts';
import { writeResultsYaml } from '../output/results-yaml.ts';
import type { RunPaths } from '../output/run-paths.ts';
import { formatSummaryTable } from '../ui/summary-table.ts';
import { benchmarkScores, writeBenchmarkReports, type BenchmarkScore, type BenchmarkSummary } from '../output/benchmark-summary.ts';
import type { Aggregate } from '../output/aggregate.ts';

export interface RunTotals {
  items: number;
  itemErrors: number;
  /** Items whose verifier failed (scored 0 with verify_error): not a reason for exit 3, but counted and shown. */
  verifyErrors: number;
  inputErrors: number;
  bootcamps: BootcampRow[];
  benchmarks: BenchmarkScore[];
}

/** What the summaries need to know of a run's settings (from the Config, or from eval_args.json when rescoring). */
export interface SummarySettings {
  model_name: string;
  repeats: number;
  pass_k?: readonly number[];
  /** Every setting, for results.yml's config section (redacted on writing). */
  all: Readonly<Record<string, unknown>>;
}

export function summarySettings(config: Config): SummarySettings {
  const all: Record<string, unknown> = {};
  for (const name of Object.keys(FLAGS) as FlagName[]) all[name] = config[name];
  return { model_name: config.model_name, repeats: config.repeats, pass_k: config.pass_k, all };
}

export interface FinalizeOptions {
  settings: SummarySettings;
  paths: RunPaths;
  files: readonly string[];
  inputErrorCounts: readonly number[];
  /** The data sources each file names (from the survey), so meta names a file's bootcamp even with no rows. */
  fileDataSources: readonly (readonly string[])[];
  /** The run's named benchmarks: their subsets' files are summed per subset, not per data source. */
  benchmarks?: readonly BenchmarkSummary[];
  /** When the run started, for the summary's elapsed time. */
  startedAtMs: number;
  /**
   * The details are known to hold one row per key in key order (a merge wrote them so): summed as they are
   * read, without the row table compaction needs, so memory does not grow with the rows.
   */
  inOrder?: boolean;
  io: { print(text: string): void; log(line: string): void };
}

export function passKValues(settings: { pass_k?: readonly number[]; repeats: number }): number[] {
  return settings.pass_k ? [...settings.pass_k] : [...new Set([1, settings.repeats])];
}

/** Each row of a details file already in order, summarised, in file order; returns the data sources seen. */
async function eachRowInOrder(file: string, onRow: (row: RowSummary) => void): Promise<string[]> {
  const sources = new Set<string>();
  if (!existsSync(file)) return [];
  const reader = await LineReader.open(file);
  try {
    for (let line = await reader.next(); line; line = await reader.next()) {
      const row = line.torn ? undefined : summarize(line.bytes.toString('utf8'));
      if (!row) continue;
      sources.add(row.data_source);
      onRow(row);
    }
  } finally {
    await reader.close();
  }
  return [...sources];
}

export async function finalizeRun({ settings, paths, files, inputErrorCounts, fileDataSources, benchmarks = [], startedAtMs, io, inOrder = false }: FinalizeOptions): Promise<RunTotals> {
  const passK = passKValues(settings);
  // A benchmark subset's rows are its own summary row ("mmlu_anatomy"), whatever bootcamp scored them.
  const subsetFiles = new Set(benchmarks.flatMap((b) => b.subsets.map((s) => s.file)));
  const byFile = new Map<string, Aggregate>();
  // One file at a time, summed as it is read: nothing per row outlives its file.
  const bySource = new Map<string, Aggregator>();
  const metaLines: string[] = [];
  const row: RowSummary = { id: 0, repeat: 0, data_source: '', score: 0, output_len: 0, hasError: false, finishReason: null };
  let items = 0;
  for (let i = 0; i < files.length; i++) {
    const detailsFile = paths.details(files[i]);
    const fileAgg = new Aggregator(passK);
    const fileName = path.basename(files[i]);
    const subsetLabel = subsetFiles.has(fileName) ? fileName.replace(/\.jsonl$/, '') : undefined;
    const add = (r: RowSummary) => {
      fileAgg.add(r);
      const key = subsetLabel ?? r.data_source;
      let agg = bySource.get(key);
      if (!agg) bySource.set(key, (agg = new Aggregator(passK)));
      agg.add(r);
      items++;
    };
    let seenSources: readonly string[];
    if (inOrder) seenSources = await eachRowInOrder(detailsFile, add);
    else {
      const scan = await scanDetails(detailsFile);
      const order = await compactDetails(detailsFile, scan);
      for (const index of order) add(scan.rows.read(index, row));
      seenSources = scan.rows.dataSources;
    }
    byFile.set(fileName, fileAgg.result());
    const named = [...seenSources, ...fileDataSources[i]];
    const meta = fileMeta(fileName, fileAgg.result(), named, inputErrorCounts[i], settings.repeats);
    const group = subsetLabel !== undefined ? benchmarks.find((b) => b.subsets.some((s) => s.file === fileName)) : undefined;
    const subset = group?.subsets.find((s) => s.file === fileName);
    metaLines.push(JSON.stringify(group && subset ? { ...meta, benchmark: group.name, subset: subset.name } : meta));
  }
  await writeFileAtomic(paths.meta, metaLines.map((l) => l + '\n').join(''));
  const bootcamps = bootcampRowsFrom(bySource, new Set([...subsetFiles].map((f) => f.replace(/\.jsonl$/, ''))));
  const scores = benchmarkScores(benchmarks, byFile);
  await writeScoresXlsx(paths.xlsx(settings.model_name), bootcamps, settings.repeats, passK, scores);
  await writeResultsYaml(paths.resultsYaml, settings.all, settings.repeats, bootcamps, passK, scores);
  if (scores.length > 0) await writeBenchmarkReports(paths.root, settings.model_name, scores);
  const totals: RunTotals = {
    items,
    itemErrors: bootcamps.reduce((s, b) => s + b.errors, 0),
    verifyErrors: bootcamps.reduce((s, b) => s + b.verifyErrors, 0),
    inputErrors: inputErrorCounts.reduce((s, n) => s + n, 0),
    bootcamps,
    benchmarks: scores,
  };
  const elapsedSec = (Date.now() - startedAtMs) / 1000;
  io.print(formatSummaryTable(bootcamps, totalAverage(bootcamps), { ...totals, folder: paths.root, elapsedSec }, scores));
  return totals;
}
