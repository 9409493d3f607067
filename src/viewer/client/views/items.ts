// The item browser: every item of a run, 50 a page, with filters (file, bootcamp, score, error, finish reason,
// reasoning) and a text search over prompts, outputs and reasoning. Filters live in the address, so a link
// shows the same items; a row opens the item at its place in the filtered list.
import { fill, fmtScore, h, select } from '../dom.ts';
import { apiRun, getJson, runPath, type ItemSummary, type RunDetail } from '../api.ts';
import type { View } from '../main.ts';

export const FILTERS = ['file', 'bootcamp', 'score', 'error', 'finish', 'reasoning', 'judge', 'q'] as const;
const PAGE = 50;

/** The filter part of an address's query (page and pos left out). */
export function filterQuery(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTERS) {
    const v = params.get(key);
    if (v) out.set(key, v);
  }
  return out;
}

export const itemsView: View = async (root, params, ctx) => {
  const id = params.id;
  const query = new URLSearchParams(location.search);
  const run = await getJson<RunDetail>(apiRun(id));
  ctx.crumbs([id, runPath(id)], ['items', `${runPath(id)}/items`]);
  const go = (changes: Record<string, string>) => {
    const next = filterQuery(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const page = changes.page ?? '';
    if (page) next.set('page', page);
    ctx.navigate(`${runPath(id)}/items${next.size ? `?${next}` : ''}`, true);
  };
  const current = (k: string) => query.get(k) ?? '';
  const { facets } = run;
  const search = h('input', { type: 'search', testid: 'search', value: current('q'), placeholder: 'search prompts, outputs, reasoning', onkeydown: (e) => {
    if (e.key === 'Enter') go({ q: search.value.trim() });
  } });
  const filters = h('div', { class: 'filters' },
    h('label', null, 'file', select('file-filter', [['', 'all files'], ...facets.files.map((f): [string, string] => [f, f])], current('file'), (v) => go({ file: v }))),
    h('label', null, 'bootcamp', select('bootcamp-filter', [['', 'all'], ...facets.bootcamps.map((b): [string, string] => [b, b])], current('bootcamp'), (v) => go({ bootcamp: v }))),
    h('label', null, 'score', select('score-filter', [['', 'any'], ['0', '0'], ['partial', 'partial'], ['1', '1']], current('score'), (v) => go({ score: v }))),
    h('label', null, 'error', select('error-filter', [['', 'any'], ['none', 'no error'], ['any', 'an error'], ...facets.errors.map((e): [string, string] => [e, e])], current('error'), (v) => go({ error: v }))),
    h('label', null, 'finish reason', select('finish-filter', [['', 'any'], ...facets.finishes.map((f): [string, string] => [f, f])], current('finish'), (v) => go({ finish: v }))),
    h('label', null, 'reasoning', select('reasoning-filter', [['', 'any'], ['1', 'has reasoning'], ['0', 'no reasoning']], current('reasoning'), (v) => go({ reasoning: v }))),
    facets.judged || current('judge')
      ? h('label', null, 'judge', select('judge-filter', [['', 'any'], ['any', 'judged at all'], ['judged', 'verdict'], ['suspect', 'injection suspect'], ['error', 'no verdict'], ['pending', 'pending'], ['none', 'not judged']], current('judge'), (v) => go({ judge: v })))
      : null,
    h('label', null, 'search', search),
    h('button', { onclick: () => go({ q: search.value.trim() }) }, 'Search'));
  const count = h('p', { class: 'muted', testid: 'item-count' });
  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  const page = Math.max(0, Number(current('page') || '0'));
  let running = run.info.state === 'running';
  let first = true;
  const render = async () => {
    if (!first && running) running = (await getJson<RunDetail>(apiRun(id))).info.state === 'running';
    first = false;
    const api = filterQuery(query);
    api.set('offset', String(page * PAGE));
    api.set('limit', String(PAGE));
    const result = await getJson<{ total: number; offset: number; items: ItemSummary[] }>(`${apiRun(id)}/items?${api}`);
    fill(count, `${result.total} item${result.total === 1 ? '' : 's'}`, result.total > 0 ? ` · ${result.offset + 1}–${result.offset + result.items.length} shown` : '');
    const detail = (pos: number) => {
      const q = filterQuery(query);
      q.set('pos', String(pos));
      return `${runPath(id)}/item?${q}`;
    };
    fill(body, ...result.items.map((it) => h('tr', { testid: 'item-row', class: 'clickable', onclick: (e) => {
      if ((e.target as Element).closest('a')) return;
      ctx.navigate(detail(it.pos));
    } },
      h('td', { class: 'num' }, h('a', { href: detail(it.pos) }, it.pos + 1)),
      h('td', null, it.file),
      h('td', { class: 'num' }, it.id),
      h('td', { class: 'num' }, it.repeat),
      h('td', null, it.data_source),
      h('td', { class: `num score-${it.score === 0 ? 0 : it.score === 1 ? 1 : 'p'}` }, fmtScore(it.score)),
      h('td', { class: 'error' }, it.error ?? ''),
      h('td', null, it.finish_reason ?? ''),
      h('td', { class: 'num' }, it.output_len),
      h('td', null, h('div', { class: 'preview' }, it.output ?? '')))));
    const pages = Math.max(1, Math.ceil(result.total / PAGE));
    fill(pager,
      page > 0 ? h('button', { testid: 'page-prev', onclick: () => go({ page: String(page - 1) }) }, '← previous') : null,
      h('span', { class: 'muted' }, `page ${page + 1} of ${pages}`),
      page + 1 < pages ? h('button', { testid: 'page-next', onclick: () => go({ page: String(page + 1) }) }, 'next →') : null);
    return running;
  };
  fill(root, h('h1', null, `Items of ${id}`), filters, count,
    h('table', null, h('thead', null, h('tr', null, ...['#', 'file', 'id', 'repeat', 'bootcamp', 'score', 'error', 'finish', 'length', 'output'].map((t) => h('th', null, t)))), body), pager);
  ctx.poll(render, await render());
};
