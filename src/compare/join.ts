// Joins run folders item by item — (file, id, repeat) — by merging their details files, which every run leaves
// sorted by (id, repeat). Streams: per item only its scores are kept, plus a capped list of disagreements.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { rowKey } from '../output/details-file.ts';
import { UsageError } from '../errors.ts';

export interface RunSide {
  errors: number;
  lenSum: number;
  lengthCuts: number;
}

export interface BootcampJoin {
  dataSource: string;
  /** Scores per run, item-aligned. */
  scores: number[][];
  sides: RunSide[];
}

export interface Disagreement {
  file: string;
  id: number;
  repeat: number;
  data_source: string;
  prompt: string;
  outputs: string[];
  scores: number[];
}

export interface JoinResult {
  bootcamps: Map<string, BootcampJoin>;
  disagreements: Disagreement[];
  /** Disagreements beyond the cap, counted but not kept. */
  moreDisagreements: number;
  warnings: string[];
}

interface Row {
  key: number;
  id: number;
  repeat: number;
  data_source: string;
  score: number;
  output_len: number;
  error: boolean;
  finish: unknown;
  prompt: string;
  output: string;
}

const MAX_DISAGREEMENTS = 300;
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) + ` … [${text.length - max} more characters]` : text);

/** A file's rows in batches of up to 512, so the merge below awaits once per batch rather than once per row. */
async function* rows(file: string): AsyncGenerator<Row[]> {
  let previous = -1;
  let batch: Row[] = [];
  for await (const { index, text } of readJsonlLines(file)) {
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(text);
    } catch {
      throw new UsageError(`${file}:${index + 1}: not a details row`);
    }
    const id = Number(r.id);
    const repeat = typeof r.repeat === 'number' ? r.repeat : 0;
    const key = rowKey(id, repeat);
    if (key <= previous) throw new UsageError(`${file}: rows are not in id order; run \`tsx scripts/rescore.ts --run\` on that run folder first`);
    previous = key;
    batch.push({
      key,
      id,
      repeat,
      data_source: String(r.data_source ?? ''),
      score: typeof r.score === 'number' ? r.score : 0,
      output_len: typeof r.output_len === 'number' ? r.output_len : 0,
      error: r.error !== undefined && r.error !== null,
      finish: r.finish_reason,
      prompt: String(r.prompt ?? ''),
      output: String(r.output ?? ''),
    });
    if (batch.length === 512) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** One run's rows, one at a time, awaiting only when a batch is used up. */
class Cursor {
  private batch: Row[] = [];
  private index = 0;
  done = false;
  private readonly source: AsyncGenerator<Row[]>;
  constructor(file: string) {
    this.source = rows(file);
  }
  get current(): Row {
    return this.batch[this.index];
  }
  async advance(): Promise<void> {
    this.index++;
    while (this.index >= this.batch.length && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.batch = next.value;
        this.index = 0;
      }
    }
  }
  /** First row. */
  async start(): Promise<void> {
    this.index = -1;
    await this.advance();
  }
}

/** The details files of a run's benchmark subsets, from its eval_args.json (none for a JSONL-only run). */
function benchmarkSubsetFiles(runDir: string): Set<string> {
  try {
    const args = JSON.parse(readFileSync(path.join(runDir, 'eval_args.json'), 'utf8')) as { benchmarks?: { subsets?: { file?: unknown }[] }[] };
    return new Set((args.benchmarks ?? []).flatMap((b) => (b.subsets ?? []).map((x) => String(x.file))));
  } catch {
    return new Set();
  }
}

export async function joinRuns(runDirs: readonly string[], names: readonly string[]): Promise<JoinResult> {
  const result: JoinResult = { bootcamps: new Map(), disagreements: [], moreDisagreements: 0, warnings: [] };
  const fileSets = runDirs.map((dir) => {
    const details = path.join(dir, 'details');
    if (!existsSync(details)) throw new UsageError(`${dir} is not a run folder (no details/)`);
    return new Set(readdirSync(details).filter((f) => f.endsWith('.jsonl')));
  });
  const common = [...fileSets[0]].filter((f) => fileSets.every((s) => s.has(f))).sort();
  fileSets.forEach((set, r) => {
    const only = [...set].filter((f) => !common.includes(f));
    if (only.length) result.warnings.push(`${names[r]} has files the others lack, left out: ${only.join(', ')}`);
  });
  // A named benchmark's subset is compared as its own row ("mmlu_anatomy"), as the run's summary shows it.
  const subsetFiles = benchmarkSubsetFiles(runDirs[0]);
  for (const file of common) {
    const groupKey = subsetFiles.has(file) ? file.replace(/\.jsonl$/, '') : undefined;
    const cursors = runDirs.map((dir) => new Cursor(path.join(dir, 'details', file)));
    await Promise.all(cursors.map((c) => c.start()));
    let skipped = 0;
    while (!cursors.some((c) => c.done)) {
      const current = cursors.map((c) => c.current);
      let max = current[0].key;
      for (const c of current) if (c.key > max) max = c.key;
      if (current.some((c) => c.key !== max)) {
        // Not every run has this item: advance the runs that are behind.
        for (const c of cursors) {
          if (c.current.key < max) {
            await c.advance();
            skipped++;
          }
        }
        continue;
      }
      const source = groupKey ?? current[0].data_source;
      let join = result.bootcamps.get(source);
      if (!join) {
        join = { dataSource: source, scores: runDirs.map(() => []), sides: runDirs.map(() => ({ errors: 0, lenSum: 0, lengthCuts: 0 })) };
        result.bootcamps.set(source, join);
      }
      for (let r = 0; r < current.length; r++) {
        const c = current[r];
        join.scores[r].push(c.score);
        join.sides[r].errors += c.error ? 1 : 0;
        join.sides[r].lenSum += c.output_len;
        join.sides[r].lengthCuts += c.finish === 'length' ? 1 : 0;
      }
      if (current.some((c) => c.score !== current[0].score)) {
        if (result.disagreements.length < MAX_DISAGREEMENTS) {
          result.disagreements.push({
            file,
            id: current[0].id,
            repeat: current[0].repeat,
            data_source: source,
            prompt: clip(current[0].prompt, 2000),
            outputs: current.map((c) => clip(c.output, 3000)),
            scores: current.map((c) => c.score),
          });
        } else result.moreDisagreements++;
      }
      for (const c of cursors) await c.advance();
    }
    for (const c of cursors) {
      while (!c.done) {
        skipped++;
        await c.advance();
      }
    }
    if (skipped > 0) result.warnings.push(`${file}: ${skipped} item(s) are not in every run; only the common items are compared`);
  }
  if (common.length === 0) throw new UsageError('the runs have no details file in common; nothing to compare');
  return result;
}
