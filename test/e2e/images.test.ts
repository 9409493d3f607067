// Image inputs end to end, as a user of a vision-language model runs them: run_eval (a child process) against
// the mock (a child process) that reads the images out of each request, with its request log checked byte for
// byte; JSONL lines with paths, data: URIs and URLs; bad images named by line; completion mode refused; the
// image benchmarks (ChartQA, MMMU, MathVista) by name through the stand-in hub with images inside Parquet rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readJsonl, runScript, startMockProcess, tempDir } from '../support/cli.ts';
import { startBenchmarkHub, vlmAnswers, vlmSets } from '../support/benchmark-hub.ts';
import { Canvas, noisePng } from '../../src/samples/png.ts';

const runEval = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('run_eval.ts', args, { env: { ...process.env, HF_ENDPOINT: undefined, HF_TOKEN: undefined, HF_HUB_OFFLINE: undefined, ...env } });
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const GT = { puzzle: '1 2 3 4', target: 24 };

function digits(text: string): Buffer {
  const c = new Canvas(12 + text.length * 16, 30);
  c.text(6, 5, text, 4);
  return c.png();
}

test('200 images (files of several sizes, data: URIs, markers in any order) all reach the mock byte for byte; details keep references, never bytes', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(path.join(data, 'pics'), { recursive: true });
  const expected: { sha256: string; bytes: number }[][] = [];
  const lines: string[] = [];
  for (let i = 0; i < 100; i++) {
    // Sizes up to ~300 KB cross the body writer's chunk size (64 KB) and its backpressure.
    const a = i % 10 === 0 ? noisePng(150_000 + i * 1000, i) : digits(String(i));
    const b = digits(String(1000 + i));
    writeFileSync(path.join(data, 'pics', `a${i}.png`), a);
    // A PNG named .jpg: sent as what its bytes are.
    writeFileSync(path.join(data, 'pics', `b${i}.jpg`), b);
    const inline = `data:image/png;base64,${b.toString('base64')}`;
    if (i % 2 === 0) {
      lines.push(JSON.stringify({ prompt: `Second <image_2> then first <image_1>.`, images: [`pics/a${i}.png`, `pics/b${i}.jpg`], data_source: 'Game24', ground_truth: GT }));
      expected.push([b, a].map((x) => ({ sha256: sha(x), bytes: x.length })));
    } else {
      lines.push(JSON.stringify({ prompt: `Compare these.`, images: [path.join(data, 'pics', `a${i}.png`), inline], data_source: 'Game24', ground_truth: GT }));
      expected.push([a, b].map((x) => ({ sha256: sha(x), bytes: x.length })));
    }
  }
  writeFileSync(path.join(data, 'vqa.jsonl'), lines.join('\n') + '\n');
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--request-log', log, '--image-tokens', '100']);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', out, '--max_concurrent_requests', '16']);
    assert.equal(r.code, 0, r.stderr);
    const seen = readJsonl<{ text: string; images: { sha256: string; bytes: number; mime: string }[] }>(log);
    assert.equal(seen.length, 100);
    assert.equal(seen.reduce((n, s) => n + s.images.length, 0), 200);
    assert.ok(seen.every((s) => s.images.every((im) => im.mime === 'image/png')), 'a PNG named .jpg goes out as image/png');
    const byText = new Map<string, string[]>();
    for (const s of seen) byText.set(s.images.map((im) => `${im.sha256}:${im.bytes}`).join(','), [s.text]);
    for (const want of expected) assert.ok(byText.has(want.map((w) => `${w.sha256}:${w.bytes}`).join(',')), 'each item\'s images arrived, in the order its markers give');
    assert.equal((await mock.stats()).images, 200);

    const rows = readJsonl(path.join(out, 'details', 'vqa.jsonl'));
    assert.equal(rows.length, 100);
    const first = rows.find((row) => row.id === 0)!;
    const refs = first.images as Record<string, unknown>[];
    assert.equal(refs[0].path, 'pics/a0.png');
    assert.equal(refs[1].path, 'pics/b0.jpg');
    assert.equal(refs[1].mime, 'image/png');
    assert.equal(refs[0].sha256, sha(readFileSync(path.join(data, 'pics', 'a0.png'))));
    const odd = rows.find((row) => row.id === 1)!;
    assert.deepEqual(Object.keys((odd.images as Record<string, unknown>[])[1]).sort(), ['bytes', 'data_uri', 'height', 'mime', 'sha256', 'width']);
    assert.equal((first.usage as { prompt_tokens: number }).prompt_tokens, 200 + 4, 'two images at 100 tokens each, plus the words');
    const details = readFileSync(path.join(out, 'details', 'vqa.jsonl'), 'utf8');
    assert.ok(!details.includes('base64'), 'no image bytes in details');
  } finally {
    await mock.stop();
  }
});

