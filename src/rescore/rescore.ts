// Scores outputs again without asking the model: a JSONL of {data_source, ground_truth, output} rows (details
// rows qualify) gets score and extracted_output; or a whole run folder is rescored in place.
import { parseJsonExact } from '../../bootcamps/shared/exact-json.ts';
import { createWriteStream, readdirSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { scoreOutput, deepFreeze, type ScoreResult } from '../../bootcamps/score.ts';
import type { AnyBootcamp, VerifyContext } from '../../bootcamps/types.ts';
import { serializeRow, type DetailsRow } from '../output/details-row.ts';

export interface RescoreCounts {
  rows: number;
  /** Lines that could not be scored (bad JSON, unknown data_source, ground truth refused); written unchanged. */
  problems: number;
  scoreChanged: number;
}

export interface RescoreOptions {
  /** May load the verifier first (the registry imports a family the first time one of its names is asked for). */
  lookup: (dataSource: string) => AnyBootcamp | undefined | Promise<AnyBootcamp | undefined>;
  context: VerifyContext;
  log: (line: string) => void;
  /** A stage after the rule for details rows (the LLM judge), given the row's item. */
  review?: (item: { prompt: string; bootcamp: AnyBootcamp; ground_truth: unknown; parsedGroundTruth: unknown }, row: DetailsRow) => Promise<DetailsRow>;
}

/** Adds or replaces score and extracted_output, keeping every other key in place and order. */
function withScore(row: Record<string, unknown>, scored: ScoreResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // An earlier judge's fields go too: the review stage, if any, writes them again.
  for (const [key, value] of Object.entries(row)) if (key !== 'verify_error' && key !== 'metrics' && key !== 'rule_score' && key !== 'judge') out[key] = value;
  out.score = scored.score;
  out.extracted_output = scored.extracted_output;
  if (scored.metrics !== undefined) out.metrics = scored.metrics;
  if (scored.verify_error !== undefined) out.verify_error = scored.verify_error;
  return out;
}

/** Rows scored at once: code bootcamps wait on the sandbox, and its workers should all be busy. */
const SCORING_WINDOW = 64;

/** Rescores IN into OUT, same rows in the same order; streams both. */
export async function rescoreFile(inFile: string, outFile: string, options: RescoreOptions): Promise<RescoreCounts> {
  const counts: RescoreCounts = { rows: 0, problems: 0, scoreChanged: 0 };
  const out = createWriteStream(outFile);
  const name = path.basename(inFile);
  const unknown = new Map<string, number>();
  const needSandbox = new Map<string, number>();
  const emit = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  /** The line to write for one input line: rescored, or the input unchanged when it cannot be scored. */
  const rescoreLine = async (index: number, text: string): Promise<string> => {
    let row: Record<string, unknown>;
    try {
      row = parseJsonExact(text) as typeof row;
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error('not an object');
    } catch {
      counts.problems++;
      options.log(`${name}:${index + 1}: expected a JSON object; line copied unchanged`);
      return text;
    }
    const bootcamp = typeof row.data_source === 'string' ? await options.lookup(row.data_source) : undefined;
    if (!bootcamp || typeof row.output !== 'string' || !('ground_truth' in row)) {
      counts.problems++;
      if (!bootcamp && typeof row.data_source === 'string') unknown.set(row.data_source, (unknown.get(row.data_source) ?? 0) + 1);
      else options.log(`${name}:${index + 1}: expected a known "data_source", a string "output" and a "ground_truth"; line copied unchanged`);
      return text;
    }
    if (bootcamp.kind === 'sandbox' && !options.context.sandbox) {
      counts.problems++;
      needSandbox.set(bootcamp.name, (needSandbox.get(bootcamp.name) ?? 0) + 1);
      return text;
    }
    const gt = bootcamp.groundTruth.safeParse(row.ground_truth);
    if (!gt.success) {
      counts.problems++;
      options.log(`${name}:${index + 1}: ground_truth does not fit ${bootcamp.name}: ${gt.error.issues[0].message}; line copied unchanged`);
      return text;
    }
    const frozen = deepFreeze(gt.data);
    const scored = await scoreOutput(bootcamp, row.output, frozen, options.context);
    // Details rows keep their documented key order; other rows keep theirs with the two keys added.
    const isDetailsRow = typeof row.id === 'number' && 'prompt' in row;
    let updated = withScore(row, scored);
    if (isDetailsRow && options.review) {
      updated = (await options.review({ prompt: String(row.prompt), bootcamp, ground_truth: row.ground_truth, parsedGroundTruth: frozen }, updated as unknown as DetailsRow)) as unknown as Record<string, unknown>;
    }
    if (row.score !== updated.score) counts.scoreChanged++;
    return isDetailsRow ? serializeRow(updated as unknown as DetailsRow).slice(0, -1) : JSON.stringify(updated);
  };
  // Scored concurrently within a window, written in input order.
  const pending: Promise<string>[] = [];
  for await (const { index, text } of readJsonlLines(inFile)) {
    counts.rows++;
    pending.push(rescoreLine(index, text));
    if (pending.length >= SCORING_WINDOW) await emit(await pending.shift()!);
  }
  while (pending.length > 0) await emit(await pending.shift()!);
  for (const [source, n] of unknown) options.log(`${name}: ${n} row(s) name data_source "${source}", which no bootcamp handles; copied unchanged`);
  for (const [source, n] of needSandbox) options.log(`${name}: ${n} ${source} row(s) run the model's code, which happens only in a sandbox: add --use_sandbox; copied unchanged`);
  out.end();
  await once(out, 'finish');
  return counts;
}

/** Rescores every details file of a run folder in place (each replaced atomically). */
export async function rescoreRunDetails(runDir: string, options: RescoreOptions): Promise<{ files: string[]; counts: RescoreCounts }> {
  const detailsDir = path.join(runDir, 'details');
  if (!existsSync(detailsDir)) throw new Error(`${runDir} has no details/ folder`);
  const files = readdirSync(detailsDir).filter((f) => f.endsWith('.jsonl')).sort();
  const total: RescoreCounts = { rows: 0, problems: 0, scoreChanged: 0 };
  for (const file of files) {
    const target = path.join(detailsDir, file);
    const tmp = `${target}.rescore-${process.pid}`;
    const counts = await rescoreFile(target, tmp, options);
    await rename(tmp, target);
    total.rows += counts.rows;
    total.problems += counts.problems;
    total.scoreChanged += counts.scoreChanged;
  }
  return { files, counts: total };
}
