// EvalScope's service routes, both generations, on our jobs: POST /api/v1/{eval,perf} (blocking, first
// generation), and POST .../invoke, .../resume/invoke (eval), .../stop, GET .../progress, .../log and
// .../report with the EvalScope-Task-Id header naming the job (current generation); GET /api/v1/{eval,perf}/params
// generated from the flag tables every other entry point reads.
import type http from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FLAGS } from '../config/flags.ts';
import { TASK_CONFIG_KEYS } from '../config/task-config.ts';
import { perfParams } from '../perf/perf-flags.ts';
import { ServiceError, sendJson, readJsonBody } from './http-util.ts';
import type { JobRecord } from './job-store.ts';
import type { Service } from './server.ts';

const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function taskIdOf(req: http.IncomingMessage, url: URL, fromHeader: boolean): string {
  const id = fromHeader ? req.headers['evalscope-task-id'] : url.searchParams.get('task_id');
  const field = fromHeader ? 'EvalScope-Task-Id' : 'task_id';
  if (typeof id !== 'string' || id === '') throw new ServiceError(400, `${field} ${fromHeader ? 'header ' : ''}is required`, field);
  if (!TASK_ID.test(id)) throw new ServiceError(400, 'expected a bare name: letters, digits, ".", "_" and "-", at most 128', field);
  return id;
}

/** EvalScope's answer for a finished task: completed with the result, stopped, or an error (500). */
function finished(res: http.ServerResponse, job: JobRecord, service: Service): void {
  if (job.state === 'succeeded') {
    const result = job.kind === 'perf' ? perfResult(job) : service.scoresOf(job);
    return sendJson(res, 200, { status: 'completed', task_id: job.id, result, output_dir: job.run_dir, ...(job.kind === 'eval' ? { table: scoreTable(result as Record<string, unknown>[] | null) } : {}) });
  }
  if (job.state === 'cancelled') return sendJson(res, 200, { status: 'stopped', task_id: job.id });
  sendJson(res, 500, { status: 'error', task_id: job.id, error: job.error ?? job.state });
}

function scoreTable(rows: Record<string, unknown>[] | null): string {
  if (!rows?.length) return '';
  const lines = ['| file | n | avg_score |', '|---|---|---|', ...rows.map((r) => `| ${String(r.file)} | ${String(r.n)} | ${String(r.avg_score)} |`)];
  return lines.join('\n');
}

/** Each point's benchmark_summary.json, by its folder name. */
function perfResult(job: JobRecord): Record<string, unknown> {
  const dir = path.join(job.run_dir, 'perf');
  const out: Record<string, unknown> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((n) => n.startsWith('parallel_')).sort()) {
    const file = path.join(dir, name, 'benchmark_summary.json');
    if (existsSync(file)) out[name] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return out;
}

/** EvalScope's log page: the last `page` lines, or `page` lines from `start_line`. */
function logPage(file: string, startLine: number | undefined, page: number): Record<string, unknown> {
  if (!existsSync(file)) return { text: '', head_line: 0, tail_line: 0, total_lines: 0 };
  const lines = readFileSync(file, 'utf8').split(/(?<=\n)/).filter((l) => l !== '');
  const total = lines.length;
  const head = startLine === undefined ? Math.max(0, total - page) : Math.min(startLine, total);
  const slice = lines.slice(head, head + page);
  return { text: slice.join(''), head_line: head, tail_line: head + slice.length, total_lines: total };
}

function progressOf(job: JobRecord, service: Service): Record<string, unknown> {
  if (job.state === 'succeeded') return { percent: 100, state: job.state };
  if (job.kind === 'perf') {
    const planned = Array.isArray(job.request.parallel) ? job.request.parallel.length : 1;
    const done = Object.keys(perfResult(job)).length;
    return { percent: Math.round((100 * done) / planned * 10) / 10, points_done: done, points: planned, state: job.state };
  }
  const { done, total } = service.itemCounts(job);
  return { percent: total ? Math.round((1000 * done) / total) / 10 : 0, done, total, state: job.state };
}