test('bad images are the line\'s input error (file:line: image N: ...), found before sending; the run goes on and exits 3', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  writeFileSync(path.join(data, 'ok.png'), digits('7'));
  writeFileSync(path.join(data, 'text.png'), '<html>not an image</html>');
  writeFileSync(path.join(data, 'big.png'), noisePng(40_000, 3));
  const lines = [
    { prompt: 'fine <image>', images: ['ok.png'] },
    { prompt: 'missing', images: ['ok.png', 'nope.png'] },
    { prompt: 'not an image', images: ['text.png'] },
    { prompt: 'too big', images: ['big.png'] },
    { prompt: 'broken base64', images: ['data:image/png;base64,@@@@'] },
    { prompt: 'marker beyond <image_3>', images: ['ok.png'] },
    { prompt: 'not a list', images: 'ok.png' },
  ].map((l) => JSON.stringify({ ...l, data_source: 'Game24', ground_truth: GT }));
  writeFileSync(path.join(data, 'bad.jsonl'), lines.join('\n') + '\n');
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--request-log', log]);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--api_mode', 'chat_completion', '--test_dir', data, '--output_dir', out, '--max_image_bytes', '20000']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:2: image 2: not found: .*nope\.png/);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:3: image 1: .*text\.png: it looks like text/);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:4: image 1: .*big\.png: \d+ bytes, over --max_image_bytes 20000/);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:5: image 1: a data: URI whose base64 is broken/);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:6: images: the prompt's marker <image_3> names image 3/);
    assert.match(r.stderr + r.stdout, /bad\.jsonl:7: expected "images" to be a list of strings/);
    const errors = readJsonl<{ line: number }>(path.join(out, 'input_errors.jsonl'));
    assert.deepEqual(errors.map((e) => e.line), [2, 3, 4, 5, 6, 7]);
    assert.equal(readJsonl(log).length, 1, 'only the good line was sent');
    assert.equal(readJsonl(path.join(out, 'details', 'bad.jsonl')).length, 1);

    // --strict stops before any request, naming them all.
    const strict = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--api_mode', 'chat_completion', '--test_dir', data, '--output_dir', path.join(dir, 'strict'), '--max_image_bytes', '20000', '--strict']);
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /6 bad input line\(s\)/);
    assert.equal(readJsonl(log).length, 1);
  } finally {
    await mock.stop();
  }
});

