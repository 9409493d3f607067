// The table printed at the end of a run: per bootcamp n, average score and errors, then where the run is.
import type { BootcampRow } from '../output/aggregate.ts';
import type { BenchmarkScore } from '../output/benchmark-summary.ts';
import { formatTimedelta } from '../output/progress-log.ts';

export function formatSummaryTable(
  rows: readonly BootcampRow[],
  total: { avgScore: number; avgLen: number; n: number; errors: number; verifyErrors: number },
  info: { itemErrors: number; verifyErrors: number; inputErrors: number; folder: string; elapsedSec: number },
  benchmarks: readonly BenchmarkScore[] = [],
): string {
  const table = [
    ['bootcamp', 'n', 'avg score', 'avg len', 'errors', 'verify errors'],
    ...rows.map((r) => [r.bootcamp, String(r.n), r.avgScore.toFixed(4), r.avgLen.toFixed(1), String(r.errors), String(r.verifyErrors)]),
    ['Total Average', String(total.n), total.avgScore.toFixed(4), total.avgLen.toFixed(1), String(total.errors), String(total.verifyErrors)],
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const fmt = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const lines = [fmt(table[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1, -1).map(fmt), widths.map((w) => '-'.repeat(w)).join('  '), fmt(table[table.length - 1])];
  lines.push('');
  for (const b of benchmarks) {
    if (b.subsets.length === 0) continue;
    const macro = b.subsets.length > 1 ? `, macro average over ${b.subsets.length} subsets ${b.macro.toFixed(4)}` : '';
    lines.push(`${b.summary.pretty_name}: ${b.weighted.toFixed(4)} (weighted over ${b.n} items${macro})`);
  }
  if (benchmarks.length > 0) lines.push('');
  lines.push(`${total.n} items scored in ${formatTimedelta(info.elapsedSec)}; ${info.itemErrors} item error(s), ${info.verifyErrors} verify error(s), ${info.inputErrors} bad input line(s).`);
  lines.push(`Run folder: ${info.folder}`);
  return lines.join('\n') + '\n';
}
