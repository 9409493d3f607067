// The evaluator's own HTTP/1.1 client against real loopback servers that answer the ways servers and proxies
// do: Content-Length, chunked, a body ended by closing, 1xx first, Connection: close, garbage, hangs, TLS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Http1Pool, ConnectionFailure } from '../../src/model/http1-pool.ts';
import { HttpClient, ApiError, ConnectionError, TimeoutError, CancelledError } from '../../src/model/http.ts';

/** A raw TCP server: `answer` gets each whole request (head and body) and writes whatever bytes it likes. */
async function rawServer(answer: (socket: net.Socket, request: { head: string; body: string }) => void) {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (d) => {
      buffered += d.toString('latin1');
      for (;;) {
        const headEnd = buffered.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buffered.slice(0, headEnd);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < headEnd + 4 + length) return;
        const body = buffered.slice(headEnd + 4, headEnd + 4 + length);
        buffered = buffered.slice(headEnd + 4 + length);
        answer(socket, { head, body });
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: new URL(`http://127.0.0.1:${port}`),
    connections: () => connections,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

function json(status: number, body: unknown, extra = ''): string {
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status} X\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n${extra}\r\n${text}`;
}

test('one buffer per request: method, path, host, headers and body arrive as sent, and connections are reused', async () => {
  const seen: { head: string; body: string }[] = [];
  const server = await rawServer((socket, req) => {
    seen.push(req);
    socket.write(json(200, { echo: req.body }));
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 2 });
  try {
    for (let i = 0; i < 5; i++) {
      const res = await pool.send({ method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, body: Buffer.from(`{"i":${i},"t":"é"}`) }).response;
      assert.equal(res.status, 200);
      // The server read the body as latin1: the two UTF-8 bytes of é arrived as sent.
      assert.deepEqual(JSON.parse(res.body.toString()), { echo: `{"i":${i},"t":"\u00c3\u00a9"}` });
    }
    assert.match(seen[0].head, /^POST \/v1\/chat\/completions HTTP\/1\.1\r\nhost: 127\.0\.0\.1:\d+\r\ncontent-type: application\/json\r\ncontent-length: 16$/);
    assert.equal(server.connections(), 1, 'sequential requests share one keep-alive connection');
  } finally {
    pool.close();
    await server.close();
  }
});

test('a string body goes out as UTF-8 with its byte length; a header with non-ASCII text still arrives as latin1', async () => {
  const seen: { head: string; body: string }[] = [];
  const server = await rawServer((socket, req) => {
    seen.push(req);
    socket.write(json(200, { ok: true }));
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 1 });
  try {
    const headers = { 'content-type': 'application/json' };
    const body = '{"t":"é ✓ 𝄞"}';
    for (let i = 0; i < 2; i++) assert.equal((await pool.send({ method: 'POST', path: '/x', headers, body }).response).status, 200);
    // é is 2 bytes, ✓ 3 and 𝄞 4 in UTF-8: content-length counts bytes, not characters.
    assert.match(seen[0].head, new RegExp(`content-length: ${Buffer.byteLength(body)}$`));
    assert.equal(Buffer.from(seen[1].body, 'latin1').toString('utf8'), body, 'the same header object, reused, sends the same bytes');
    await pool.send({ method: 'POST', path: '/y', headers: { 'x-note': 'café' }, body: 'é' }).response;
    assert.match(seen[2].head, /x-note: caf\u00e9/);
    assert.equal(Buffer.from(seen[2].body, 'latin1').toString('utf8'), 'é');
  } finally {
    pool.close();
    await server.close();
  }
});

test('chunked bodies split at every byte, with extensions and trailers, are put back together', async () => {
  const body = JSON.stringify({ choices: [{ message: { content: 'ünïcode ✓ '.repeat(50) } }] });
  const bytes = Buffer.from(body);
  const chunked = `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${(30).toString(16)};ext=1\r\n${bytes.subarray(0, 30).toString('latin1')}\r\n${(bytes.length - 30).toString(16)}\r\n${bytes.subarray(30).toString('latin1')}\r\n0\r\nx-trailer: 1\r\n\r\n`;
  const server = await rawServer((socket) => {
    const raw = Buffer.from(chunked, 'latin1');
    // One byte per write, each flushed on its own: the parser must cope with any split.
    let i = 0;
    const next = () => {
      if (i >= raw.length) return;
      socket.write(raw.subarray(i, i + 1));
      i++;
      setImmediate(next);
    };
    next();
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 1 });
  try {
    const res = await pool.send({ method: 'GET', path: '/', headers: {} }).response;
    assert.equal(res.body.toString('utf8'), body);
    // The connection is still in step: a second request on it works.
    const again = await pool.send({ method: 'GET', path: '/', headers: {} }).response;
    assert.equal(again.body.toString('utf8'), body);
    assert.equal(server.connections(), 1);
  } finally {
    pool.close();
    await server.close();
  }
});

test('a 100 Continue is skipped; Connection: close and a body ended by closing are honoured', async () => {
  let n = 0;
  const server = await rawServer((socket) => {
    n++;
    if (n === 1) socket.write('HTTP/1.1 100 Continue\r\n\r\n' + json(200, { n }));
    else if (n === 2) socket.end(json(200, { n }, 'connection: close\r\n'));
    else socket.end(`HTTP/1.0 200 OK\r\ncontent-type: application/json\r\n\r\n{"n":${n}}`);
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 1 });
  try {
    for (let i = 1; i <= 4; i++) {
      const res = await pool.send({ method: 'GET', path: '/', headers: {} }).response;
      assert.deepEqual(JSON.parse(res.body.toString()), { n: i });
    }
    // 1 and 2 on the first connection (2 said close), 3 on a second (ended by closing), 4 on a third.
    assert.equal(server.connections(), 3, 'a connection the server closed is never reused');
  } finally {
    pool.close();
    await server.close();
  }
});

test('a reset, an early close, and bytes that are not HTTP fail the request with ConnectionFailure', async () => {
  let n = 0;
  const server = await rawServer((socket) => {
    n++;
    if (n === 1) socket.resetAndDestroy();
    else if (n === 2) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"cut":');
    else socket.write('SSH-2.0-OpenSSH\r\n\r\n');
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 1 });
  try {
    const failures: ConnectionFailure[] = [];
    for (let i = 0; i < 3; i++) {
      await pool.send({ method: 'GET', path: '/', headers: {} }).response.then(
        () => assert.fail('should not resolve'),
        (err: unknown) => {
          assert.ok(err instanceof ConnectionFailure, String(err));
          failures.push(err);
        },
      );
    }
    assert.equal(failures[0].code, 'ECONNRESET');
    assert.match(failures[1].message, /closed the connection before answering/);
    assert.match(failures[2].message, /not an HTTP\/1\.x response/);
  } finally {
    pool.close();
    await server.close();
  }
});

test('requests beyond maxSockets wait for a free connection; an aborted waiter leaves the queue', async () => {
  let active = 0;
  let peak = 0;
  const server = await rawServer((socket, req) => {
    active++;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active--;
      socket.write(json(200, { body: req.body }));
    }, 5);
  });
  const pool = new Http1Pool({ origin: server.origin, maxSockets: 3 });
  try {
    const aborted = pool.send({ method: 'POST', path: '/', headers: {}, body: Buffer.from('x') });
    const all = Array.from({ length: 30 }, (_, i) => pool.send({ method: 'POST', path: '/', headers: {}, body: Buffer.from(String(i)) }).response);
    aborted.abort(new Error('gave up'));
    await assert.rejects(aborted.response, /gave up/);
    const bodies = (await Promise.all(all)).map((r) => JSON.parse(r.body.toString()).body);
    assert.deepEqual(bodies, Array.from({ length: 30 }, (_, i) => String(i)));
    assert.equal(peak, 3);
    assert.equal(server.connections(), 3);
  } finally {
    pool.close();
    await server.close();
  }
});

test('HttpClient: error statuses become ApiError with headers, a hang becomes TimeoutError, an abort CancelledError, refusal ConnectionError', async () => {
  const server = await rawServer((socket, req) => {
    if (req.head.startsWith('POST /v1/limited')) socket.write(json(429, { object: 'error', message: 'slow down' }, 'retry-after: 7\r\n'));
    else if (req.head.startsWith('POST /v1/text')) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello');
    // /v1/hang: never answers
  });
  const client = new HttpClient({ baseUrl: server.origin.href + 'v1', maxSockets: 4, apiKey: 'sk-secret' });
  try {
    const limited = await client.request('POST', 'limited', {}, 5000).catch((e: unknown) => e);
    assert.ok(limited instanceof ApiError);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '7');
    assert.equal(limited.message, 'HTTP 429: slow down');
    const text = await client.request('POST', 'text', {}, 5000).catch((e: unknown) => e);
    assert.ok(text instanceof ConnectionError);
    assert.match(text.message, /not JSON: hello/);
    const started = performance.now();
    await assert.rejects(client.request('POST', 'hang', {}, 150), TimeoutError);
    assert.ok(performance.now() - started < 2000);
    const controller = new AbortController();
    const cancelled = client.request('POST', 'hang', {}, 60_000, controller.signal);
    controller.abort();
    await assert.rejects(cancelled, CancelledError);
  } finally {
    client.close();
    await server.close();
  }
  const refused = await new HttpClient({ baseUrl: server.origin.href + 'v1', maxSockets: 1 }).request('GET', 'models', undefined, 5000).catch((e: unknown) => e);
  assert.ok(refused instanceof ConnectionError);
  assert.equal(refused.code, 'ECONNREFUSED');
});

test('HttpClient refuses header names or values that would inject lines', () => {
  assert.throws(() => new HttpClient({ baseUrl: 'http://127.0.0.1:1/v1', maxSockets: 1, headers: { 'x-a': 'b\r\nx-evil: 1' } }), /invalid HTTP header/);
  assert.throws(() => new HttpClient({ baseUrl: 'http://127.0.0.1:1/v1', maxSockets: 1, headers: { 'x a': 'b' } }), /invalid HTTP header/);
});

test('https: the pool speaks TLS, checking the certificate against the CA it is given', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return test.skip?.('openssl is not available');
  }
  const cert = readFileSync(path.join(dir, 'cert.pem'));
  const server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url, secure: true }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = new URL(`https://localhost:${(server.address() as net.AddressInfo).port}`);
  const trusted = new Http1Pool({ origin, maxSockets: 2, tls: { ca: cert } });
  const untrusted = new Http1Pool({ origin, maxSockets: 2 });
  try {
    const res = await trusted.send({ method: 'GET', path: '/v1/models', headers: {} }).response;
    assert.deepEqual(JSON.parse(res.body.toString()), { path: '/v1/models', secure: true });
    await assert.rejects(untrusted.send({ method: 'GET', path: '/', headers: {} }).response, (err: unknown) => err instanceof ConnectionFailure && /self[- ]signed|certificate/i.test(err.message));
  } finally {
    trusted.close();
    untrusted.close();
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
