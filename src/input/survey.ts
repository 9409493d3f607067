// A first, cheap pass over the input files before any request: how many lines each has (for progress and
// --limit), which data sources they name (so missing verifiers or sandboxes are refused up front), and under
// --strict, every line fully checked.
import { readJsonlLines } from './jsonl-lines.ts';
import { parseInputLine } from './input-line.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';

export interface FileSurvey {
  file: string;
  /** Non-blank lines. */
  lines: number;
  /** data_source → number of lines naming it. */
  dataSources: Map<string, number>;
  /** Under strict checking: every bad line as "file:line: message". */
  problems: string[];
  /** Lines that carry images (a chat-mode-only input); absent means none. */
  imageLines?: number;
}

// Reading data_source with a pattern avoids parsing every line twice; lines it cannot read are parsed.
const DATA_SOURCE = /"data_source"\s*:\s*"((?:[^"\\]|\\.)*)"/;
// A line that may carry images is parsed to be sure (a prompt may spell the key inside a string).
const IMAGES_KEY = /"images"\s*:/;

function carriesImages(text: string): boolean {
  if (!IMAGES_KEY.test(text)) return false;
  try {
    const row = JSON.parse(text) as { images?: unknown };
    return Array.isArray(row?.images) && row.images.length > 0;
  } catch {
    return false;
  }
}

export async function surveyFile(
  file: string,
  options: {
    strict: boolean;
    lookup: (dataSource: string) => AnyBootcamp | undefined;
    /** Loads verifiers before a strict check needs them (the registry loads a family when first named). */
    load?: (dataSources: Iterable<string>) => Promise<void>;
    displayName: string;
  },
): Promise<FileSurvey> {
  const survey: FileSurvey = { file, lines: 0, dataSources: new Map(), problems: [] };
  const loaded = new Set<string>();
  for await (const { index, text } of readJsonlLines(file)) {
    survey.lines++;
    if (carriesImages(text)) survey.imageLines = (survey.imageLines ?? 0) + 1;
    let source: string | undefined;
    const m = DATA_SOURCE.exec(text);
    if (m) {
      try {
        source = JSON.parse(`"${m[1]}"`) as string;
      } catch {
        source = undefined;
      }
    }
    if (options.strict) {
      if (source !== undefined && !loaded.has(source)) {
        loaded.add(source);
        await options.load?.([source]);
      }
      const result = parseInputLine(text, index, options.lookup);
      if (!result.ok) {
        survey.problems.push(`${options.displayName}:${index + 1}: ${result.error}`);
        source = undefined;
      } else source = result.item.data_source;
    }
    if (source !== undefined) survey.dataSources.set(source, (survey.dataSources.get(source) ?? 0) + 1);
  }
  return survey;
}

/** --limit: a count of lines, or a fraction in (0, 1) of each file (EvalScope's semantics, rounded down, at least 1). */
export function lineLimit(limit: number | undefined, lines: number): number {
  if (limit === undefined) return lines;
  if (limit < 1) return Math.min(lines, Math.max(1, Math.floor(lines * limit)));
  return Math.min(lines, Math.floor(limit));
}
