// The answers and scores of a details file's rows that were answered without error, by (id, repeat): what a
// chain bootcamp's problem needs to continue at its first unanswered step after --resume. Read once per file,
// and only for files whose chains were partly answered (SciCode's few hundred rows).
import { existsSync } from 'node:fs';
import { LineReader } from './line-reader.ts';
import { rowKey } from './details-file.ts';

export interface DoneRow {
  output: string;
  score: number;
}

export async function readDoneRows(file: string): Promise<Map<number, DoneRow>> {
  const rows = new Map<number, DoneRow>();
  if (!existsSync(file)) return rows;
  const reader = await LineReader.open(file);
  try {
    for (let line = await reader.next(); line; line = await reader.next()) {
      if (line.torn) break;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line.bytes.toString('utf8')) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (typeof row.id !== 'number' || typeof row.output !== 'string') continue;
      const key = rowKey(row.id, typeof row.repeat === 'number' ? row.repeat : 0);
      // The latest row of a key wins, as everywhere else; an error row means "not answered".
      if (row.error !== undefined && row.error !== null) rows.delete(key);
      else rows.set(key, { output: row.output, score: typeof row.score === 'number' ? row.score : 0 });
    }
  } finally {
    await reader.close();
  }
  return rows;
}
