// The endpoint set's choices without a network: fewest in flight with round-robin ties, the per-endpoint cap,
// ejection after failures of a dead server's kind only, the probe that brings an endpoint back, and the
// bounded wait when every endpoint is out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AllEndpointsDownError, EndpointSet, type Endpoint } from '../../src/model/endpoints.ts';
import { ApiError, ConnectionError, HttpClient } from '../../src/model/http.ts';
import { classifyFailure } from '../../src/model/retry-policy.ts';

function endpointSet(urls: string[], options: { cap?: number; probe?: () => Promise<void>; log?: string[] } = {}): EndpointSet {
  return new EndpointSet({
    urls,
    makeClient: (url) => new HttpClient({ baseUrl: url, maxSockets: 1 }),
    perEndpointCap: options.cap,
    baseCooldownMs: 20,
    probe: options.probe ?? (async () => undefined),
    log: (line) => options.log?.push(line),
  });
}

const URLS = ['http://127.0.0.1:1/v1', 'http://127.0.0.1:2/v1', 'http://127.0.0.1:3/v1'];
const reset = () => new ConnectionError('read ECONNRESET', 'ECONNRESET');
const refused = () => new ConnectionError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED');

test('idle endpoints are taken in turn; then the one with fewest in flight', async () => {
  const set = endpointSet(URLS);
  try {
    const picks = [0, 1, 2].map(() => set.acquire(undefined, 1000)) as Endpoint[];
    assert.deepEqual(picks.map((e) => e.url), URLS);
    set.done(picks[1], undefined, 5);
    assert.equal((set.acquire(undefined, 1000) as { url: string }).url, URLS[1], 'the one that finished has fewest in flight');
  } finally {
    set.close();
  }
});

test('--per_endpoint_concurrency: a full endpoint is skipped, and when all are full the request waits for a slot', async () => {
  const set = endpointSet(URLS.slice(0, 2), { cap: 1 });
  try {
    const a = set.acquire(undefined, 1000) as Endpoint;
    const b = set.acquire(undefined, 1000) as Endpoint;
    assert.notEqual(a.url, b.url);
    const waiting = set.acquire(undefined, 1000);
    assert.ok(waiting instanceof Promise, 'both at their cap: the third waits');
    set.done(b, undefined, 1);
    assert.equal((await waiting).url, b.url);
  } finally {
    set.close();
  }
});

test('three dead-server failures in a row eject; a 429 or a 400 does not; the probe brings it back', async () => {
  const log: string[] = [];
  let probes = 0;
  const set = endpointSet(URLS.slice(0, 2), { log, probe: async () => void probes++ });
  try {
    const first = set.all[0];
    const fail = (err: unknown) => {
      const e = set.acquire(undefined, 1000, new Set([set.all[1]])) as typeof first;
      assert.equal(e, first);
      set.done(e, err, 0);
    };
    fail(reset());
    fail(new ApiError(429, {}, '', 'HTTP 429'));
    fail(new ApiError(400, {}, '', 'HTTP 400'));
    fail(new ApiError(503, {}, '', 'HTTP 503'));
    fail(reset());
    assert.equal(set.stats()[0].state, 'up', 'the 429 and the 400 reset the count');
    fail(reset());
    assert.equal(set.stats()[0].state, 'ejected');
    assert.match(log.join('\n'), /failed 3 requests in a row; out of the rotation/);
    // While it is out, everything goes to the other endpoint.
    for (let i = 0; i < 3; i++) assert.equal((set.acquire(undefined, 1000) as { url: string }).url, URLS[1]);
    const deadline = Date.now() + 2000;
    while (set.stats()[0].state !== 'up' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    assert.equal(set.stats()[0].state, 'up');
    assert.equal(probes, 1);
    assert.deepEqual(set.stats().map((s) => [s.requests, s.errors, s.ejections]), [[6, 6, 1], [0, 0, 0]]);
  } finally {
    set.close();
  }
});

test('a replica whose probe passes but whose requests keep failing waits twice as long each time it is put out', async () => {
  const log: string[] = [];
  const set = endpointSet(URLS.slice(0, 2), { log });
  try {
    const first = set.all[0];
    const failThrice = () => {
      for (let i = 0; i < 3; i++) set.done(set.acquire(undefined, 1000, new Set([set.all[1]])) as Endpoint, reset(), 0);
    };
    const backIn = async () => {
      const deadline = Date.now() + 2000;
      while (set.stats()[0].state !== 'up' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    };
    failThrice();
    await backIn();
    failThrice();
    await backIn();
    failThrice();
    const waits = log.filter((l) => l.includes('out of the rotation')).map((l) => /for ([\d.]+) s/.exec(l)![1]);
    assert.deepEqual(waits, ['0.0', '0.0', '0.1'], 'base 20 ms, then 40 ms, then 80 ms');
    // An answer resets it.
    await backIn();
    const e = set.acquire(undefined, 1000, new Set([set.all[1]])) as Endpoint;
    assert.equal(e, first);
    set.done(e, undefined, 1);
    failThrice();
    assert.match(log[log.length - 1], /for 0\.0 s/);
  } finally {
    set.close();
  }
});

test('a refused connection ejects at once (nothing listens there any more)', async () => {
  const log: string[] = [];
  const set = endpointSet(URLS.slice(0, 2), { log, probe: async () => { throw new Error('down'); } });
  try {
    const e = set.acquire(undefined, 1000) as Endpoint;
    set.done(e, refused(), 0);
    assert.equal(set.stats().find((s) => s.url === e.url)?.state, 'ejected');
    assert.match(log.join('\n'), /refused a connection; out of the rotation for 1\.0 s|refused a connection; out of the rotation for 0\.0 s/);
  } finally {
    set.close();
  }
});

test('every endpoint out: a request waits for a probe, and past its wait fails as a retried connection error', async () => {
  let up = false;
  const set = endpointSet(URLS.slice(0, 2), { probe: async () => { if (!up) throw new Error('still down'); } });
  try {
    set.leaveOut(new Set(URLS.slice(0, 2)));
    await assert.rejects(Promise.resolve(set.acquire(undefined, 50)), AllEndpointsDownError);
    const waiting = set.acquire(undefined, 5000);
    up = true;
    assert.ok((await waiting).url.startsWith('http://127.0.0.1:'));
    assert.ok(set.stats().some((s) => s.state === 'up'), JSON.stringify(set.stats()));
    assert.equal(classifyFailure(new AllEndpointsDownError('x')), 'retry', 'the retry policy waits and tries again');
  } finally {
    set.close();
  }
});
