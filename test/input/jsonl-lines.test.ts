// The line reader: physical indexes, BOM, CRLF, blank lines, a last line without newline, lines longer than a chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonlLines } from '../../src/input/jsonl-lines.ts';
import { tempDir } from '../support/cli.ts';

async function lines(content: string | Buffer) {
  const file = path.join(tempDir(), 'x.jsonl');
  writeFileSync(file, content);
  const out = [];
  for await (const l of readJsonlLines(file)) out.push(l);
  return out;
}

test('indexes count blank lines; BOM and CRLF are removed; a last line without newline is read', async () => {
  assert.deepEqual(await lines('\ufeffa\r\n\r\n  \nb\nc'), [
    { index: 0, text: 'a' },
    { index: 3, text: 'b' },
    { index: 4, text: 'c' },
  ]);
  assert.deepEqual(await lines(''), []);
});

test('a line of 3 MB and multi-byte characters across chunk boundaries survive intact', async () => {
  const long = 'é'.repeat(1_500_000);
  const got = await lines(`x\n${long}\n€y\n`);
  assert.equal(got.length, 3);
  assert.equal(got[1].text, long);
  assert.equal(got[2].text, '€y');
});
