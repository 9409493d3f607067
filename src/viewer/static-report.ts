// `view.ts --static OUT.html`: one self-contained page of a run for attaching to a report: the summary, the
// per-bootcamp chart with 95% intervals and table, and the failed items (score below 1 or an error) with
// prompt and output. No script at all: the page is HTML built here with every text escaped, and a CSP that
// allows only its own inline style.
import { writeFileSync } from 'node:fs';
import type { RunView } from './run-view.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const MAX_FAILED = 500;
const CLIP = 4000;

function svgChart(groups: { bootcamp: string; avgScore: number; ci: [number, number] }[]): string {
  const left = 190;
  const plot = 460;
  const rowHeight = 24;
  const height = 14 + groups.length * rowHeight + 20;
  const x = (v: number) => (left + plot * Math.max(0, Math.min(1, v))).toFixed(1);
  const rows = groups.map((g, i) => {
    const y = 10 + i * rowHeight;
    return `<text x="${left - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(g.bootcamp)}</text>`
      + `<rect x="${left}" y="${y + 2}" width="${Math.max(1, plot * Math.max(0, Math.min(1, g.avgScore))).toFixed(1)}" height="14" fill="#4c78a8"/>`
      + `<line x1="${x(g.ci[0])}" x2="${x(g.ci[1])}" y1="${y + 9}" y2="${y + 9}" stroke="#1d2330"/>`
      + `<text x="${left + plot + 8}" y="${y + 13}">${g.avgScore.toFixed(3)}</text>`;
  });
  return `<svg viewBox="0 0 720 ${height}" width="720" role="img" font-size="11" font-family="sans-serif">${rows.join('')}</svg>`;
}

export async function writeStaticReport(view: RunView, out: string): Promise<{ failed: number; shown: number }> {
  const info = view.info();
  const { rows, total } = view.groups();
  const failed: string[] = [];
  let failedCount = 0;
  for (const { name, index } of view.files) {
    const wanted = [...index.sorted()].filter((i) => index.scores[i] < 1 || (index.flags[i] & 1) !== 0);
    failedCount += wanted.length;
    const keep = wanted.slice(0, Math.max(0, MAX_FAILED - failed.length));
    const texts = new Map<number, Record<string, unknown>>();
    await index.eachRowBytes(keep, (i, bytes) => {
      try {
        texts.set(i, JSON.parse(bytes.toString('utf8')) as Record<string, unknown>);
      } catch {
        /* not a row */
      }
    });
    for (const i of keep) {
      const row = texts.get(i);
      if (!row) continue;
      const clip = (v: unknown) => {
        const t = typeof v === 'string' ? v : JSON.stringify(v, null, 2) ?? '';
        return escapeHtml(t.length > CLIP ? t.slice(0, CLIP) + ` … [${t.length - CLIP} more characters]` : t);
      };
      const error = row.error as { kind?: string; message?: string } | undefined;
      failed.push(`<details><summary>${escapeHtml(name)} · id ${index.ids[i]}${index.repeats[i] ? ` · repeat ${index.repeats[i]}` : ''} · ${escapeHtml(String(row.data_source ?? ''))} · score ${index.scores[i]}${error ? ` · ${escapeHtml(String(error.kind ?? 'error'))}` : ''}</summary>`
        + `<h4>Prompt</h4><pre>${clip(row.prompt)}</pre><h4>Output</h4><pre>${clip(row.output)}</pre>`
        + `<h4>Extracted</h4><pre>${clip(row.extracted_output)}</pre><h4>Ground truth</h4><pre>${clip(row.ground_truth)}</pre>`
        + (error ? `<h4>Error</h4><pre>${clip(error.message)}</pre>` : '')
        + (typeof row.verify_error === 'string' ? `<h4>Verify error</h4><pre>${clip(row.verify_error)}</pre>` : '')
        + '</details>');
    }
  }
  const table = rows.map((g) => `<tr><td>${escapeHtml(g.bootcamp)}</td><td>${g.n}</td><td>${g.avgScore.toFixed(4)}</td><td>${g.ci[0].toFixed(3)}–${g.ci[1].toFixed(3)}</td><td>${g.errors}</td><td>${g.avgLen.toFixed(1)}</td><td>${(100 * g.lengthCutShare).toFixed(1)}%</td></tr>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(info.id)}: bootcamp-eval run</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:20px;color:#1d2330}table{border-collapse:collapse}td,th{border-bottom:1px solid #d9dee7;padding:4px 8px;text-align:left}pre{white-space:pre-wrap;word-break:break-word;background:#f7f8fa;border:1px solid #d9dee7;padding:6px}summary{cursor:pointer}</style>
</head><body>
<h1>${escapeHtml(info.id)}</h1>
<p>${escapeHtml(info.model)} on ${escapeHtml(info.inputs)} · ${info.items} items · score <b>${total.avgScore.toFixed(4)}</b> · ${info.errors} errors · ${info.state}${info.started ? ` · started ${escapeHtml(info.started)}` : ''}</p>
${svgChart(rows)}
<table><thead><tr><th>bootcamp</th><th>n</th><th>score</th><th>95% interval</th><th>errors</th><th>mean output length</th><th>cut at max_tokens</th></tr></thead><tbody>${table}</tbody></table>
<h2>Failed items (${failedCount}${failedCount > failed.length ? `, the first ${failed.length} shown` : ''})</h2>
${failed.join('\n')}
</body></html>
`;
  writeFileSync(out, html);
  return { failed: failedCount, shown: failed.length };
}
