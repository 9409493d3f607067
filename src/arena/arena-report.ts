// The arena's files: arena.json (ratings and counts, for scripts), arena.md, arena.xlsx (ratings, pairs,
// battles) and arena.html (self-contained: SVG charts of the ratings with their intervals and of the win rates,
// and every item with its verdicts; every text escaped, no script).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml } from '../viewer/static-report.ts';
import type { ArenaResult } from './arena.ts';

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');

export function arenaJson(r: ArenaResult, judgeModel: string): Record<string, unknown> {
  return {
    models: r.names,
    baseline: r.names[r.baseline],
    judge: judgeModel,
    items: r.items.length,
    battles: r.verdicts.filter((v) => v.outcome !== null).length,
    judge_requests: r.judgeRequests,
    ratings: r.ratings.map((x) => ({ model: x.name, bradley_terry: x.bt, ci95: x.ci, elo: x.elo, ...(x.winRate ? { win_rate_vs_baseline: x.winRate.rate, win_rate_ci95: x.winRate.ci, battles_vs_baseline: x.winRate.n } : {}) })),
    pairs: r.pairs.map((p) => ({ a: p.a, b: p.b, wins_a: p.winsA, ties: p.ties, wins_b: p.winsB, position_flips: p.flips, judge_errors: p.errors })),
  };
}

export function arenaMarkdown(r: ArenaResult, judgeModel: string): string {
  const sorted = [...r.ratings].sort((a, b) => b.bt - a.bt);
  const lines = [
    `# Arena: ${r.names.join(' vs ')} (judge ${judgeModel}, baseline ${r.names[r.baseline]})`,
    '',
    `${r.items.length} items, every pair judged in both orders; a verdict that changes with the order counts as a tie.`,
    '',
    '| model | Bradley-Terry | 95% CI | Elo | win rate vs baseline | 95% CI |',
    '|---|---|---|---|---|---|',
    ...sorted.map((x) => `| ${x.name} | ${f1(x.bt)} | ${f1(x.ci[0])} – ${f1(x.ci[1])} | ${f1(x.elo)} | ${x.winRate ? pct(x.winRate.rate) : '(baseline)'} | ${x.winRate ? `${pct(x.winRate.ci[0])} – ${pct(x.winRate.ci[1])}` : ''} |`),
    '',
    '| pair | wins | ties | losses | position flips | judge errors |',
    '|---|---|---|---|---|---|',
    ...r.pairs.map((p) => `| ${p.a} vs ${p.b} | ${p.winsA} | ${p.ties} | ${p.winsB} | ${p.flips} | ${p.errors} |`),
    '',
  ];
  return lines.join('\n');
}

function ratingChart(r: ArenaResult): string {
  const rows = [...r.ratings].sort((a, b) => b.bt - a.bt);
  const values = rows.flatMap((x) => [x.bt, x.ci[0], x.ci[1]]).filter(Number.isFinite);
  const lo = Math.min(...values) - 20;
  const hi = Math.max(...values) + 20;
  const left = 170;
  const plot = 460;
  const x = (v: number) => (left + (plot * (v - lo)) / Math.max(1, hi - lo)).toFixed(1);
  const body = rows.map((m, i) => {
    const y = 20 + i * 26;
    return `<text x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(m.name)}</text>`
      + `<line x1="${x(m.ci[0])}" x2="${x(m.ci[1])}" y1="${y}" y2="${y}" stroke="#1d2330"/>`
      + `<circle cx="${x(m.bt)}" cy="${y}" r="5" fill="#4c78a8"/>`
      + `<text x="${left + plot + 10}" y="${y + 4}">${f1(m.bt)}</text>`;
  });
  return `<svg viewBox="0 0 700 ${30 + rows.length * 26}" width="700" font-size="11" font-family="sans-serif" role="img"><title>Bradley-Terry ratings with 95% intervals</title>${body.join('')}</svg>`;
}

