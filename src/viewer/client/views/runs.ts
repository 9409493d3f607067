// The runs list: every run folder under the viewer's folder, newest first, with checkboxes to compare.
import { fill, fmtScore, h } from '../dom.ts';
import { getJson, runPath, type RunInfo } from '../api.ts';
import type { View } from '../main.ts';

export const runsView: View = async (root, _params, ctx) => {
  const chosen = new Set<string>();
  const compare = h('button', { testid: 'compare-button', disabled: true, onclick: () => ctx.navigate(`/compare?runs=${[...chosen].map(encodeURIComponent).join(',')}`) }, 'Compare selected');
  const body = h('tbody');
  const heading = h('p', { class: 'muted' });
  const render = async () => {
    const { root: folder, runs } = await getJson<{ root: string; runs: RunInfo[] }>('/api/runs');
    fill(heading, `${runs.length} run${runs.length === 1 ? '' : 's'} in ${folder}`);
    fill(body, ...runs.map((r) => {
      const box = h('input', { type: 'checkbox', checked: chosen.has(r.id), onchange: () => {
        if (box.checked) chosen.add(r.id);
        else chosen.delete(r.id);
        compare.disabled = chosen.size < 2;
      } });
      box.dataset.run = r.id;
      return h('tr', { testid: 'run-row' },
        h('td', null, box),
        h('td', null, h('a', { href: runPath(r.id) }, r.id)),
        h('td', null, r.model),
        h('td', null, r.inputs),
        h('td', null, r.started ? new Date(r.started).toLocaleString() : '-'),
        h('td', { class: 'num' }, r.items),
        h('td', { class: 'num' }, fmtScore(r.score)),
        h('td', { class: 'num' }, r.errors),
        h('td', { class: `state-${r.state}` }, r.state));
    }));
    return runs.some((r) => r.state === 'running');
  };
  fill(root,
    h('h1', null, 'Runs'), heading,
    h('table', null, h('thead', null, h('tr', null, ...['', 'run', 'model', 'inputs', 'started', 'items', 'score', 'errors', 'state'].map((t) => h('th', { class: ['items', 'score', 'errors'].includes(t) ? 'num' : '' }, t)))), body),
    h('p', null, compare));
  ctx.poll(render, await render());
};
