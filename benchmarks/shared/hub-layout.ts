// The file layout the Hugging Face hub gives a data set converted to Parquet: one folder per config (subset),
// one file per split, "<subset>/<split>-00000-of-00001.parquet".
import type { DataFile } from '../types.ts';

export function parquetPerSubset(subsets: readonly string[], splits: readonly string[]): DataFile[] {
  return subsets.flatMap((subset) => splits.map((split) => ({ subset, split, path: `${subset}/${split}-00000-of-00001.parquet`, format: 'parquet' as const })));
}