test('completion mode with images is refused before any request (exit 2, naming chat and vlm); the dry run shows images as size and hash', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const png = digits('42');
  writeFileSync(path.join(data, 'x.png'), png);
  writeFileSync(path.join(data, 'v.jsonl'), JSON.stringify({ prompt: 'What number? <image>', images: ['x.png'], data_source: 'Game24', ground_truth: GT }) + '\n');
  const refused = await runEval(['--url', 'http://127.0.0.1:9/v1', '--model_name', 'vlm', '--test_dir', data, '--no-check_model_url']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--api_mode completion sends text only, but v\.jsonl \(1 line\) hold images: use --api_mode chat_completion or --model_type vlm/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
  const dry = await runEval(['--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--dry_run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.ok(dry.stdout.includes(`<${png.length} bytes, sha256 ${sha(png)}, from x.png>`), dry.stdout);
  assert.ok(!dry.stdout.includes(png.toString('base64').slice(0, 40)));
});

test('http(s) images: passed through for the server to fetch, or fetched here with --inline_image_urls (once, into the cache)', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const png = digits('99');
  let served = 0;
  const images = http.createServer((req, res) => {
    served++;
    if (req.url === '/chart.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  writeFileSync(path.join(data, 'u.jsonl'), [`${base}/chart.png`, `${base}/chart.png`, `${base}/gone.png`].map((u, i) => JSON.stringify({ prompt: `q${i}`, images: [u], data_source: 'Game24', ground_truth: GT })).join('\n') + '\n');
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--request-log', log]);
  try {
    // Passed through: the server (the mock, as vLLM) fetches them; a URL it cannot fetch is its 400, an item error.
    const through = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', path.join(dir, 'through'), '--max_retries', '1']);
    assert.equal(through.code, 3, through.stderr);
    const rows = readJsonl(path.join(dir, 'through', 'details', 'u.jsonl'));
    assert.deepEqual(rows.find((r) => r.id === 0)!.images, [{ url: `${base}/chart.png` }]);
    assert.match(String((rows.find((r) => r.id === 2)!.error as { message: string }).message), /Failed to fetch image/);
    assert.equal(served, 3, 'the server fetched each URL');

    // Inlined: fetched here, once per URL, checked, and sent as bytes; the missing one is an input error.
    served = 0;
    const inlined = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', path.join(dir, 'inlined'), '--inline_image_urls', '--cache_dir', path.join(dir, 'cache')]);
    assert.equal(inlined.code, 3, inlined.stderr);
    assert.match(inlined.stderr, /u\.jsonl:3: image 1: cannot fetch .*gone\.png: HTTP 404/);
    assert.equal(served, 2, 'chart.png fetched once for two lines, gone.png once');
    const inRows = readJsonl(path.join(dir, 'inlined', 'details', 'u.jsonl'));
    assert.equal(inRows.length, 2);
    assert.equal((inRows[0].images as Record<string, unknown>[])[0].sha256, sha(png));
    assert.equal((inRows[0].images as Record<string, unknown>[])[0].url, `${base}/chart.png`);
  } finally {
    await mock.stop();
    images.close();
  }
});

test('ChartQA, MMMU and MathVista by name: images streamed out of the hub\'s Parquet rows into the cache, answered by image hash, scored as EvalScope scores them', async () => {
  const dir = tempDir();
  const hub = await startBenchmarkHub();
  const answers = path.join(dir, 'answers.json');
  const all = vlmAnswers();
  // Every chart answered right except two: the score must say 10 of 12.
  const charts = Object.keys(vlmSets().chartqa.answers);
  for (const key of charts.slice(0, 2)) all[key] = 'ANSWER: 0';
  writeFileSync(answers, JSON.stringify(all));
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--image-answers', answers, '--request-log', log]);
  try {
    const cache = path.join(dir, 'cache');
    const out = path.join(dir, 'run');
    const r = await runEval(
      ['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--datasets', 'chartqa,mmmu,math_vista', '--dataset_args', '{"mmmu": {"subset_list": ["Math", "Art"]}}', '--cache_dir', cache, '--output_dir', out],
      { HF_ENDPOINT: hub.origin },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ChartQA: 0\.8333 \(weighted over 12 items/);
    assert.match(r.stdout, /MMMU: 1\.0000 \(weighted over 9 items/);
    assert.match(r.stdout, /MathVista: 1\.0000 \(weighted over 6 items/);
    const human = readJsonl(path.join(out, 'details', 'chartqa_human_test.jsonl'));
    assert.equal(human.length, 6);
    assert.ok(String(human[0].prompt).endsWith('<image_1>'), 'the chart after the text, as EvalScope sends it');
    const mmmu = readJsonl(path.join(out, 'details', 'mmmu_Math.jsonl'));
    assert.deepEqual(mmmu.map((row) => row.data_source), ['MultipleChoice', 'MultipleChoice', 'AnswerLine', 'MultipleChoice', 'MultipleChoice', 'AnswerLine']);
    const optionImages = mmmu[1];
    assert.equal((optionImages.images as unknown[]).length, 3);
    assert.match(String(optionImages.prompt), /A\) <image_1>\nB\) <image_2>\nC\) <image_3>/);
    const seen = readJsonl<{ images: unknown[] }>(log);
    assert.equal(seen.length, 27);
    assert.equal(seen.reduce((n, s) => n + s.images.length, 0), 12 + (4 * 1 + 2 * 3) + (2 * 1 + 1 * 3) + 6);
    // The images were written to the cache once each, named by their hash.
    const cached = (human[0].images as { path: string; sha256: string }[])[0];
    assert.ok(cached.path.startsWith(path.join(cache, 'images', 'sha256')), cached.path);
    assert.equal(sha(readFileSync(cached.path)), cached.sha256);
  } finally {
    await mock.stop();
    await hub.close();
  }
});

test('the mock refuses what vLLM refuses: a data URI whose bytes are not its type, broken base64, an unknown part (400)', async () => {
  const mock = await startMockProcess(['--model', 'vlm']);
  try {
    const post = async (content: unknown) => {
      const res = await fetch(`${mock.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'vlm', messages: [{ role: 'user', content }] }) });
      return { status: res.status, body: (await res.json()) as { message?: string; usage?: { prompt_tokens: number } } };
    };
    const png = digits('5').toString('base64');
    const ok = await post([{ type: 'text', text: 'one two' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } }]);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.usage!.prompt_tokens, 2 + 256);
    const wrongType = await post([{ type: 'image_url', image_url: { url: `data:image/jpeg;base64,${png}` } }]);
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.body.message!, /says image\/jpeg but the bytes are image\/png/);
    assert.equal((await post([{ type: 'image_url', image_url: { url: 'data:image/png;base64,a$b=' } }])).status, 400);
    assert.equal((await post([{ type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.from('hello!').toString('base64')}` } }])).status, 400);
    assert.equal((await post([{ type: 'audio', audio: {} }])).status, 400);
  } finally {
    await mock.stop();
  }
});

