// One item: prompt, output (reasoning collapsed), extracted output, ground truth, score and the request's
// record; previous and next within the filter it was opened from (also j / k on the keyboard).
import { fill, fmtScore, h, type Child } from '../dom.ts';
import { apiRun, getJson, runPath, type ItemSummary } from '../api.ts';
import { filterQuery } from './items.ts';
import type { View } from '../main.ts';

const json = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** One image reference as text: where it came from, then what it was (type, size, pixels, hash). */
function imageLine(image: Record<string, unknown>) {
  const where = typeof image.path === 'string' ? image.path : typeof image.url === 'string' ? image.url : image.data_uri ? 'data: URI' : '?';
  const what = [image.mime, typeof image.bytes === 'number' ? `${image.bytes} bytes` : undefined, image.width !== undefined ? `${String(image.width)}×${String(image.height)}` : undefined, typeof image.sha256 === 'string' ? `sha256 ${image.sha256.slice(0, 16)}…` : undefined].filter((x) => x !== undefined);
  return h('li', null, what.length > 0 ? `${where} (${what.join(', ')})` : where);
}

export const itemView: View = async (root, params, ctx) => {
  const id = params.id;
  const query = new URLSearchParams(location.search);
  const pos = Math.max(0, Number(query.get('pos') ?? '0'));
  const filters = filterQuery(query);
  const api = new URLSearchParams(filters);
  api.set('pos', String(pos));
  const result = await getJson<{ total: number; pos: number; item?: ItemSummary }>(`${apiRun(id)}/item?${api}`);
  const listHref = `${runPath(id)}/items${filters.size ? `?${filters}` : ''}`;
  ctx.crumbs([id, runPath(id)], ['items', listHref], [`#${pos + 1}`, location.pathname + location.search]);
  const at = (p: number) => {
    const q = new URLSearchParams(filters);
    q.set('pos', String(p));
    return `${runPath(id)}/item?${q}`;
  };
  if (!result.item) {
    fill(root, h('h1', null, 'No such item'), h('p', null, `The filter holds ${result.total} items.`), h('a', { href: listHref }, 'Back to the list'));
    return;
  }
  const it = result.item;
  const row = it.row ?? {};
  const usage = row.usage as { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null | undefined;
  const field = (label: string, value: Child, testid?: string) => [h('dt', null, label), h('dd', { testid }, value)];
  const error = row.error as { kind?: string; status?: number; message?: string; attempts?: number } | undefined;
  const judge = row.judge as { score?: number | null; verdict?: string | null; reply?: string; model?: string; attempts?: number; cached?: boolean; injection_suspect?: boolean; error?: string } | undefined;
  const prev = pos > 0 ? at(pos - 1) : undefined;
  const next = pos + 1 < result.total ? at(pos + 1) : undefined;
  fill(root,
    h('h1', null, `${it.file} · id ${it.id}${it.repeat ? ` · repeat ${it.repeat}` : ''}`),
    h('div', { class: 'pager' },
      prev ? h('a', { href: prev, testid: 'detail-prev' }, '← previous (k)') : h('span', { class: 'muted' }, '← previous'),
      h('span', { class: 'muted' }, `${pos + 1} of ${result.total} in this list`),
      next ? h('a', { href: next, testid: 'detail-next' }, 'next (j) →') : h('span', { class: 'muted' }, 'next →'),
      h('a', { href: listHref }, 'back to the list (u)')),
    h('dl', { class: 'fields' },
      field('bootcamp', it.data_source),
      field('score', h('span', { class: `score-${it.score === 0 ? 0 : it.score === 1 ? 1 : 'p'}` }, fmtScore(it.score)), 'detail-score'),
      typeof row.verify_error === 'string' ? field('verify error', row.verify_error, 'detail-verify-error') : null,
      error ? field('error', `${error.kind ?? 'error'}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message ?? ''} after ${error.attempts ?? '?'} attempt(s)`, 'detail-error') : null,
      field('finish reason', String(row.finish_reason ?? '-')),
      field('latency', `${row.latency_ms ?? '-'} ms${row.ttft_ms !== undefined ? ` (first token ${row.ttft_ms} ms)` : ''}`),
      field('tokens', usage ? `${usage.prompt_tokens ?? '?'} prompt + ${usage.completion_tokens ?? '?'} completion = ${usage.total_tokens ?? '?'}` : '-'),
      field('attempts', String(row.attempts ?? '-')),
      field('output length', String(row.output_len ?? '-')),
      judge ? field('judge', `${judge.model ?? '?'}: ${judge.verdict ?? 'no verdict'} → ${judge.score ?? '-'} (rule ${String(row.rule_score ?? '-')}; ${judge.attempts ?? '?'} repl${judge.attempts === 1 ? 'y' : 'ies'}${judge.cached ? ', cached' : ''})${judge.injection_suspect ? ' · the answer holds verdict-shaped text' : ''}${judge.error ? ` · ${judge.error}` : ''}`, 'detail-judge') : null),
    judge?.reply ? h('details', null, h('summary', null, 'Judge reply'), h('pre', { testid: 'detail-judge-reply' }, judge.reply)) : null,
    h('h2', null, 'Prompt'), h('pre', { testid: 'detail-prompt' }, json(row.prompt)),
    Array.isArray(row.images) && row.images.length > 0
      ? [h('h2', null, `Images (${row.images.length})`), h('ol', { testid: 'detail-images' }, ...(row.images as Record<string, unknown>[]).map(imageLine))]
      : null,
    typeof row.reasoning_content === 'string' && row.reasoning_content !== ''
      ? h('details', null, h('summary', null, `Reasoning (${row.reasoning_content.length} characters)`), h('pre', { testid: 'detail-reasoning' }, row.reasoning_content))
      : null,
    h('h2', null, 'Output'), h('pre', { testid: 'detail-output' }, json(row.output)),
    h('h2', null, 'Extracted output'), h('pre', { testid: 'detail-extracted' }, json(row.extracted_output)),
    h('h2', null, 'Ground truth'), h('pre', { testid: 'detail-ground-truth' }, json(row.ground_truth)));
  ctx.keys((e) => {
    if (e.key === 'j' && next) ctx.navigate(next, true);
    else if (e.key === 'k' && prev) ctx.navigate(prev, true);
    else if (e.key === 'u') ctx.navigate(listHref);
  });
};
