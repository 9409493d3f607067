// Turns joined runs into the comparison table (means, paired bootstrap CIs, McNemar, Holm) and writes it as
// compare.md, compare.xlsx and a self-contained compare.html (inline SVG, no network).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { holm, mcnemarExact, pairedBootstrap } from './stats.ts';
import type { Disagreement, JoinResult } from './join.ts';

export interface RunStat {
  mean: number;
  meanCi: [number, number];
  diff: number;
  diffCi: [number, number];
  /** Exact McNemar p against the baseline (0/1 scores only). */
  p?: number;
  pHolm?: number;
  significant: boolean;
  errors: number;
  avgLen: number;
  lengthShare: number;
}

export interface CompareRow {
  bootcamp: string;
  n: number;
  runs: RunStat[];
}

export function compareTable(join: JoinResult, baseline: number): CompareRow[] {
  const rows: CompareRow[] = [];
  const pooled: number[][] | undefined = [...join.bootcamps.values()][0]?.scores.map(() => []);
  const pooledSides = pooled?.map(() => ({ errors: 0, lenSum: 0, lengthCuts: 0 })) ?? [];
  const entries = [...join.bootcamps.values()].sort((a, b) => a.dataSource.localeCompare(b.dataSource));
  const build = (name: string, scores: number[][], sides: { errors: number; lenSum: number; lengthCuts: number }[]): CompareRow => {
    const arrays = scores.map((s) => Float64Array.from(s));
    const boot = pairedBootstrap(arrays, baseline);
    const binary = scores.every((s) => s.every((v) => v === 0 || v === 1));
    const n = scores[0].length;
    return {
      bootcamp: name,
      n,
      runs: scores.map((s, r) => {
        let b = 0;
        let c = 0;
        if (binary) for (let i = 0; i < n; i++) (scores[baseline][i] === 1 && s[i] === 0 ? b++ : 0, scores[baseline][i] === 0 && s[i] === 1 ? c++ : 0);
        return {
          mean: boot.means[r],
          meanCi: boot.meanCi[r],
          diff: boot.means[r] - boot.means[baseline],
          diffCi: boot.diffCi[r],
          ...(binary && r !== baseline ? { p: mcnemarExact(b, c) } : {}),
          significant: false,
          errors: sides[r].errors,
          avgLen: n ? sides[r].lenSum / n : 0,
          lengthShare: n ? sides[r].lengthCuts / n : 0,
        };
      }),
    };
  };
  for (const j of entries) {
    rows.push(build(j.dataSource, j.scores, j.sides));
    j.scores.forEach((s, r) => {
      for (const v of s) pooled![r].push(v);
      pooledSides[r].errors += j.sides[r].errors;
      pooledSides[r].lenSum += j.sides[r].lenSum;
      pooledSides[r].lengthCuts += j.sides[r].lengthCuts;
    });
  }
  // Holm across bootcamps, per run against the baseline; without a p-value (partial scores) the CI decides.
  const runCount = pooled?.length ?? 0;
  for (let r = 0; r < runCount; r++) {
    if (r === baseline) continue;
    const withP = rows.filter((row) => row.runs[r].p !== undefined);
    holm(withP.map((row) => row.runs[r].p!)).forEach((adj, i) => (withP[i].runs[r].pHolm = adj));
    for (const row of rows) {
      const stat = row.runs[r];
      stat.significant = stat.pHolm !== undefined ? stat.pHolm < 0.05 : stat.diffCi[0] > 0 || stat.diffCi[1] < 0;
    }
  }
  if (pooled && pooled[0].length > 0) {
    const all = build('all', pooled, pooledSides);
    for (const stat of all.runs) stat.significant = stat.p !== undefined ? stat.p < 0.05 : stat.diffCi[0] > 0 || stat.diffCi[1] < 0;
    rows.push(all);
  }
  return rows;
}

