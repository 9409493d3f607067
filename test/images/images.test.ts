// The pure parts of image inputs: formats told from bytes (and their sizes read from each format's header),
// markers placed, data: URIs checked, the "images" field of a line, and the VQA scorers' rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAtBuffer, readImageFormat, sniffMime, NotAnImageError } from '../../src/images/image-format.ts';
import { layoutPrompt } from '../../src/images/image-layout.ts';
import { checkDataUri, checkImage, imageRecord, ImageCheckError } from '../../src/images/image-check.ts';
import { parseInputObject } from '../../src/input/input-line.ts';
import { Canvas } from '../../src/samples/png.ts';
import { chartRows } from '../../src/samples/chart-cases.ts';
import { lastAnswerLine, relaxedCorrect } from '../../bootcamps/shared/relaxed-accuracy.ts';
import { answerLine } from '../../bootcamps/vqa/answer-line.ts';
import { relaxedAccuracy } from '../../bootcamps/vqa/relaxed-accuracy.ts';
import { renumberImagePlaceholders } from '../../benchmarks/shared/image-markers.ts';
import { tempDir } from '../support/cli.ts';

const format = (bytes: Uint8Array) => readImageFormat(readAtBuffer(bytes));
const LIMITS = { maxBytes: 1_000_000, maxPixels: 1_000_000, inlineUrls: false, cacheDir: '/nonexistent', fetchTimeoutMs: 1000 };

function jpeg(width: number, height: number, exifBytes: number): Buffer {
  const app1 = Buffer.alloc(4 + exifBytes);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(2 + exifBytes, 2);
  const sof = Buffer.from([0xff, 0xc2, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, Buffer.from([0xff, 0xff]), sof, Buffer.alloc(20)]);
}

function webp(chunk: 'VP8X' | 'VP8L' | 'VP8 ', width: number, height: number): Buffer {
  const head = Buffer.alloc(30);
  head.write('RIFF', 0, 'latin1');
  head.write('WEBP', 8, 'latin1');
  head.write(chunk, 12, 'latin1');
  if (chunk === 'VP8X') {
    head.writeUIntLE(width - 1, 24, 3);
    head.writeUIntLE(height - 1, 27, 3);
  } else if (chunk === 'VP8L') {
    head[20] = 0x2f;
    head.writeUInt32LE(((height - 1) << 14) | (width - 1), 21);
  } else {
    head.set([0x9d, 0x01, 0x2a], 23);
    head.writeUInt16LE(width, 26);
    head.writeUInt16LE(height, 28);
  }
  return head;
}

test('formats are told from bytes, with their width and height from each header', async () => {
  const png = new Canvas(7, 5).png();
  assert.deepEqual(await format(png), { mime: 'image/png', width: 7, height: 5 });
  // A JPEG whose frame header comes after a 40 KB EXIF segment and a fill byte: found by walking segments.
  assert.deepEqual(await format(jpeg(640, 480, 40_000)), { mime: 'image/jpeg', width: 640, height: 480 });
  const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([0x20, 0x01, 0x10, 0x00]), Buffer.alloc(10)]);
  assert.deepEqual(await format(gif), { mime: 'image/gif', width: 288, height: 16 });
  assert.deepEqual(await format(webp('VP8X', 1920, 1080)), { mime: 'image/webp', width: 1920, height: 1080 });
  assert.deepEqual(await format(webp('VP8L', 300, 200)), { mime: 'image/webp', width: 300, height: 200 });
  assert.deepEqual(await format(webp('VP8 ', 64, 48)), { mime: 'image/webp', width: 64, height: 48 });
  assert.equal(sniffMime(Buffer.from('BM6\0\0\0')), undefined);
  await assert.rejects(format(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), (e: Error) => e instanceof NotAnImageError && /looks like text/.test(e.message));
  await assert.rejects(format(Buffer.from('BM6\0\0\0\0\0')), /BMP, which is not sent/);
  await assert.rejects(format(Buffer.alloc(0)), /empty/);
  // A PNG cut after its signature: no size, so no image.
  await assert.rejects(format(png.subarray(0, 12)), /broken or truncated/);
});

