// Reading a details file back (rows, torn tail, out-of-order rows) and compacting it to one row per key, with
// rows longer than the reader's buffer and rows that straddle its chunk boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compactDetails, cutTornTail, doneKeys, rowKey, scanDetails } from '../../src/output/details-file.ts';

function row(id: number, output: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, data_source: 'Game24', prompt: 'p', output, output_len: output.length, score: id % 2, ...extra }) + '\n';
}

test('scan and compaction keep the latest row per id, in id order, across long rows and chunk boundaries', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'details-file-'));
  const file = path.join(dir, 'game24.jsonl');
  // 900 KB is longer than the reader's 256 KB buffer; the 7,000-byte rows land on every possible boundary offset.
  const long = 'x'.repeat(900_000);
  const rows = [row(3, 'a'.repeat(7000)), row(0, long), row(1, 'first try', { error: { kind: 'ApiError', message: 'm', attempts: 1 } })];
  for (let id = 4; id < 200; id++) rows.push(row(id, 'b'.repeat(7000 + id)));
  rows.push(row(1, 'second try'), row(2, 'c'));
  writeFileSync(file, rows.join('') + '{"id": 900, "output": "torn');

  const scan = await scanDetails(file);
  assert.equal(scan.rows.length, rows.length);
  assert.equal(scan.needsRewrite, true);
  assert.equal(scan.goodBytes, Buffer.byteLength(rows.join('')));
  assert.equal(scan.fileBytes - scan.goodBytes, Buffer.byteLength('{"id": 900, "output": "torn'));
  // Item 1's latest row has no error, so it is done; the torn row 900 is not.
  const done = doneKeys(scan);
  assert.equal(done.size, 200);
  assert.ok(done.has(rowKey(1, 0)) && !done.has(rowKey(900, 0)));

  assert.equal(await cutTornTail(file, scan), 27);
  const order = await compactDetails(file, await scanDetails(file));
  assert.equal(order.length, 200);
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'the file ends with a newline');
  const parsed = lines.map((l) => JSON.parse(l) as { id: number; output: string });
  assert.deepEqual(parsed.map((r) => r.id), Array.from({ length: 200 }, (_, i) => i));
  assert.equal(parsed[0].output, long);
  assert.equal(parsed[1].output, 'second try');
  assert.equal(parsed[150].output, 'b'.repeat(7150));

  const again = await scanDetails(file);
  assert.equal(again.needsRewrite, false, 'a compacted file needs no second rewrite');
});

test('a file of only a torn line scans as nothing done, to be cut', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'details-file-'));
  const file = path.join(dir, 'maze.jsonl');
  writeFileSync(file, '{"id": 0, "outp');
  const scan = await scanDetails(file);
  assert.equal(scan.rows.length, 0);
  assert.equal(scan.goodBytes, 0);
  assert.equal(await cutTornTail(file, scan), 15);
  assert.equal(readFileSync(file, 'utf8'), '');
});