const pct = (v: number) => (100 * v).toFixed(1);
const ci = ([lo, hi]: [number, number]) => `[${pct(lo)}, ${pct(hi)}]`;
const pText = (p?: number) => (p === undefined ? '' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

export function compareMarkdown(rows: CompareRow[], names: string[], baseline: number, join: JoinResult): string {
  const others = names.map((_, r) => r).filter((r) => r !== baseline);
  const head = ['bootcamp', 'n', ...names.map((n) => `${n} %`), ...others.flatMap((r) => [`${names[r]} − ${names[baseline]} (95% CI)`, 'p (Holm)', 'sig.'])];
  const lines = [
    `# Comparison: ${names.join(' vs ')} (baseline ${names[baseline]})`,
    '',
    'Scores in %. Differences with a paired bootstrap 95% interval (10,000 resamples, seeded); p is the exact McNemar test for 0/1 scores, Holm-adjusted across bootcamps; sig. = adjusted p < 0.05 (or, for partial scores, the interval excludes 0).',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
  ];
  for (const row of rows) {
    const cells = [row.bootcamp === 'all' ? '**all**' : row.bootcamp, String(row.n), ...row.runs.map((s) => pct(s.mean))];
    for (const r of others) {
      const s = row.runs[r];
      cells.push(`${s.diff >= 0 ? '+' : ''}${pct(s.diff)} ${ci(s.diffCi)}`, pText(row.bootcamp === 'all' ? s.p : s.pHolm), s.significant ? 'yes' : '');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', '## Errors, output length and truncation', '', `| bootcamp | ${names.map((n) => `${n} errors | ${n} avg len | ${n} cut at max_tokens`).join(' | ')} |`, `|---|${names.map(() => '---|---|---').join('|')}|`);
  for (const row of rows) lines.push(`| ${row.bootcamp} | ${row.runs.map((s) => `${s.errors} | ${s.avgLen.toFixed(1)} | ${pct(s.lengthShare)}%`).join(' | ')} |`);
  lines.push('', `## Items where the runs disagree: ${join.disagreements.length + join.moreDisagreements} (first ${join.disagreements.length} in compare.html and compare.xlsx)`);
  if (join.warnings.length) lines.push('', '## Warnings', '', ...join.warnings.map((w) => `- ${w}`));
  return lines.join('\n') + '\n';
}

export function writeCompareXlsx(file: string, rows: CompareRow[], names: string[], baseline: number, disagreements: Disagreement[]): void {
  const XLSX = createRequire(import.meta.url)('xlsx/dist/xlsx.mini.min.js') as typeof import('xlsx');
  const others = names.map((_, r) => r).filter((r) => r !== baseline);
  const table: (string | number)[][] = [
    ['bootcamp', 'n', ...names.map((n) => `${n} score`), ...others.flatMap((r) => [`${names[r]} diff`, 'CI low', 'CI high', 'McNemar p', 'Holm p', 'significant']), ...names.flatMap((n) => [`${n} errors`, `${n} avg len`, `${n} length share`])],
  ];
  for (const row of rows) {
    table.push([
      row.bootcamp,
      row.n,
      ...row.runs.map((s) => s.mean),
      ...others.flatMap((r) => {
        const s = row.runs[r];
        return [s.diff, s.diffCi[0], s.diffCi[1], s.p ?? '', s.pHolm ?? '', s.significant ? 'yes' : 'no'];
      }),
      ...row.runs.flatMap((s) => [s.errors, s.avgLen, s.lengthShare]),
    ]);
  }
  const items: (string | number)[][] = [['file', 'id', 'repeat', 'data_source', ...names.map((n) => `${n} score`), 'prompt', ...names.map((n) => `${n} output`)]];
  for (const d of disagreements) items.push([d.file, d.id, d.repeat, d.data_source, ...d.scores, d.prompt, ...d.outputs]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'compare');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(items), 'disagreements');
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];

/** A grouped bar chart: one group per bootcamp, one bar per run, the run's 95% CI as an error bar. */
function barChart(rows: CompareRow[], names: string[]): string {
  const groups = rows.filter((r) => r.bootcamp !== 'all');
  const barW = 14;
  const groupW = names.length * barW + 16;
  const h = 220;
  const w = 60 + groups.length * groupW;
  const y = (v: number) => 20 + (1 - v) * h;
  let svg = `<svg id="bars" width="${w}" height="${h + 120}" role="img" aria-label="Scores per bootcamp">`;
  for (const t of [0, 0.25, 0.5, 0.75, 1]) svg += `<line x1="50" x2="${w}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="45" y="${y(t) + 4}" text-anchor="end" font-size="10">${t * 100}%</text>`;
  groups.forEach((row, g) => {
    const x0 = 60 + g * groupW;
    row.runs.forEach((s, r) => {
      const x = x0 + r * barW;
      svg += `<rect class="bar" data-bootcamp="${esc(row.bootcamp)}" data-run="${esc(names[r])}" x="${x}" y="${y(s.mean)}" width="${barW - 2}" height="${(h * s.mean).toFixed(2)}" fill="${COLORS[r % COLORS.length]}"><title>${esc(names[r])} on ${esc(row.bootcamp)}: ${pct(s.mean)}% ${ci(s.meanCi)}</title></rect>`;
      const cx = x + (barW - 2) / 2;
      svg += `<line class="ci" x1="${cx}" x2="${cx}" y1="${y(s.meanCi[1])}" y2="${y(s.meanCi[0])}" stroke="#222"/>`;
    });
    svg += `<text transform="translate(${x0 + 4},${h + 30}) rotate(45)" font-size="10">${esc(row.bootcamp)}</text>`;
  });
  return svg + '</svg>';
}

/** Bootcamp × run heatmap of scores. */
function heatmap(rows: CompareRow[], names: string[]): string {
  const cellW = 70;
  const cellH = 18;
  const left = 230;
  let svg = `<svg id="heatmap" width="${left + names.length * cellW}" height="${30 + rows.length * cellH}">`;
  names.forEach((n, r) => (svg += `<text x="${left + r * cellW + cellW / 2}" y="14" text-anchor="middle" font-size="11">${esc(n)}</text>`));
  rows.forEach((row, i) => {
    svg += `<text x="${left - 6}" y="${30 + i * cellH + 13}" text-anchor="end" font-size="11">${esc(row.bootcamp)}</text>`;
    row.runs.forEach((s, r) => {
      const v = Math.max(0, Math.min(1, s.mean));
      const color = `hsl(${Math.round(120 * v)}, 60%, ${Math.round(85 - 35 * v)}%)`;
      svg += `<rect class="cell" x="${left + r * cellW}" y="${30 + i * cellH}" width="${cellW - 2}" height="${cellH - 2}" fill="${color}"/><text x="${left + r * cellW + cellW / 2}" y="${30 + i * cellH + 13}" text-anchor="middle" font-size="10">${pct(s.mean)}</text>`;
    });
  });
  return svg + '</svg>';
}

export function compareHtml(rows: CompareRow[], names: string[], baseline: number, join: JoinResult, markdownTable: string): string {
  const items = join.disagreements
    .map(
      (d) =>
        `<tr><td>${esc(d.file)}</td><td>${d.id}${d.repeat ? `/${d.repeat}` : ''}</td><td>${esc(d.data_source)}</td>${d.scores.map((s) => `<td>${s}</td>`).join('')}<td><details><summary>prompt and outputs</summary><h4>Prompt</h4><pre>${esc(d.prompt)}</pre>${d.outputs.map((o, r) => `<h4>${esc(names[r])}</h4><pre>${esc(o)}</pre>`).join('')}</details></td></tr>`,
    )
    .join('\n');
  const legend = names.map((n, r) => `<span style="color:${COLORS[r % COLORS.length]}">■</span> ${esc(n)}${r === baseline ? ' (baseline)' : ''}`).join(' &nbsp; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Comparison: ${esc(names.join(' vs '))}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:1400px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;font-size:12px}pre{white-space:pre-wrap;max-height:300px;overflow:auto;background:#f6f6f6;padding:6px}</style>
</head><body>
<h1>Comparison: ${esc(names.join(' vs '))}</h1>
<p>${legend}</p>
<h2>Scores per bootcamp (bars: mean; lines: 95% bootstrap interval)</h2>
${barChart(rows, names)}
<h2>Heatmap</h2>
${heatmap(rows, names)}
<h2>Table</h2>
<pre id="table">${esc(markdownTable)}</pre>
<h2>Items where the runs disagree (${join.disagreements.length}${join.moreDisagreements ? ` of ${join.disagreements.length + join.moreDisagreements}` : ''})</h2>
<table id="disagreements"><tr><th>file</th><th>id</th><th>bootcamp</th>${names.map((n) => `<th>${esc(n)}</th>`).join('')}<th></th></tr>
${items}
</table>
<script>
  // Counts for readers and tests: everything above is static SVG and HTML.
  document.body.dataset.bars = String(document.querySelectorAll('#bars rect.bar').length);
  document.body.dataset.cells = String(document.querySelectorAll('#heatmap rect.cell').length);
</script>
</body></html>
`;
}

export function writeCompareReports(outDir: string, rows: CompareRow[], names: string[], baseline: number, join: JoinResult): string[] {
  const md = compareMarkdown(rows, names, baseline, join);
  const files = [path.join(outDir, 'compare.md'), path.join(outDir, 'compare.xlsx'), path.join(outDir, 'compare.html')];
  writeFileSync(files[0], md);
  writeCompareXlsx(files[1], rows, names, baseline, join.disagreements);
  writeFileSync(files[2], compareHtml(rows, names, baseline, join, md));
  return files;
}