test('markers: <image_N> in any order and repeated, bare <image> in turn, none means images first; mistakes are named', () => {
  assert.deepEqual(layoutPrompt('Compare <image_2> with <image_1>, then <image_2> again', 2), [
    { type: 'text', text: 'Compare ' },
    { type: 'image', index: 1 },
    { type: 'text', text: ' with ' },
    { type: 'image', index: 0 },
    { type: 'text', text: ', then ' },
    { type: 'image', index: 1 },
    { type: 'text', text: ' again' },
  ]);
  assert.deepEqual(layoutPrompt('<image> and <image>?', 2), [{ type: 'image', index: 0 }, { type: 'text', text: ' and ' }, { type: 'image', index: 1 }, { type: 'text', text: '?' }]);
  assert.deepEqual(layoutPrompt('No markers.', 2), [{ type: 'image', index: 0 }, { type: 'image', index: 1 }, { type: 'text', text: 'No markers.' }]);
  assert.deepEqual(layoutPrompt('Text only <image_1>', 0), [{ type: 'text', text: 'Text only <image_1>' }], 'without images the prompt is text');
  assert.throws(() => layoutPrompt('see <image_3>', 2), /names image 3, but "images" has 2 entries/);
  assert.throws(() => layoutPrompt('<image><image><image>', 2), /more bare <image> markers/);
  assert.throws(() => layoutPrompt('only <image_1>', 2), /image 2 is named by no marker/);
});

test('MMMU placeholders become markers in the order the text first names them; absent images are dropped', () => {
  const has = (n: number) => n !== 4;
  assert.deepEqual(renumberImagePlaceholders('<image 3> beside <image 1>; again <image 3>; <image 4>', has), { text: '<image_1> beside <image_2>; again <image_1>; ', order: [3, 1] });
});

test('data: URIs: base64 checked, bytes sniffed (the sent type is what the bytes are), limits applied', async () => {
  const png = new Canvas(3, 2).png();
  const b64 = png.toString('base64');
  const ok = await checkDataUri(`data:image/jpeg;base64,${b64}`, LIMITS);
  assert.equal(ok.kind, 'data');
  assert.ok(ok.kind === 'data' && ok.uri.startsWith('data:image/png;base64,') && ok.bytes === png.length && ok.width === 3);
  assert.deepEqual(Object.keys(imageRecord(ok)).sort(), ['bytes', 'data_uri', 'height', 'mime', 'sha256', 'width']);
  await assert.rejects(checkDataUri(`data:image/png,${b64}`, LIMITS), /not base64/);
  await assert.rejects(checkDataUri('data:image/png;base64,abc', LIMITS), /base64 is broken/);
  await assert.rejects(checkDataUri(`data:image/png;base64,${Buffer.from('plain text!!').toString('base64')}`, LIMITS), /not an image/);
  await assert.rejects(checkDataUri(`data:image/png;base64,${b64}`, { ...LIMITS, maxPixels: 5 }), /3×2 = 6 pixels, over --max_image_pixels 5/);
  await assert.rejects(checkImage('ftp://host/x.png', '/', LIMITS), (e: Error) => e instanceof ImageCheckError && /unsupported URL scheme/.test(e.message));
  const url = await checkImage('https://example.org/a b.png', '/', LIMITS);
  assert.deepEqual(url, { kind: 'url', url: 'https://example.org/a%20b.png' }, 'passed through unfetched');
});