test('a file that changes size after its check fails that item without retrying, and the connection is not reused mid-body', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  writeFileSync(path.join(data, 'a.png'), noisePng(200_000, 1));
  copyFileSync(path.join(data, 'a.png'), path.join(data, 'b.png'));
  writeFileSync(path.join(data, 'v.jsonl'), ['a.png', 'b.png'].map((f) => JSON.stringify({ prompt: f, images: [f], data_source: 'Game24', ground_truth: GT })).join('\n') + '\n');
  const { checkImage } = await import('../../src/images/image-check.ts');
  const { HttpClient } = await import('../../src/model/http.ts');
  const { contentParts, encodeImageBody } = await import('../../src/model/image-parts.ts');
  const limits = { maxBytes: 1e8, maxPixels: 1e9, inlineUrls: false, cacheDir: dir, fetchTimeoutMs: 1000 };
  const a = await checkImage('a.png', data, limits);
  const b = await checkImage('b.png', data, limits);
  // a.png shrinks after its check.
  writeFileSync(path.join(data, 'a.png'), digits('1'));
  const mock = await startMockProcess(['--model', 'vlm']);
  const client = new HttpClient({ baseUrl: mock.baseUrl, maxSockets: 1 });
  try {
    const request = (image: typeof a) => encodeImageBody({ model: 'vlm', messages: [{ role: 'user', content: contentParts('look', [image]) }] }, [image]);
    await assert.rejects(client.request('POST', 'chat/completions', request(a), 10_000), (err: Error) => err.name === 'BodyFileError' && /shrank/.test(err.message));
    // The same (only) connection slot serves the next request whole.
    const ok = await client.request('POST', 'chat/completions', request(b), 10_000);
    assert.equal(ok.status, 200);
    assert.equal((await mock.stats()).images, 1);
  } finally {
    client.close();
    await mock.stop();
  }
});

