// Two or more runs of the same inputs side by side: the comparison statistics compare.ts computes (paired
// bootstrap intervals, McNemar with Holm), a chart, and the items where the runs disagree, answers side by side.
import { fill, fmtScore, h } from '../dom.ts';
import { getJson, runPath } from '../api.ts';
import { barChart } from '../chart.ts';
import type { View } from '../main.ts';

interface RunStat { mean: number; meanCi: [number, number]; diff: number; diffCi: [number, number]; p?: number; pHolm?: number; significant: boolean; errors: number; avgLen: number; lengthShare: number }
interface CompareRow { bootcamp: string; n: number; runs: RunStat[] }
interface Disagreement { file: string; id: number; repeat: number; data_source: string; prompt: string; outputs: string[]; scores: number[] }
interface Comparison { names: string[]; baseline: number; rows: CompareRow[]; disagreements: Disagreement[]; moreDisagreements: number; warnings: string[] }

export const compareView: View = async (root, _params, ctx) => {
  const query = new URLSearchParams(location.search);
  const runs = (query.get('runs') ?? '').split(',').filter(Boolean);
  ctx.crumbs(['compare', location.pathname + location.search]);
  const c = await getJson<Comparison>(`/api/compare?runs=${runs.map(encodeURIComponent).join(',')}&baseline=${encodeURIComponent(query.get('baseline') ?? '0')}`);
  const base = c.names[c.baseline];
  const header = ['bootcamp', 'n', ...c.names.flatMap((n, r) => (r === c.baseline ? [`${n} (baseline)`] : [n, `Δ vs ${base}`, 'p (Holm)']))];
  fill(root,
    h('h1', null, `Comparing ${c.names.length} runs`),
    h('p', null, ...c.names.map((n, r) => [r > 0 ? ' · ' : '', h('a', { href: runPath(n) }, n)])),
    c.warnings.length ? h('ul', null, ...c.warnings.map((w) => h('li', { class: 'error' }, w))) : null,
    barChart(c.rows.map((r) => r.bootcamp), c.rows.map((r) => r.runs.map((s) => ({ value: s.mean, ci: s.meanCi }))), c.names, 'compare-chart'),
    h('table', { testid: 'compare-table' },
      h('thead', null, h('tr', null, ...header.map((t) => h('th', null, t)))),
      h('tbody', null, ...c.rows.map((row) => h('tr', { testid: 'compare-row' },
        h('td', null, row.bootcamp), h('td', { class: 'num' }, row.n),
        ...row.runs.flatMap((s, r) => r === c.baseline
          ? [h('td', { class: 'num' }, `${fmtScore(s.mean)} [${s.meanCi[0].toFixed(3)}, ${s.meanCi[1].toFixed(3)}]`)]
          : [
              h('td', { class: 'num' }, `${fmtScore(s.mean)} [${s.meanCi[0].toFixed(3)}, ${s.meanCi[1].toFixed(3)}]`),
              h('td', { class: `num${s.significant ? ' sig' : ''}` }, `${s.diff >= 0 ? '+' : ''}${s.diff.toFixed(4)} [${s.diffCi[0].toFixed(3)}, ${s.diffCi[1].toFixed(3)}]${s.significant ? ' *' : ''}`),
              h('td', { class: 'num' }, s.pHolm !== undefined ? s.pHolm.toPrecision(3) : s.p !== undefined ? s.p.toPrecision(3) : '-'),
            ]))))),
    h('p', { class: 'muted' }, '* significant at 0.05 (Holm-adjusted McNemar for 0/1 scores, else the paired bootstrap interval excludes 0).'),
    h('h2', null, `Items where they disagree (${c.disagreements.length}${c.moreDisagreements ? ` of ${c.disagreements.length + c.moreDisagreements}` : ''})`),
    ...c.disagreements.map((d) => h('details', { testid: 'disagreement' },
      h('summary', null, `${d.file} · id ${d.id}${d.repeat ? ` · repeat ${d.repeat}` : ''} · ${d.data_source} · scores ${d.scores.map((s) => fmtScore(s)).join(' / ')}`),
      h('pre', null, d.prompt),
      h('div', { class: 'side-by-side' }, ...d.outputs.map((o, r) => h('div', null, h('b', null, `${c.names[r]}: ${fmtScore(d.scores[r])}`), h('pre', { testid: 'disagreement-output' }, o)))))));
};