test('files: relative to the line\'s folder, hashed, remembered; a folder or an oversized file is refused', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'sub'));
  const png = new Canvas(4, 4).png();
  writeFileSync(path.join(dir, 'sub', 'x.png'), png);
  const found = await checkImage('sub/x.png', dir, LIMITS);
  assert.ok(found.kind === 'file' && found.path === path.join(dir, 'sub', 'x.png') && found.ref === 'sub/x.png' && found.bytes === png.length);
  assert.equal(imageRecord(found).path, 'sub/x.png');
  await assert.rejects(checkImage('sub', dir, LIMITS), /is not a file/);
  await assert.rejects(checkImage('sub/x.png', dir, { ...LIMITS, maxBytes: 10 }), /over --max_image_bytes 10/);
});

test('an input line\'s "images": a list of non-empty strings, at most 64, else the line\'s error', () => {
  const lookup = () => relaxedAccuracy as never;
  const line = (images: unknown) => parseInputObject({ prompt: 'p', data_source: 'RelaxedAccuracy', ground_truth: { answer: '1' }, images }, 0, lookup);
  const good = line(['a.png', 'data:image/png;base64,AAAA']);
  assert.ok(good.ok && good.item.imageInputs?.length === 2);
  const none = line([]);
  assert.ok(none.ok && none.item.imageInputs === undefined, 'an empty list is no images');
  assert.deepEqual(line('a.png'), { ok: false, error: 'expected "images" to be a list of strings (paths, data: URIs or http(s) URLs), got a string' });
  assert.match((line(['a.png', '']) as { error: string }).error, /an empty string as entry 2/);
  assert.match((line(['a.png', 3]) as { error: string }).error, /a number as entry 2/);
  assert.match((line(Array(65).fill('a.png')) as { error: string }).error, /65 entries, more than the 64/);
});

test('relaxed accuracy: numbers within 5% (percentages as fractions), a zero gold number and text compared exactly', () => {
  assert.equal(relaxedCorrect('104', '100'), true);
  assert.equal(relaxedCorrect('105.1', '100'), false);
  assert.equal(relaxedCorrect('45.3%', '45%'), true);
  assert.equal(relaxedCorrect('0.45', '45%'), true, 'both read as fractions');
  assert.equal(relaxedCorrect('0', '0'), true);
  assert.equal(relaxedCorrect('0.0', '0'), false, 'a zero gold number is compared as text');
  assert.equal(relaxedCorrect('Yes', 'yes'), true);
  assert.equal(relaxedCorrect('1e2', '100'), true);
  assert.equal(relaxedCorrect('100 people', '100'), false);
  assert.equal(lastAnswerLine('ANSWER: 3\nthen\nANSWER:  42 \nend'), '42');
  assert.equal(lastAnswerLine('ANSWER:\n17'), '17', 'the spaces after the colon may run over a line end');
  assert.equal(lastAnswerLine('no answer'), undefined);
});

test('the VQA scorers: RelaxedAccuracy reads only the ANSWER line; AnswerLine falls back to the whole reply', async () => {
  assert.deepEqual(await relaxedAccuracy.score!('I think 41.\nANSWER: 41', { answer: '42' }, {}), { score: 1, extracted_output: '41' });
  assert.deepEqual(await relaxedAccuracy.score!('42', { answer: '42' }, {}), { score: 0, extracted_output: null });
  assert.deepEqual(await answerLine.score!('  Paris ', { answer: 'paris' }, {}), { score: 1, extracted_output: 'Paris' });
  assert.deepEqual(await answerLine.score!('ANSWER: 3/4', { answer: '0.75' }, {}), { score: 0, extracted_output: '3/4' });
});

test('the synthetic chart set: the same rows and bytes for a seed, answers that follow from the drawn values', async () => {
  const a = chartRows(8);
  const b = chartRows(8);
  assert.deepEqual(a.map((r) => Buffer.from(r.image.bytes).toString('hex')), b.map((r) => Buffer.from(r.image.bytes).toString('hex')));
  assert.deepEqual(a.map((r) => r.type).slice(0, 2), ['human_test', 'augmented_test']);
  for (const row of a) assert.equal((await format(row.image.bytes)).mime, 'image/png');
  assert.match(a[3].answer, /^\d+\.\d%$/);
});
