// The pull-based line reader merge and in-order finalisation use: lines longer than its buffer, a torn last
// line, blank lines, and a file that ends with its newline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LineReader } from '../../src/output/line-reader.ts';
import { tempDir } from '../support/cli.ts';

async function readAll(text: string | Buffer): Promise<[string, boolean][]> {
  const file = path.join(tempDir(), 'x.jsonl');
  writeFileSync(file, text);
  const reader = await LineReader.open(file);
  const out: [string, boolean][] = [];
  try {
    for (let line = await reader.next(); line; line = await reader.next()) out.push([line.bytes.toString('utf8'), line.torn]);
  } finally {
    await reader.close();
  }
  return out;
}

test('lines in order, a blank one kept, no torn line when the file ends with a newline', async () => {
  assert.deepEqual(await readAll('a\n\nbc\n'), [['a', false], ['', false], ['bc', false]]);
  assert.deepEqual(await readAll(''), []);
});

test('a last line without its newline is handed out marked torn', async () => {
  assert.deepEqual(await readAll('a\n{"id": 3, "to'), [['a', false], ['{"id": 3, "to', true]]);
});

test('lines longer than the 1 MB buffer, and many lines across buffer refills, come out whole', async () => {
  const long = 'x'.repeat(3 * (1 << 20) + 7);
  const many = Array.from({ length: 50_000 }, (_, i) => `{"id":${i},"é":"${'y'.repeat(i % 90)}"}`);
  const lines = await readAll([many[0], long, ...many.slice(1)].join('\n') + '\n');
  assert.equal(lines.length, 50_001);
  assert.equal(lines[1][0], long);
  assert.deepEqual(lines.slice(2).map(([t]) => t), many.slice(1));
  assert.ok(lines.every(([, torn]) => !torn));
});
