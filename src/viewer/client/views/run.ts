// One run: its scores per bootcamp (a chart with 95% intervals and a sortable table), links into its items,
// and its settings from eval_args.json.
import { fill, fmtPct, fmtScore, h } from '../dom.ts';
import { apiRun, getJson, runPath, type GroupStat, type RunDetail } from '../api.ts';
import { barChart } from '../chart.ts';
import type { View } from '../main.ts';

type Column = { title: string; value: (g: GroupStat) => number | string; show?: (g: GroupStat) => string; num?: boolean };

export const runView: View = async (root, params, ctx) => {
  const id = params.id;
  let sortBy = 0;
  let descending = false;
  const summary = h('div');
  const chart = h('div');
  const table = h('table');
  const settings = h('pre', { testid: 'settings' });
  const render = async () => {
    const run = await getJson<RunDetail>(apiRun(id));
    ctx.crumbs([id, runPath(id)]);
    const { info, groups, total } = run;
    const ks = [...new Set(groups.flatMap((g) => Object.keys(g.passAtK ?? {})))].sort((a, b) => Number(a) - Number(b));
    const columns: Column[] = [
      { title: 'bootcamp', value: (g) => g.bootcamp },
      { title: 'n', value: (g) => g.n, num: true },
      { title: 'score', value: (g) => g.avgScore, show: (g) => fmtScore(g.avgScore), num: true },
      { title: '95% interval', value: (g) => g.ci[0], show: (g) => `${g.ci[0].toFixed(3)}–${g.ci[1].toFixed(3)}`, num: true },
      { title: 'errors', value: (g) => g.errors, num: true },
      { title: 'mean output length', value: (g) => g.avgLen, show: (g) => g.avgLen.toFixed(1), num: true },
      { title: 'cut at max_tokens', value: (g) => g.lengthCutShare, show: (g) => fmtPct(g.lengthCutShare), num: true },
      ...ks.map((k): Column => ({ title: `pass@${k}`, value: (g) => g.passAtK?.[k] ?? -1, show: (g) => fmtScore(g.passAtK?.[k]), num: true })),
    ];
    const sorted = [...groups].sort((a, b) => {
      const x = columns[sortBy].value(a);
      const y = columns[sortBy].value(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -c : c;
    });
    fill(summary,
      h('h1', null, id),
      h('p', null, `${info.model} on ${info.inputs} · ${info.items} items · score `, h('b', { testid: 'run-score' }, fmtScore(total.avgScore)), ` · ${info.errors} errors · `, h('span', { class: `state-${info.state}`, testid: 'run-state' }, info.state),
        info.started ? ` · started ${new Date(info.started).toLocaleString()}` : ''),
      h('p', null, h('a', { href: `${runPath(id)}/items`, testid: 'browse-items' }, 'Browse all items'), ' · ', h('a', { href: `${runPath(id)}/items?score=0`, testid: 'failed-items' }, 'Items scored 0'), ' · ', h('a', { href: `${runPath(id)}/items?error=any` }, 'Items with errors')));
    fill(chart, barChart(sorted.map((g) => g.bootcamp), sorted.map((g) => [{ value: g.avgScore, ci: g.ci }]), ['score'], 'score-chart'));
    fill(table,
      h('thead', null, h('tr', null, ...columns.map((c, i) => h('th', { class: `sortable${c.num ? ' num' : ''}`, onclick: () => {
        descending = sortBy === i ? !descending : false;
        sortBy = i;
        void render();
      } }, c.title + (sortBy === i ? (descending ? ' ▼' : ' ▲') : ''))))),
      h('tbody', null, ...sorted.map((g) => h('tr', { testid: 'bootcamp-row' }, ...columns.map((c, i) => h('td', { class: c.num ? 'num' : '' },
        i === 0 ? h('a', { href: `${runPath(id)}/items?bootcamp=${encodeURIComponent(g.dataSource)}` }, g.bootcamp) : (c.show ?? ((x) => String(c.value(x))))(g)))))));
    settings.textContent = JSON.stringify(run.settings, null, 2);
    return info.state === 'running';
  };
  fill(root, summary, h('h2', null, 'Scores'), chart, table, h('h2', null, 'Settings'), h('details', null, h('summary', null, 'eval_args.json'), settings));
  ctx.poll(render, await render());
};
