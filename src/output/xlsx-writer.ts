// {model}_scores.xlsx: the original's summary sheet (bootcamp, Average Score, Average Output Length, then a
// Total Average row), with n, errors and verify errors added, and mean@N / pass@k columns for repeated sampling.
import { createRequire } from 'node:module';
import { writeFileAtomic } from './atomic-write.ts';
import { totalAverage, type BootcampRow } from './aggregate.ts';

export function scoresSheetRows(rows: readonly BootcampRow[], repeats: number, passK: readonly number[]): (string | number)[][] {
  const extra = repeats > 1 ? [`mean@${repeats}`, ...passK.map((k) => `pass@${k}`)] : [];
  const header = ['bootcamp', 'Average Score', 'Average Output Length', 'n', 'errors', 'verify errors', ...extra];
  const extraValues = (r: { avgScore: number; passAtK?: Record<number, number> }) =>
    repeats > 1 ? [r.avgScore, ...passK.map((k) => r.passAtK?.[k] ?? 0)] : [];
  const body = rows.map((r) => [r.bootcamp, r.avgScore, r.avgLen, r.n, r.errors, r.verifyErrors, ...extraValues(r)]);
  const total = totalAverage(rows);
  const totalPass: Record<number, number> = {};
  for (const k of passK) totalPass[k] = rows.length > 0 ? rows.reduce((s, r) => s + (r.passAtK?.[k] ?? 0), 0) / rows.length : 0;
  body.push(['Total Average', total.avgScore, total.avgLen, total.n, total.errors, total.verifyErrors, ...extraValues({ avgScore: total.avgScore, passAtK: totalPass })]);
  return [header, ...body];
}

export async function writeScoresXlsx(file: string, rows: readonly BootcampRow[], repeats: number, passK: readonly number[]): Promise<void> {
  // The library's mini build, loaded here and not at start-up: it writes the same xlsx, and the full build's
  // code-page tables cost ~25 MB of memory that a run would carry for one write at its end.
  const XLSX = createRequire(import.meta.url)('xlsx/dist/xlsx.mini.min.js') as typeof import('xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(scoresSheetRows(rows, repeats, passK));
  const book = XLSX.utils.book_new();
  // pandas' to_excel names its sheet "Sheet1"; keeping it means read_excel(sheet_name="Sheet1") still works.
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  await writeFileAtomic(file, data);
}