export function arenaHtml(r: ArenaResult, judgeModel: string): string {
  const table = (md: string) => {
    const rows = md.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
    return `<table>${rows.map((l, i) => `<tr>${l.split('|').slice(1, -1).map((c) => (i === 0 ? `<th>${escapeHtml(c.trim())}</th>` : `<td>${escapeHtml(c.trim())}</td>`)).join('')}</tr>`).join('')}</table>`;
  };
  const md = arenaMarkdown(r, judgeModel).split('\n\n');
  const items = r.verdicts.map((v) => {
    const it = r.items[v.item];
    const result = v.outcome === null ? 'no verdict' : v.outcome === 1 ? `${r.names[v.a]} wins` : v.outcome === 0 ? `${r.names[v.b]} wins` : v.flipped ? 'tie (the verdict followed the order)' : 'tie';
    return `<details><summary>${escapeHtml(it.file)} · id ${it.id} · ${escapeHtml(r.names[v.a])} vs ${escapeHtml(r.names[v.b])}: ${escapeHtml(result)} (${escapeHtml(String(v.forward))} / ${escapeHtml(String(v.backward))})</summary>`
      + `<pre>${escapeHtml(it.prompt)}</pre><div class="two"><div><b>${escapeHtml(r.names[v.a])}</b><pre>${escapeHtml(it.outputs[v.a])}</pre></div><div><b>${escapeHtml(r.names[v.b])}</b><pre>${escapeHtml(it.outputs[v.b])}</pre></div></div></details>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Arena: ${escapeHtml(r.names.join(' vs '))}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:20px;color:#1d2330}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #d9dee7;padding:4px 8px;text-align:left}pre{white-space:pre-wrap;word-break:break-word;background:#f7f8fa;border:1px solid #d9dee7;padding:6px}.two{display:grid;grid-template-columns:1fr 1fr;gap:8px}</style></head><body>
<h1>${escapeHtml(md[0].replace(/^# /, ''))}</h1><p>${escapeHtml(md[1])}</p>
${ratingChart(r)}
${table(md[2])}${table(md[3])}
<h2>Battles (${r.verdicts.length})</h2>
${items.join('\n')}
</body></html>
`;
}

export function writeArenaReports(dir: string, r: ArenaResult, judgeModel: string): string[] {
  writeFileSync(path.join(dir, 'arena.json'), JSON.stringify(arenaJson(r, judgeModel), null, 2) + '\n');
  writeFileSync(path.join(dir, 'arena.md'), arenaMarkdown(r, judgeModel));
  writeFileSync(path.join(dir, 'arena.html'), arenaHtml(r, judgeModel));
  const XLSX = createRequire(import.meta.url)('xlsx/dist/xlsx.mini.min.js') as typeof import('xlsx');
  const book = XLSX.utils.book_new();
  const j = arenaJson(r, judgeModel);
  XLSX.utils.book_append_sheet(book, XLSX.utils.json_to_sheet((j.ratings as Record<string, unknown>[]).map((x) => ({ ...x, ci95: (x.ci95 as number[]).map((v) => v.toFixed(1)).join(' – '), win_rate_ci95: Array.isArray(x.win_rate_ci95) ? (x.win_rate_ci95 as number[]).map((v) => v.toFixed(3)).join(' – ') : '' }))), 'ratings');
  XLSX.utils.book_append_sheet(book, XLSX.utils.json_to_sheet(j.pairs as Record<string, unknown>[]), 'pairs');
  XLSX.utils.book_append_sheet(book, XLSX.utils.json_to_sheet(r.verdicts.map((v) => ({ file: r.items[v.item].file, id: r.items[v.item].id, repeat: r.items[v.item].repeat, a: r.names[v.a], b: r.names[v.b], forward: v.forward, backward: v.backward, outcome: v.outcome, flipped: v.flipped }))), 'battles');
  writeFileSync(path.join(dir, 'arena.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return ['arena.json', 'arena.md', 'arena.xlsx', 'arena.html'];
}
