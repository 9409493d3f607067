// Reading a row's fields with a message naming the field when a row lacks it (an input error for that row).
import { BenchmarkRowError, type Row } from '../types.ts';

export function text(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  throw new BenchmarkRowError(`expected "${field}" to be text, got ${v === undefined ? 'nothing' : JSON.stringify(v)?.slice(0, 60)}`);
}

export function textList(row: Row, field: string): string[] {
  const v = row[field];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new BenchmarkRowError(`expected "${field}" to be a list of texts`);
}

export function letterOf(index: number, count: number, field: string): string {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new BenchmarkRowError(`"${field}" ${index} is not one of the ${count} choices`);
  return String.fromCharCode(65 + index);
}

/**
 * The bytes of an image column as Hugging Face stores images in Parquet ({bytes, path}); undefined when the
 * row has none there (MMMU's image_2..image_7 are often empty).
 */
export function imageBytes(row: Row, field: string): Uint8Array | undefined {
  const v = row[field] as { bytes?: unknown } | null | undefined;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Uint8Array) return v.length > 0 ? v : undefined;
  if (typeof v === 'object' && v.bytes instanceof Uint8Array) return v.bytes.length > 0 ? v.bytes : undefined;
  if (typeof v === 'object' && (v.bytes === null || v.bytes === undefined)) return undefined;
  throw new BenchmarkRowError(`expected "${field}" to be an image ({bytes, path}), got ${typeof v === 'string' ? 'text (a Parquet file read without its byte columns?)' : JSON.stringify(v)?.slice(0, 60)}`);
}
