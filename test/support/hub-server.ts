// A stand-in for the Hugging Face and ModelScope hubs on loopback: the same URL schemes (HF's
// /datasets/{repo}/resolve/{revision}/{path}, redirected to a CDN path as the hub does; ModelScope's
// /api/v1/datasets/{repo}/repo?Revision=&FilePath=), Range requests, gated repositories that want a token, and
// a connection cut mid-file once, to test resumed downloads. Files are served from memory or from disk.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface HubServer {
  origin: string;
  /** Requests for file bytes, with the Range header each sent. */
  requests: { url: string; range?: string; authorization?: string }[];
  /** Cut the next download of this path after this many bytes. */
  cutNext(path: string, afterBytes: number): void;
  close(): Promise<void>;
}

export interface HubServerOptions {
  /** "{repo}@{revision}/{path}" → file bytes, or the path of a file on disk to serve. */
  files: Record<string, Buffer | string>;
  /** Repositories that answer 401 without `Bearer {token}`. */
  gated?: Record<string, string>;
}

export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const requests: HubServer['requests'] = [];
  const cuts = new Map<string, number>();
  const bytesOf = (key: string): Buffer | undefined => {
    const f = options.files[key];
    return f === undefined ? undefined : typeof f === 'string' ? readFileSync(f) : f;
  };
  const serve = (res: http.ServerResponse, req: http.IncomingMessage, repo: string, revision: string, filePath: string) => {
    requests.push({ url: req.url ?? '', range: req.headers.range, authorization: req.headers.authorization });
    const token = options.gated?.[repo];
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'Access to this dataset is restricted.' }));
    }
    const body = bytesOf(`${repo}@${revision}/${filePath}`);
    if (!body) {
      res.writeHead(404);
      return res.end('Entry not found');
    }
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      start = Number(range[1]);
      if (start >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` });
        return res.end();
      }
    }
    const slice = body.subarray(start);
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(slice.length), 'accept-ranges': 'bytes' };
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
    else res.writeHead(200, headers);
    const cut = cuts.get(filePath);
    if (cut !== undefined) {
      cuts.delete(filePath);
      res.write(slice.subarray(0, cut), () => res.socket?.destroy());
      return;
    }
    res.end(slice);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hf = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (hf) {
      // The hub answers with a redirect to its CDN; the client must follow it.
      res.writeHead(302, { location: `/cdn/${hf[1]}/${hf[2]}/${hf[3]}` });
      return res.end();
    }
    const cdn = /^\/cdn\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (cdn) return serve(res, req, cdn[1], decodeURIComponent(cdn[2]), decodeURIComponent(cdn[3]));
    const ms = /^\/api\/v1\/datasets\/([^/]+\/[^/]+)\/repo$/.exec(url.pathname);
    if (ms) return serve(res, req, ms[1], url.searchParams.get('Revision') ?? 'master', url.searchParams.get('FilePath') ?? '');
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    cutNext: (p, n) => cuts.set(p, n),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
