// Bar charts in SVG, drawn from numbers: one bar per label (or a group of bars per label, one per run), each
// with its 95% interval as a whisker. Labels are <text> nodes set with textContent.
const NS = 'http://www.w3.org/2000/svg';
const COLOURS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Bar {
  value: number;
  ci?: [number, number];
}

/** Horizontal bars on a 0..1 scale: one row per label, `bars[i]` holding one bar per series. */
export function barChart(labels: string[], bars: Bar[][], series: string[], testid: string): SVGSVGElement {
  const rowHeight = 18 * Math.max(1, series.length) + 10;
  const left = 190;
  const width = 720;
  const plot = width - left - 60;
  const top = series.length > 1 ? 28 : 10;
  const height = top + labels.length * rowHeight + 24;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart' });
  root.dataset.testid = testid;
  for (let t = 0; t <= 4; t++) {
    const x = left + (plot * t) / 4;
    root.appendChild(svg('line', { x1: x, x2: x, y1: top - 4, y2: height - 20, class: 'grid' }));
    root.appendChild(svg('text', { x, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, (t / 4).toFixed(2)));
  }
  series.forEach((name, s) => {
    if (series.length < 2) return;
    root.appendChild(svg('rect', { x: left + s * 150, y: 6, width: 10, height: 10, fill: COLOURS[s % COLOURS.length] }));
    root.appendChild(svg('text', { x: left + s * 150 + 14, y: 15, class: 'legend' }, name.length > 22 ? name.slice(0, 21) + '…' : name));
  });
  labels.forEach((label, i) => {
    const y0 = top + i * rowHeight;
    root.appendChild(svg('text', { x: left - 8, y: y0 + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'label' }, label.length > 28 ? label.slice(0, 27) + '…' : label));
    bars[i].forEach((bar, s) => {
      const y = y0 + 5 + s * 18;
      const value = Math.max(0, Math.min(1, bar.value));
      const rect = svg('rect', { x: left, y, width: Math.max(1, plot * value), height: 14, fill: COLOURS[s % COLOURS.length] });
      rect.appendChild(svg('title', {}, `${series[s] ?? label}: ${bar.value.toFixed(4)}${bar.ci ? ` (95% ${bar.ci[0].toFixed(3)}–${bar.ci[1].toFixed(3)})` : ''}`));
      root.appendChild(rect);
      if (bar.ci) {
        const [a, b] = bar.ci.map((v) => left + plot * Math.max(0, Math.min(1, v)));
        root.appendChild(svg('line', { x1: a, x2: b, y1: y + 7, y2: y + 7, class: 'whisker' }));
        root.appendChild(svg('line', { x1: a, x2: a, y1: y + 3, y2: y + 11, class: 'whisker' }));
        root.appendChild(svg('line', { x1: b, x2: b, y1: y + 3, y2: y + 11, class: 'whisker' }));
      }
      root.appendChild(svg('text', { x: left + plot + 6, y: y + 11, class: 'value' }, bar.value.toFixed(3)));
    });
  });
  return root;
}
