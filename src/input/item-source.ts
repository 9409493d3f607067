// Where a run's items come from. The runner reads every source the same way, without knowing what it is: a
// survey before any request (how many entries, which data sources, under --strict every entry checked), then
// its entries in order, each an item or a bad entry with its message. A JSONL test file is one source today;
// a named benchmark's subset, or a chain of steps, is another of the same shape.
import path from 'node:path';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { readJsonlLines } from './jsonl-lines.ts';
import { parseInputLine, type LineResult } from './input-line.ts';
import { surveyFile, type FileSurvey } from './survey.ts';
import { listTestFiles } from './test-files.ts';

export interface SurveyOptions {
  strict: boolean;
  lookup: (dataSource: string) => AnyBootcamp | undefined;
  load?: (dataSources: Iterable<string>) => Promise<void>;
}

export interface SourceEntry {
  /** 0-based position in the source: the row's id (a JSONL file's physical line index). */
  index: number;
  result: LineResult;
}

export interface ItemSource {
  /** The name of its details file, meta line and progress bar (a JSONL file's base name, "game24.jsonl"). */
  readonly name: string;
  /** Generation settings its items prefer (a benchmark's), above their bootcamp's own; default none. */
  readonly defaults?: Readonly<{ max_tokens?: number; temperature?: number; top_p?: number; system_prompt?: string }>;
  /** Where its items' relative image paths are read from (a JSONL file's folder); default the working folder. */
  readonly baseDir?: string;
  survey(options: SurveyOptions): Promise<FileSurvey>;
  entries(lookup: (dataSource: string) => AnyBootcamp | undefined): AsyncIterable<SourceEntry>;
}

/** One JSONL test file: each non-blank line an entry, its id the line's index. */
export function jsonlSource(file: string): ItemSource {
  const name = path.basename(file);
  return {
    name,
    baseDir: path.dirname(path.resolve(file)),
    survey: (options) => surveyFile(file, { ...options, displayName: name }),
    async *entries(lookup) {
      for await (const { index, text } of readJsonlLines(file)) yield { index, result: parseInputLine(text, index, lookup) };
    },
  };
}

/** --test_dir's sources: its *.jsonl files in name order (others are named in `skipped`). */
export function testDirSources(testDir: string): { sources: ItemSource[]; skipped: string[] } {
  const { files, skipped } = listTestFiles(testDir);
  return { sources: files.map(jsonlSource), skipped };
}
