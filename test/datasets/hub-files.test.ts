// Data set files from a hub stood in for by a local HTTP server (the hubs' own URL schemes, redirects, Range,
// gated repositories): downloaded once into the cache, taken from --dataset_dir first, resumed after a cut,
// checked against a pinned sha256, and never fetched offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { cachePath, hubFileUrl, resolveHubFile, type HubFile, type ResolveOptions } from '../../src/datasets/hub-files.ts';
import { startHubServer } from '../support/hub-server.ts';
import { tempDir } from '../support/cli.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const GSM8K = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'gsm8k', 'test.jsonl');
const skip = existsSync(GSM8K) ? false : 'needs ../shared/data';

const file: HubFile = { hub: 'huggingface', repo: 'openai/gsm8k', revision: 'e53f048', path: 'main/test.jsonl' };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function options(origin: string, extra: Partial<ResolveOptions> = {}): ResolveOptions & { logs: string[] } {
  const logs: string[] = [];
  return { cacheDir: tempDir('bce-cache-'), offline: false, env: { HF_ENDPOINT: origin, MODELSCOPE_ENDPOINT: origin }, log: (l) => logs.push(l), logs, ...extra };
}

test('downloaded once through the hub redirect into <cache>/<hub>/<repo>/<revision>/<path>, then read from the cache', { skip }, async () => {
  const bytes = readFileSync(GSM8K);
  const hub = await startHubServer({ files: { 'openai/gsm8k@e53f048/main/test.jsonl': bytes } });
  try {
    const o = options(hub.origin);
    const got = await resolveHubFile({ ...file, sha256: sha(bytes) }, o);
    assert.equal(got, path.join(o.cacheDir, 'huggingface', 'openai', 'gsm8k', 'e53f048', 'main', 'test.jsonl'));
    assert.ok(readFileSync(got).equals(bytes));
    assert.equal(hub.requests.length, 1);
    assert.equal(await resolveHubFile(file, o), got);
    assert.equal(hub.requests.length, 1, 'the second call asks nothing');
    assert.deepEqual(readdirSync(path.dirname(got)), ['test.jsonl'], 'no .part left behind');
  } finally {
    await hub.close();
  }
});

test('a local copy under --dataset_dir, laid out as the hub has it, comes first and nothing is fetched', async () => {
  const hub = await startHubServer({ files: {} });
  try {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'openai', 'gsm8k', 'main'), { recursive: true });
    writeFileSync(path.join(dir, 'openai', 'gsm8k', 'main', 'test.jsonl'), '{"question": "q", "answer": "#### 1"}\n');
    assert.equal(await resolveHubFile(file, options(hub.origin, { datasetDir: dir })), path.join(dir, 'openai', 'gsm8k', 'main', 'test.jsonl'));
    assert.equal(hub.requests.length, 0);
  } finally {
    await hub.close();
  }
});

test('offline with the file absent: one message naming the file and where to put it; no request', async () => {
  const hub = await startHubServer({ files: {} });
  try {
    const o = options(hub.origin, { offline: true, datasetDir: '/data/copies' });
    await assert.rejects(resolveHubFile(file, o), (err: Error) => {
      assert.match(err.message, /^openai\/gsm8k\/main\/test\.jsonl \(huggingface, revision e53f048\) is not here, and offline nothing is downloaded/);
      assert.ok(err.message.includes('/data/copies/openai/gsm8k/main/test.jsonl'));
      assert.ok(err.message.includes(cachePath(file, o.cacheDir)));
      return true;
    });
    assert.equal(hub.requests.length, 0);
  } finally {
    await hub.close();
  }
});

test('a cut download is resumed with Range and comes out whole', { skip }, async () => {
  const bytes = readFileSync(GSM8K);
  const hub = await startHubServer({ files: { 'openai/gsm8k@e53f048/main/test.jsonl': bytes } });
  try {
    const o = options(hub.origin);
    hub.cutNext('main/test.jsonl', 300_000);
    await assert.rejects(resolveHubFile({ ...file, sha256: sha(bytes) }, o), /broke off .*run again to resume/);
    assert.equal(existsSync(`${cachePath(file, o.cacheDir)}.part`), true);
    const got = await resolveHubFile({ ...file, sha256: sha(bytes) }, o);
    assert.ok(readFileSync(got).equals(bytes));
    assert.match(hub.requests.at(-1)!.range ?? '', /^bytes=\d+-$/);
    assert.ok(Number(/\d+/.exec(hub.requests.at(-1)!.range!)![0]) >= 300_000 - 65_536, 'resumed near where it was cut');
    assert.match(o.logs.join('\n'), /Resuming the download of openai\/gsm8k\/main\/test\.jsonl at byte \d+/);
  } finally {
    await hub.close();
  }
});