function reportHtml(job: JobRecord, service: Service): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const rows = (service.scoresOf(job) ?? []) as Record<string, unknown>[];
  const body = rows.map((r) => `<tr><td>${escape(String(r.file))}</td><td>${escape(String(r.bootcamp ?? ''))}</td><td>${escape(String(r.n))}</td><td>${escape(String(r.avg_score))}</td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(job.id)}</title></head><body><h1>${escape(job.id)}: ${escape(job.state)}</h1>
<table><thead><tr><th>file</th><th>bootcamp</th><th>n</th><th>avg_score</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

/** GET /api/v1/eval/params: every setting a body may carry, from the flag table (type, default, description). */
export function evalParams(): Record<string, unknown> {
  const optional = Object.entries(FLAGS)
    .filter(([name]) => !['help', 'version', 'output_dir', 'resume', 'dry_run', 'api_key'].includes(name))
    .map(([name, spec]) => ({ name, type: spec.type, default: spec.default ?? null, description: spec.help, aliases: spec.aliases ?? [] }));
  const taskConfig = Object.keys(TASK_CONFIG_KEYS).map((name) => ({ name, type: 'taskconfig', description: "EvalScope's TaskConfig key, mapped onto the settings above" }));
  return {
    required: [{ name: 'model', type: 'string', description: 'The served model (EvalScope: model); with datasets or test_dir naming the inputs' }],
    optional: [...optional, ...taskConfig, { name: 'api_key', type: 'string', description: 'The model server key: kept in memory only, never written' }, { name: 'api_key_name', type: 'string', description: "A server environment variable holding the key (such a job resumes by itself after a restart)" }],
    example: { model: 'qwen3-8b', api_url: 'http://127.0.0.1:8000/v1/chat/completions', eval_type: 'service', datasets: ['gsm8k'], limit: 10, generation_config: { max_tokens: 2048, temperature: 0 } },
  };
}

/** Routes under /api/v1/eval and /api/v1/perf; false when the path is not one of them. */
export async function evalscopeRoute(service: Service, req: http.IncomingMessage, res: http.ServerResponse, url: URL, kind: 'eval' | 'perf', action: string | undefined, sub: string | undefined): Promise<boolean> {
  const post = req.method === 'POST';
  const get = req.method === 'GET';
  if (!action && post) {
    const job = service.submit(kind, await readJsonBody(req, service.bodyLimit));
    finished(res, await service.waitFinal(job.id), service);
    return true;
  }
  if (action === 'invoke' && post) {
    const id = taskIdOf(req, url, true);
    if (service.job(id)) throw new ServiceError(409, `task ${id} exists: resume it with /api/v1/eval/resume/invoke`, 'EvalScope-Task-Id');
    service.submit(kind, await readJsonBody(req, service.bodyLimit), id);
    finished(res, await service.waitFinal(id), service);
    return true;
  }
  if (action === 'resume' && sub === 'invoke' && post && kind === 'eval') {
    const id = taskIdOf(req, url, true);
    const body = await readJsonBody(req, service.bodyLimit);
    if (!service.job(id)) throw new ServiceError(404, `Output directory not found for task_id: ${id}`, 'EvalScope-Task-Id');
    service.resumeJob(id, typeof body.api_key === 'string' ? body.api_key : undefined);
    finished(res, await service.waitFinal(id), service);
    return true;
  }
  if (action === 'params' && get) {
    sendJson(res, 200, kind === 'eval' ? evalParams() : perfParams());
    return true;
  }
  if (!['stop', 'progress', 'log', 'report'].includes(action ?? '')) return false;
  const id = taskIdOf(req, url, false);
  const job = service.job(id);
  if (!job || job.kind !== kind) throw new ServiceError(404, `No task found for task_id: ${id}`, 'task_id');
  if (action === 'stop' && post) {
    if (!service.cancelJob(id)) throw new ServiceError(404, `No running task found for task_id: ${id}`, 'task_id');
    sendJson(res, 200, { status: 'stopped', task_id: id });
  } else if (action === 'progress' && get) sendJson(res, 200, progressOf(job, service));
  else if (action === 'log' && get) {
    const raw = url.searchParams.get('start_line');
    const start = raw === null ? undefined : Number(raw);
    if (start !== undefined && (!Number.isInteger(start) || start < 0)) throw new ServiceError(400, 'start_line must be >= 0', 'start_line');
    const page = Number(url.searchParams.get('page') ?? 500);
    sendJson(res, 200, logPage(`${job.run_dir}.log`, start, Number.isInteger(page) && page > 0 ? page : 500));
  } else if (action === 'report' && get) {
    const perfReport = path.join(job.run_dir, 'perf', 'perf_report.html');
    const html = kind === 'perf' ? (existsSync(perfReport) ? readFileSync(perfReport, 'utf8') : undefined) : reportHtml(job, service);
    if (!html) throw new ServiceError(404, `Report not found for task_id: ${id}`, 'task_id');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
    res.end(html);
  } else return false;
  return true;
}
