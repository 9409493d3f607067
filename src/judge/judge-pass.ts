// The judge's pass over a details file after the model's requests are done: rows written with
// `judge: {pending: true}` (judging deferred while the evaluator had no CPU to spare, or with
// --judge_defer always, or left by an interrupted run) are judged and the file is rewritten atomically in the
// same order. Rows already judged, and every other row, are copied as they are.
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { parseJsonExact } from '../../bootcamps/shared/exact-json.ts';
import { deepFreeze } from '../../bootcamps/score.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { serializeRow, type DetailsRow } from '../output/details-row.ts';
import type { JudgedItem } from './judge-stage.ts';

/** Rows judged at once: the judge's queue bounds what is in flight; this bounds what waits in memory. */
const WINDOW = 256;

export async function judgePendingRows(
  file: string,
  lookup: (dataSource: string) => AnyBootcamp | undefined,
  judge: (item: JudgedItem, row: DetailsRow) => Promise<DetailsRow>,
  /** Aborted: start nothing more, keep the file as it was (its rows stay marked for --resume). */
  signal: AbortSignal,
): Promise<number> {
  if (!existsSync(file)) return 0;
  // A first pass that parses nothing: most files have no pending row (and are left untouched).
  let any = false;
  for await (const { text } of readJsonlLines(file)) if (text.includes('"pending":true')) {
    any = true;
    break;
  }
  if (!any) return 0;
  const tmp = `${file}.judge-${process.pid}`;
  const out = createWriteStream(tmp);
  let judged = 0;
  const line = async (text: string): Promise<string> => {
    if (!text.includes('"pending":true')) return text;
    let row: Record<string, unknown>;
    try {
      row = parseJsonExact(text) as Record<string, unknown>;
    } catch {
      return text;
    }
    const pending = row.judge as { pending?: unknown } | undefined;
    const bootcamp = typeof row.data_source === 'string' ? lookup(row.data_source) : undefined;
    if (!pending || pending.pending !== true || !bootcamp) return text;
    const gt = bootcamp.groundTruth.safeParse(row.ground_truth);
    if (!gt.success) return text;
    const { judge: _judge, rule_score: ruleScore, ...rest } = row;
    const ruled = { ...rest, score: typeof ruleScore === 'number' ? ruleScore : row.score } as unknown as DetailsRow;
    const reviewed = await judge({ prompt: String(row.prompt), bootcamp, ground_truth: row.ground_truth, parsedGroundTruth: deepFreeze(gt.data) }, ruled);
    judged++;
    return serializeRow(reviewed).slice(0, -1);
  };
  const pending: Promise<string>[] = [];
  const emit = async (text: string) => {
    if (!out.write(text + '\n')) await once(out, 'drain');
  };
  try {
    for await (const { text } of readJsonlLines(file)) {
      if (signal.aborted) throw new Error('interrupted');
      pending.push(line(text));
      if (pending.length >= WINDOW) await emit(await pending.shift()!);
    }
    while (pending.length > 0) await emit(await pending.shift()!);
    out.end();
    await once(out, 'finish');
  } catch (err) {
    out.destroy();
    await Promise.allSettled(pending);
    const { rm } = await import('node:fs/promises');
    await rm(tmp, { force: true });
    if (signal.aborted) return 0;
    throw err;
  }
  if (signal.aborted) return 0;
  await rename(tmp, file);
  return judged;
}
