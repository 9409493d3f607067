// {model}_scores.xlsx: the original's summary sheet (bootcamp, Average Score, Average Output Length, then a
// Total Average row), with n, errors and verify errors added, and mean@N / pass@k columns for repeated sampling.
import { createRequire } from 'node:module';
import { writeFileAtomic } from './atomic-write.ts';
import { totalAverage, type BootcampRow } from './aggregate.ts';
import type { BenchmarkScore } from './benchmark-summary.ts';

export function scoresSheetRows(rows: readonly BootcampRow[], repeats: number, passK: readonly number[], benchmarks: readonly BenchmarkScore[] = []): (string | number)[][] {
  const extra = repeats > 1 ? [`mean@${repeats}`, ...passK.map((k) => `pass@${k}`)] : [];
  // A bootcamp's further measures (IFEval's four accuracies) get a column each, blank for the others.
  const metricNames = [...new Set(rows.flatMap((r) => Object.keys(r.metrics ?? {})))];
  const header = ['bootcamp', 'Average Score', 'Average Output Length', 'n', 'errors', 'verify errors', ...extra, ...metricNames];
  const extraValues = (r: { avgScore: number; passAtK?: Record<number, number> }) =>
    repeats > 1 ? [r.avgScore, ...passK.map((k) => r.passAtK?.[k] ?? 0)] : [];
  const metricValues = (r: { metrics?: Record<string, number> }) => metricNames.map((m) => r.metrics?.[m] ?? '');
  const body: (string | number)[][] = rows.map((r) => [r.bootcamp, r.avgScore, r.avgLen, r.n, r.errors, r.verifyErrors, ...extraValues(r), ...metricValues(r)]);
  const total = totalAverage(rows);
  const totalPass: Record<number, number> = {};
  for (const k of passK) totalPass[k] = rows.length > 0 ? rows.reduce((s, r) => s + (r.passAtK?.[k] ?? 0), 0) / rows.length : 0;
  body.push(['Total Average', total.avgScore, total.avgLen, total.n, total.errors, total.verifyErrors, ...extraValues({ avgScore: total.avgScore, passAtK: totalPass })]);
  // Per benchmark, after the total (which counts each subset row once): both of EvalScope's averages, labelled.
  for (const b of benchmarks) {
    if (b.subsets.length === 0) continue;
    const len = b.n > 0 ? b.subsets.reduce((s, r) => s + r.avgLen * r.n, 0) / b.n : 0;
    const errors = b.subsets.reduce((s, r) => s + r.errors, 0);
    const verifyErrors = b.subsets.reduce((s, r) => s + r.verifyErrors, 0);
    const blank = repeats > 1 ? [b.weighted, ...passK.map(() => '')] : [];
    body.push([`${b.summary.name} (weighted average over ${b.subsets.length} subset${b.subsets.length === 1 ? '' : 's'})`, b.weighted, len, b.n, errors, verifyErrors, ...blank]);
    if (b.subsets.length > 1) body.push([`${b.summary.name} (macro average over subsets)`, b.macro, len, b.n, errors, verifyErrors, ...(repeats > 1 ? [b.macro, ...passK.map(() => '')] : [])]);
  }
  return [header, ...body];
}

export async function writeScoresXlsx(file: string, rows: readonly BootcampRow[], repeats: number, passK: readonly number[], benchmarks: readonly BenchmarkScore[] = []): Promise<void> {
  // The library's mini build, loaded here and not at start-up: it writes the same xlsx, and the full build's
  // code-page tables cost ~25 MB of memory that a run would carry for one write at its end.
  const XLSX = createRequire(import.meta.url)('xlsx/dist/xlsx.mini.min.js') as typeof import('xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(scoresSheetRows(rows, repeats, passK, benchmarks));
  const book = XLSX.utils.book_new();
  // pandas' to_excel names its sheet "Sheet1"; keeping it means read_excel(sheet_name="Sheet1") still works.
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  await writeFileAtomic(file, data);
}
