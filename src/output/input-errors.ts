// input_errors.jsonl read back: how many bad lines each input file had (rescore and merge rebuild meta from it).
import { existsSync, readFileSync } from 'node:fs';

/** Per file name (as the rows' "file" field says it), the number of recorded bad lines. */
export function countInputErrors(file: string, files: readonly string[]): number[] {
  if (!existsSync(file)) return files.map(() => 0);
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const { file: name } = JSON.parse(line) as { file: string };
      counts.set(name, (counts.get(name) ?? 0) + 1);
    } catch {
      /* a torn line of a killed run: not counted */
    }
  }
  return files.map((f) => counts.get(f) ?? 0);
}