test('gated data: 401 says how to get access; HF_TOKEN is sent as a bearer token', async () => {
  const hub = await startHubServer({ files: { 'Idavidrein/gpqa@main/gpqa_diamond.csv': Buffer.from('a,b\n1,2\n') }, gated: { 'Idavidrein/gpqa': 'hf_secret' } });
  try {
    const gpqa: HubFile = { hub: 'huggingface', repo: 'Idavidrein/gpqa', revision: 'main', path: 'gpqa_diamond.csv' };
    await assert.rejects(resolveHubFile(gpqa, options(hub.origin)), /Idavidrein\/gpqa\/gpqa_diamond\.csv is gated on huggingface \(HTTP 401\): accept its terms at https:\/\/huggingface\.co\/datasets\/Idavidrein\/gpqa and set HF_TOKEN/);
    const o = options(hub.origin);
    o.env.HF_TOKEN = 'hf_secret';
    assert.equal(readFileSync(await resolveHubFile(gpqa, o), 'utf8'), 'a,b\n1,2\n');
    assert.equal(hub.requests.at(-1)!.authorization, 'Bearer hf_secret');
  } finally {
    await hub.close();
  }
});

test('a sha256 mismatch: enforced (download deleted, error) or, from a mirror, a warning', async () => {
  const hub = await startHubServer({ files: { 'openai/gsm8k@e53f048/main/test.jsonl': Buffer.from('other bytes\n') } });
  try {
    const pinned = { ...file, sha256: 'a'.repeat(64) };
    const strict = options(hub.origin, { checksums: 'enforce' });
    await assert.rejects(resolveHubFile(pinned, strict), /sha256 [0-9a-f]{64} differs from the pinned a{64}; the download was deleted/);
    assert.equal(existsSync(cachePath(file, strict.cacheDir)), false);
    assert.equal(existsSync(`${cachePath(file, strict.cacheDir)}.part`), false);
    const mirror = options(hub.origin); // HF_ENDPOINT points elsewhere: the default policy warns
    assert.equal(readFileSync(await resolveHubFile(pinned, mirror), 'utf8'), 'other bytes\n');
    assert.match(mirror.logs.join('\n'), /Warning: .*differs from the pinned .*not the hub itself; kept/);
  } finally {
    await hub.close();
  }
});

test('ModelScope: its file API; URLs of both hubs', async () => {
  const hub = await startHubServer({ files: { 'AI-ModelScope/gsm8k@master/main/test.jsonl': Buffer.from('{"x": 1}\n') } });
  try {
    const ms: HubFile = { hub: 'modelscope', repo: 'AI-ModelScope/gsm8k', revision: 'master', path: 'main/test.jsonl' };
    assert.equal(readFileSync(await resolveHubFile(ms, options(hub.origin)), 'utf8'), '{"x": 1}\n');
    assert.equal(hubFileUrl(ms, {}), 'https://www.modelscope.cn/api/v1/datasets/AI-ModelScope/gsm8k/repo?Revision=master&FilePath=main%2Ftest.jsonl');
    assert.equal(hubFileUrl(file, {}), 'https://huggingface.co/datasets/openai/gsm8k/resolve/e53f048/main/test.jsonl');
    const missing = options(hub.origin);
    await assert.rejects(resolveHubFile({ ...ms, path: 'nope.jsonl' }, missing), /cannot download AI-ModelScope\/gsm8k\/nope\.jsonl: HTTP 404 .*\(no such file or revision\)/);
  } finally {
    await hub.close();
  }
});

test('onProgress hears every byte as it arrives, with the total the server gives (the progress shown on a terminal)', { skip }, async () => {
  const bytes = readFileSync(GSM8K);
  const hub = await startHubServer({ files: { 'openai/gsm8k@e53f048/main/test.jsonl': bytes } });
  try {
    const seen: [number, number | undefined][] = [];
    await resolveHubFile(file, { ...options(hub.origin), onProgress: (received, total) => seen.push([received, total]) });
    assert.ok(seen.length >= 1);
    assert.deepEqual(seen.at(-1), [bytes.length, bytes.length]);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] > seen[i - 1][0], 'received only grows');
  } finally {
    await hub.close();
  }
});
