// Data set files read as row streams: Parquet row group by row group (a file made here from the shared GSM8K
// test split, in the hub's format), CSV without a header (the shared MMLU files, checked against Python's csv
// module), JSONL; a file that is not what its format says is one clear error naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readRows, type Row } from '../../src/datasets/row-readers.ts';
import { tempDir } from '../support/cli.ts';
import { PROJECT_ROOT } from '../../src/version.ts';

const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const GSM8K = path.join(SHARED, 'gsm8k', 'test.jsonl');
const MMLU = path.join(SHARED, 'mmlu', 'data', 'test', 'abstract_algebra_test.csv');
const skip = existsSync(GSM8K) && existsSync(MMLU) ? false : 'needs ../shared/data';

async function all(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

test('Parquet: every row of every row group, in order, equal to the JSONL it was made from', { skip }, async () => {
  const source = readFileSync(GSM8K, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { question: string; answer: string });
  const file = path.join(tempDir(), 'test-00000-of-00001.parquet');
  const withIds = source.map((r, i) => ({ ...r, idx: i }));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'question', data: withIds.map((r) => r.question), type: 'STRING' },
      { name: 'answer', data: withIds.map((r) => r.answer), type: 'STRING' },
      { name: 'idx', data: withIds.map((r) => BigInt(r.idx)), type: 'INT64' },
    ],
    rowGroupSize: 500,
  });
  writeFileSync(file, Buffer.from(buffer));
  const rows = await all(readRows(file, 'parquet'));
  assert.equal(rows.length, 1319);
  assert.deepEqual(rows, withIds, 'three row groups, rows equal, INT64 read back as numbers');
});

test('CSV without a header: the column names given; rows as Python csv reads them', { skip }, async () => {
  const rows = await all(readRows(MMLU, 'csv', { columns: ['question', 'A', 'B', 'C', 'D', 'answer'] }));
  const python = spawnSync('python3', ['-c', 'import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))', MMLU], { encoding: 'utf8' });
  if (python.status === 0) {
    const expected = (JSON.parse(python.stdout) as string[][]).map(([question, A, B, C, D, answer]) => ({ question, A, B, C, D, answer }));
    assert.deepEqual(rows, expected);
  }
  assert.equal(rows.length, 100);
  assert.match(String(rows[0].question), /^Find the degree for the given field extension/);
  assert.equal(rows[0].answer, 'B');
});

test('JSONL rows keep big integers exact; a broken file is one error naming the file and line', async () => {
  const dir = tempDir();
  const good = path.join(dir, 'a.jsonl');
  writeFileSync(good, '{"n": 123456789012345678901, "s": "x"}\n\n{"n": 2}\n');
  assert.deepEqual(await all(readRows(good, 'jsonl')), [{ n: 123456789012345678901n, s: 'x' }, { n: 2 }]);
  const bad = path.join(dir, 'b.jsonl');
  writeFileSync(bad, '{"n": 1}\n[1, 2]\n');
  await assert.rejects(all(readRows(bad, 'jsonl')), /b\.jsonl:2: expected a JSON object per line/);
  const notParquet = path.join(dir, 'c.parquet');
  writeFileSync(notParquet, 'hello');
  await assert.rejects(all(readRows(notParquet, 'parquet')), /c\.parquet: not a Parquet file/);
});
