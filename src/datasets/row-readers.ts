// Rows of a data set file, read as a stream: JSONL line by line, CSV record by record (csv-parse), Parquet one
// row group at a time (hyparquet, pure JavaScript). Memory stays at one row group, whatever the file's size.
// A benchmark turns these rows into items; nothing here knows a benchmark.
import { createReadStream } from 'node:fs';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { parseJsonExact } from '../../bootcamps/shared/exact-json.ts';
import { UserError } from '../errors.ts';

export type RowFormat = 'jsonl' | 'csv' | 'parquet';
export type Row = Record<string, unknown>;

export interface ReadRowsOptions {
  /** CSV: the column names when the file has no header row (MMLU's CSVs have none); default: the first row. */
  columns?: readonly string[];
  /** Parquet: byte columns without a text annotation stay bytes (images); default they are read as UTF-8 text. */
  binary?: boolean;
}

/** A data set file that cannot be read as its format: names the file and the row. */
export class DatasetFileError extends UserError {
  override name = 'DatasetFileError';
}

export async function* readRows(file: string, format: RowFormat, options: ReadRowsOptions = {}): AsyncGenerator<Row> {
  if (format === 'jsonl') yield* readJsonlRows(file);
  else if (format === 'csv') yield* readCsvRows(file, options.columns);
  else yield* readParquetRows(file, options.binary === true);
}

async function* readJsonlRows(file: string): AsyncGenerator<Row> {
  for await (const { index, text } of readJsonlLines(file)) {
    let row: unknown;
    try {
      row = parseJsonExact(text);
    } catch (err) {
      throw new DatasetFileError(`${file}:${index + 1}: not valid JSON (${(err as Error).message})`);
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new DatasetFileError(`${file}:${index + 1}: expected a JSON object per line`);
    yield row as Row;
  }
}

async function* readCsvRows(file: string, columns: readonly string[] | undefined): AsyncGenerator<Row> {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(file).pipe(
    parse({ columns: columns ? [...columns] : true, bom: true, relax_column_count: false, skip_empty_lines: true }),
  );
  try {
    for await (const record of parser) yield record as Row;
  } catch (err) {
    throw new DatasetFileError(`${file}: not readable as CSV: ${(err as Error).message}`);
  }
}

async function* readParquetRows(file: string, binary: boolean): AsyncGenerator<Row> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  let metadata;
  const buffer = await asyncBufferFromFile(file);
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw new DatasetFileError(`${file}: not a Parquet file (${(err as Error).message})`);
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, utf8: !binary });
    for (const row of rows) yield plainRow(row);
    rowStart = rowEnd;
  }
}

/** Parquet's INT64 columns come back as bigints; those that fit a double exactly become numbers. */
function plainRow(row: Row): Row {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint' && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) row[key] = Number(value);
  }
  return row;
}

/** The number of rows of a data set file; Parquet's from its footer, without decoding a row (images stay unread). */
export async function countRows(file: string, format: RowFormat, options: ReadRowsOptions = {}): Promise<number> {
  if (format === 'parquet') {
    const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
    try {
      return Number((await parquetMetadataAsync(await asyncBufferFromFile(file))).num_rows);
    } catch (err) {
      throw new DatasetFileError(`${file}: not a Parquet file (${(err as Error).message})`);
    }
  }
  let n = 0;
  for await (const _ of readRows(file, format, options)) n++;
  return n;
}
