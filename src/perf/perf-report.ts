// perf_report.html: one self-contained page (inline SVG drawn here, no script, no network) with TTFT, TPOT and
// latency (p50 and p99) against concurrency, throughput against concurrency, a latency histogram per point, and
// the summary table.
import type { PointRecord } from './perf-files.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea'];

interface Series {
  name: string;
  points: [number, number][];
}

function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

/** A line chart of series over the points' concurrency (x spaced by rank, labelled with the values). */
function lineChart(title: string, unit: string, xs: number[], series: Series[]): string {
  const w = 460;
  const h = 240;
  const left = 56;
  const bottom = 36;
  const top = 28;
  const right = 12;
  const yMax = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite)));
  const xAt = (i: number) => left + (xs.length === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (xs.length - 1));
  const yAt = (v: number) => h - bottom - (v / yMax) * (h - top - bottom);
  let svg = `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escape(title)}">`;
  svg += `<text x="${w / 2}" y="16" text-anchor="middle" class="title">${escape(title)}</text>`;
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    svg += `<line x1="${left}" x2="${w - right}" y1="${yAt(v)}" y2="${yAt(v)}" class="grid"/><text x="${left - 6}" y="${yAt(v) + 4}" text-anchor="end">${escape(String(+v.toPrecision(3)))}</text>`;
  }
  xs.forEach((x, i) => (svg += `<text x="${xAt(i)}" y="${h - bottom + 16}" text-anchor="middle">${x}</text>`));
  svg += `<text x="${w / 2}" y="${h - 4}" text-anchor="middle">concurrency</text><text x="12" y="${top - 8}">${escape(unit)}</text>`;
  series.forEach((s, n) => {
    const pts = s.points.filter(([, y]) => Number.isFinite(y));
    const color = COLORS[n % COLORS.length];
    if (pts.length > 1) svg += `<polyline class="series" fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([i, y]) => `${xAt(i)},${yAt(y)}`).join(' ')}"/>`;
    for (const [i, y] of pts) svg += `<circle class="point" cx="${xAt(i)}" cy="${yAt(y)}" r="3" fill="${color}"><title>${escape(`${s.name}: ${+y.toPrecision(4)} ${unit}`)}</title></circle>`;
    svg += `<text x="${left + 8 + n * 110}" y="${top + 4}" fill="${color}">${escape(s.name)}</text>`;
  });
  return svg + '</svg>';
}

/** A histogram of one point's latencies (seconds), 20 bins. */
function histogram(point: PointRecord): string {
  const values = point.summary.metrics.filter((m) => m.ok).map((m) => m.latencyMs! / 1000);
  const w = 300;
  const h = 160;
  if (values.length === 0) return `<svg class="hist" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><text x="10" y="20">no successful requests</text></svg>`;
  const lo = values.reduce((a, b) => Math.min(a, b));
  const hi = values.reduce((a, b) => Math.max(a, b));
  const bins = new Array(20).fill(0);
  for (const v of values) bins[Math.min(19, Math.floor(((v - lo) / (hi - lo || 1)) * 20))]++;
  const peak = Math.max(...bins);
  let svg = `<svg class="hist" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="latency histogram, parallel ${point.parallel}">`;
  svg += `<text x="${w / 2}" y="14" text-anchor="middle" class="title">latency, parallel ${point.parallel} (${values.length} requests)</text>`;
  bins.forEach((count, i) => {
    const bh = (count / peak) * (h - 50);
    svg += `<rect class="bin" x="${10 + i * 14}" y="${h - 28 - bh}" width="12" height="${bh}" fill="#2563eb"><title>${count}</title></rect>`;
  });
  svg += `<text x="10" y="${h - 10}">${lo.toFixed(3)} s</text><text x="${w - 10}" y="${h - 10}" text-anchor="end">${hi.toFixed(3)} s</text>`;
  return svg + '</svg>';
}

export function perfReportHtml(title: string, points: PointRecord[], table: string): string {
  const xs = points.map((p) => p.parallel);
  const series = (name: string, metric: string, key: 'p50' | 'p99') => ({ name, points: points.map((p, i) => [i, p.summary.distributions[metric].nearestRank[key]] as [number, number]) });
  const charts = [
    lineChart('Time to first token', 'ms', xs, [series('p50', 'TTFT (ms)', 'p50'), series('p99', 'TTFT (ms)', 'p99')]),
    lineChart('Time per output token', 'ms', xs, [series('p50', 'TPOT (ms)', 'p50'), series('p99', 'TPOT (ms)', 'p99')]),
    lineChart('Latency', 's', xs, [series('p50', 'Latency (s)', 'p50'), series('p99', 'Latency (s)', 'p99')]),
    lineChart('Throughput', 'per s', xs, [
      { name: 'output tok/s', points: points.map((p, i) => [i, p.summary.summary['Output Throughput (tok/s)']] as [number, number]) },
      { name: 'requests/s', points: points.map((p, i) => [i, p.summary.summary['Req Throughput (req/s)']] as [number, number]) },
    ]),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#111}svg text{font-size:11px;fill:#333}svg .title{font-size:13px;font-weight:600}.grid{stroke:#e5e7eb}
.charts,.hists{display:flex;flex-wrap:wrap;gap:16px}pre{background:#f6f8fa;padding:12px;overflow:auto}</style></head>
<body data-points="${points.length}">
<h1>${escape(title)}</h1>
<p>Percentiles are EvalScope's (the sorted value at floor(n·p/100)); benchmark_stats.json beside each point also has vLLM's (linear).</p>
<div class="charts">${charts.join('\n')}</div>
<h2>Latency per point</h2>
<div class="hists">${points.map(histogram).join('\n')}</div>
<h2>Summary</h2>
<pre>${escape(table)}</pre>
</body></html>
`;
}