test('--image_max_side scales larger images down for the request (PNG, JPEG, a GIF as PNG); smaller ones and the details stay as they were', async () => {
  const sharp = (await import('sharp')).default;
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const png = new Canvas(300, 120, [200, 30, 30]).png();
  writeFileSync(path.join(data, 'wide.png'), png);
  writeFileSync(path.join(data, 'tall.jpg'), await sharp({ create: { width: 80, height: 400, channels: 3, background: '#3366cc' } }).jpeg().toBuffer());
  writeFileSync(path.join(data, 'anim.gif'), await sharp({ create: { width: 250, height: 250, channels: 3, background: '#00aa00' } }).gif().toBuffer());
  writeFileSync(path.join(data, 'small.png'), digits('3'));
  // A PNG whose header is fine and whose pixels are garbage: it passes the check, and cannot be scaled.
  const broken = Buffer.from(new Canvas(400, 400).png());
  broken.fill(0x55, 60, broken.length - 20);
  writeFileSync(path.join(data, 'broken.png'), broken);
  writeFileSync(path.join(data, 'v.jsonl'), [
    JSON.stringify({ prompt: 'four', images: ['wide.png', 'tall.jpg', 'anim.gif', 'small.png'], data_source: 'Game24', ground_truth: GT }),
    JSON.stringify({ prompt: 'broken', images: ['broken.png'], data_source: 'Game24', ground_truth: GT }),
  ].join('\n') + '\n');
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--request-log', log]);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', out, '--image_max_side', '100']);
    assert.equal(r.code, 3, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const brokenRow = readJsonl(path.join(out, 'details', 'v.jsonl')).find((row) => row.id === 1)!;
    assert.equal((brokenRow.error as { kind: string }).kind, 'ImageResizeError');
    assert.equal(brokenRow.attempts, 0, 'nothing was sent for it');
    const [seen] = readJsonl<{ images: { mime: string; width: number; height: number; sha256: string }[] }>(log);
    assert.deepEqual(seen.images.map((i) => [i.mime, i.width, i.height]), [['image/png', 100, 40], ['image/jpeg', 20, 100], ['image/png', 100, 100], ['image/png', 28, 30]]);
    assert.equal(seen.images[3].sha256, sha(digits('3')), 'an image within the limit goes as it is');
    const row = readJsonl(path.join(out, 'details', 'v.jsonl')).find((r) => r.id === 0)!;
    assert.deepEqual((row.images as { width: number; height: number; sha256: string }[]).map((i) => [i.width, i.height]), [[300, 120], [80, 400], [250, 250], [28, 30]]);
    assert.equal((row.images as { sha256: string }[])[0].sha256, sha(png), 'details keep the original');
  } finally {
    await mock.stop();
  }
});

test('--stream sends the same image bodies (pieces) and reads the streamed answer', async () => {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  mkdirSync(data);
  const big = noisePng(120_000, 9);
  writeFileSync(path.join(data, 'big.png'), big);
  writeFileSync(path.join(data, 's.jsonl'), [0, 1, 2].map((i) => JSON.stringify({ prompt: `stream ${i} <image>`, images: ['big.png'], data_source: 'Game24', ground_truth: GT })).join('\n') + '\n');
  const log = path.join(dir, 'requests.jsonl');
  const mock = await startMockProcess(['--model', 'vlm', '--request-log', log]);
  try {
    const out = path.join(dir, 'run');
    const r = await runEval(['--url', mock.baseUrl, '--model_name', 'vlm', '--model_type', 'vlm', '--test_dir', data, '--output_dir', out, '--stream']);
    assert.equal(r.code, 0, r.stderr);
    const seen = readJsonl<{ stream: boolean; images: { sha256: string }[] }>(log);
    assert.equal(seen.length, 3);
    assert.ok(seen.every((s) => s.stream && s.images.length === 1 && s.images[0].sha256 === sha(big)));
    const rows = readJsonl(path.join(out, 'details', 's.jsonl'));
    assert.ok(rows.every((row) => typeof row.ttft_ms === 'number' && String(row.output).startsWith('stream')), 'streamed answers were read');
  } finally {
    await mock.stop();
  }
});
