// The viewer's HTTP server: the page (one HTML shell, one bundled script, one style sheet, all served from
// here: nothing from the network) and the JSON it is built from. Runs are named only by the ids the catalog
// found; a token, when set, is checked on every request (a bearer header, or the cookie the page's first
// ?token= load sets); a Content-Security-Policy without inline scripts goes with every answer.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ServiceError, secretMatches, sendError, sendJson } from '../service/http-util.ts';
import { RunCatalog } from './run-catalog.ts';
import { FILTER_KEYS, type ItemFilter } from './run-view.ts';
import { compareRuns } from './compare-view.ts';

const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');
const COOKIE = 'bce_view_token';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bootcamp-eval viewer</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body><header><a href="/" data-link>bootcamp-eval</a><nav id="crumbs"></nav></header><main id="app"><p class="muted">Loading…</p></main></body>
</html>
`;

export interface ViewerOptions {
  root: string;
  host: string;
  port: number;
  token?: string;
  log: (line: string) => void;
}

/** The front end, bundled from src/viewer/client once per server start (esbuild, ~0.1 s). */
async function bundleClient(): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [path.join(CLIENT_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return { js: result.outputFiles[0].text, css: readFileSync(path.join(CLIENT_DIR, 'style.css'), 'utf8') };
}

function cookieToken(req: http.IncomingMessage): string {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return '';
}

function filterOf(params: URLSearchParams): ItemFilter {
  const f: ItemFilter = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v !== null && v !== '') f[key] = v.slice(0, 1000);
  }
  if (f.score !== undefined && !['0', 'partial', '1'].includes(f.score)) throw new ServiceError(400, 'expected 0, partial or 1', 'score');
  if (f.reasoning !== undefined && !['0', '1'].includes(f.reasoning)) throw new ServiceError(400, 'expected 0 or 1', 'reasoning');
  if (f.judge !== undefined && !['any', 'none', 'judged', 'pending', 'suspect', 'error'].includes(f.judge)) throw new ServiceError(400, 'expected any, none, judged, pending, suspect or error', 'judge');
  return f;
}

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new ServiceError(400, `expected a whole number up to ${max}`, name);
  return Number(raw);
}

export class ViewerServer {
  private server?: http.Server;
  private assets?: { js: string; css: string };
  readonly catalog: RunCatalog;

  constructor(private readonly options: ViewerOptions) {
    this.catalog = new RunCatalog(options.root);
  }

  async listen(): Promise<string> {
    this.assets = await bundleClient();
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (err instanceof ServiceError) return sendError(res, err);
        this.options.log(`internal error on ${req.method} ${(req.url ?? '').split('?')[0]}: ${(err as Error).stack}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error', status: 500 });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = this.server.address() as { port: number };
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${address.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://viewer');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new ServiceError(405, 'the viewer only reads');
    const token = this.options.token;
    if (token) {
      const queryToken = url.searchParams.get('token');
      const header = req.headers.authorization ?? '';
      const presented = header.startsWith('Bearer ') ? header.slice(7) : cookieToken(req);
      if (queryToken !== null && secretMatches(queryToken, token) && !url.pathname.startsWith('/api/')) {
        // The link with ?token= sets the cookie once and is replaced by the same address without it.
        url.searchParams.delete('token');
        res.writeHead(303, { ...SECURITY_HEADERS, location: url.pathname + (url.search || ''), 'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` });
        return void res.end();
      }
      if (!secretMatches(presented, token)) throw new ServiceError(401, 'a token is required: open the address printed with ?token=, or send Authorization: Bearer', undefined, { 'www-authenticate': 'Bearer' });
    }
    const p = url.pathname;
    if (p === '/assets/app.js') return this.send(res, 'text/javascript; charset=utf-8', this.assets!.js);
    if (p === '/assets/app.css') return this.send(res, 'text/css; charset=utf-8', this.assets!.css);
    if (p === '/favicon.ico') return void res.writeHead(204, SECURITY_HEADERS).end();
    if (p.startsWith('/api/')) return this.api(p.slice(5), url.searchParams, res);
    if (p === '/' || p === '/compare' || p.startsWith('/run/')) return this.send(res, 'text/html; charset=utf-8', SHELL);
    throw new ServiceError(404, `no page ${p}`);
  }

  private send(res: http.ServerResponse, type: string, body: string): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  private async api(route: string, params: URLSearchParams, res: http.ServerResponse): Promise<void> {
    const json = (body: unknown) => sendJson(res, 200, body, SECURITY_HEADERS);
    if (route === 'runs') return json({ root: path.resolve(this.options.root), runs: await this.catalog.list() });
    if (route === 'compare') {
      const ids = (params.get('runs') ?? '').split(',').filter(Boolean);
      if (ids.length < 2) throw new ServiceError(400, 'expected two or more run ids, comma separated', 'runs');
      const views = [];
      for (const id of ids) {
        const view = await this.catalog.get(id);
        if (!view) throw new ServiceError(404, `no run ${JSON.stringify(id)} here`, 'runs');
        views.push(view);
      }
      return json(await compareRuns(views, intParam(params, 'baseline', 0, ids.length - 1)));
    }
    const m = /^runs\/([^/]+)(?:\/(items|item))?$/.exec(route);
    if (!m) throw new ServiceError(404, `no API route ${route}`);
    const id = decodeURIComponent(m[1]);
    const view = await this.catalog.get(id);
    if (!view) throw new ServiceError(404, `no run ${JSON.stringify(id)} here`, 'run');
    if (m[2] === 'items') return json(await view.page(filterOf(params), intParam(params, 'offset', 0, 1e9), intParam(params, 'limit', 50, 500)));
    if (m[2] === 'item') return json(await view.item(filterOf(params), intParam(params, 'pos', 0, 1e9)));
    const { rows, total } = view.groups();
    return json({ info: view.info(), groups: rows, total, settings: view.settings(), facets: view.facets() });
  }
}
