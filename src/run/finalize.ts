// The end of every run, finished or not: details compacted (one row per id), meta.jsonl rebuilt from them,
// the xlsx and results.yml written, and the summary table printed.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { compactDetails, scanDetails, type RowSummary } from '../output/details-file.ts';
import { bootcampRows, fileMeta, totalAverage, type BootcampRow } from '../output/aggregate.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { writeScoresXlsx } from '../output/xlsx-writer.ts';
import { writeResultsYaml } from '../output/results-yaml.ts';
import type { RunPaths } from '../output/run-paths.ts';
import type { ProgressState } from './progress.ts';
import { formatSummaryTable } from '../ui/summary-table.ts';

export interface RunTotals {
  items: number;
  itemErrors: number;
  inputErrors: number;
  bootcamps: BootcampRow[];
}

export interface FinalizeOptions {
  config: Config;
  paths: RunPaths;
  files: readonly string[];
  inputErrorCounts: readonly number[];
  /** The data sources each file names (from the survey), so meta names a file's bootcamp even with no rows. */
  fileDataSources: readonly (readonly string[])[];
  progress: ProgressState;
  io: { print(text: string): void; log(line: string): void };
}

export function passKValues(config: Pick<Config, 'pass_k' | 'repeats'>): number[] {
  return config.pass_k ?? [...new Set([1, config.repeats])];
}

export async function finalizeRun({ config, paths, files, inputErrorCounts, fileDataSources, progress, io }: FinalizeOptions): Promise<RunTotals> {
  const passK = passKValues(config);
  const rowsByFile: RowSummary[][] = [];
  const metaLines: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const detailsFile = paths.details(files[i]);
    const rows = await compactDetails(detailsFile, await scanDetails(detailsFile));
    rowsByFile.push(rows);
    metaLines.push(JSON.stringify(fileMeta(path.basename(files[i]), rows, inputErrorCounts[i], passK, config.repeats, fileDataSources[i])));
  }
  await writeFileAtomic(paths.meta, metaLines.map((l) => l + '\n').join(''));
  const bootcamps = bootcampRows(rowsByFile, passK);
  await writeScoresXlsx(paths.xlsx(config.model_name), bootcamps, config.repeats, passK);
  await writeResultsYaml(paths.resultsYaml, config, bootcamps, passK);
  const totals: RunTotals = {
    items: rowsByFile.reduce((s, r) => s + r.length, 0),
    itemErrors: bootcamps.reduce((s, b) => s + b.errors, 0),
    inputErrors: inputErrorCounts.reduce((s, n) => s + n, 0),
    bootcamps,
  };
  const elapsedSec = (Date.now() - progress.startedAtMs) / 1000;
  io.print(formatSummaryTable(bootcamps, totalAverage(bootcamps), { ...totals, folder: paths.root, elapsedSec }));
  return totals;
}
