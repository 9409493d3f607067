// Checks one input line: a JSON object with a string prompt, a string data_source naming a registered
// bootcamp, and a ground_truth that the bootcamp's schema accepts. Bad lines become messages, never crashes.
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import { deepFreeze } from '../../bootcamps/score.ts';
import { containsBigInt, parseJsonExact, withoutBigInts } from '../../bootcamps/shared/exact-json.ts';
import type { ItemImage } from '../images/image-check.ts';

/** More images than this on one line is refused (no VLM takes more; a list this long is a mistake). */
export const MAX_IMAGES_PER_ITEM = 64;

export interface Item {
  /** 0-based physical line index in its file. */
  id: number;
  data_source: string;
  prompt: string;
  /** The ground truth exactly as the line has it (written to details). */
  ground_truth: unknown;
  /** What the bootcamp's schema made of it (handed to verify), deeply frozen. */
  parsedGroundTruth: unknown;
  bootcamp: AnyBootcamp;
  /** The line's "images" as written (paths, data: URIs, URLs); checked before the line is sent. */
  imageInputs?: readonly string[];
  /** The checked images, in the order of imageInputs (set by the image check of its source). */
  images?: readonly ItemImage[];
  /** A step of a problem asked step by step (a chain bootcamp's): the problem, and this step's label. */
  chain?: { key: string; label: string; final?: boolean };
}

export type LineResult =
  | { ok: true; item: Item }
  | { ok: false; error: string; unknownSource?: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function badEntry(list: unknown[]): string {
  const at = list.findIndex((e) => typeof e !== 'string' || e === '');
  return `${list[at] === '' ? 'an empty string' : describe(list[at])} as entry ${at + 1}`;
}

export function parseInputLine(text: string, id: number, lookup: (dataSource: string) => AnyBootcamp | undefined): LineResult {
  let row: unknown;
  try {
    // Integers beyond 2^53 stay exact (bigints), as Python's json keeps them: verifiers compare them.
    row = parseJsonExact(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return { ok: false, error: `expected a JSON object, got ${describe(row)}` };
  }
  return parseInputObject(row as Record<string, unknown>, id, lookup);
}

/** Checks an input object already parsed (a JSONL line's, or what a benchmark made of a data set row). */
export function parseInputObject(row: Record<string, unknown>, id: number, lookup: (dataSource: string) => AnyBootcamp | undefined): LineResult {
  const { prompt, data_source, ground_truth } = row as Record<string, unknown>;
  if (typeof data_source !== 'string') return { ok: false, error: `expected "data_source" to be a string, got ${describe(data_source)}` };
  if (typeof prompt !== 'string') return { ok: false, error: `expected "prompt" to be a string, got ${describe(prompt)}` };
  if (!('ground_truth' in row)) return { ok: false, error: 'expected a "ground_truth" field' };
  const images = row.images;
  let imageInputs: string[] | undefined;
  if (images !== undefined && images !== null) {
    if (!Array.isArray(images) || images.some((entry) => typeof entry !== 'string' || entry === '')) {
      return { ok: false, error: `expected "images" to be a list of strings (paths, data: URIs or http(s) URLs), got ${Array.isArray(images) ? badEntry(images) : describe(images)}` };
    }
    if (images.length > MAX_IMAGES_PER_ITEM) return { ok: false, error: `"images" has ${images.length} entries, more than the ${MAX_IMAGES_PER_ITEM} one item may carry` };
    if (images.length > 0) imageInputs = images as string[];
  }
  const bootcamp = lookup(data_source);
  if (!bootcamp) return { ok: false, error: `unknown data_source ${JSON.stringify(data_source)}`, unknownSource: data_source };
  const chainRaw = row.chain as { key?: unknown; label?: unknown; final?: unknown } | undefined;
  let chain: Item['chain'];
  if (bootcamp.chain) {
    if (!chainRaw || typeof chainRaw !== 'object' || typeof chainRaw.key !== 'string' || typeof chainRaw.label !== 'string') {
      return { ok: false, error: `expected "chain" to be {"key": problem, "label": step} (${data_source} asks a problem's steps in order)` };
    }
    chain = { key: chainRaw.key, label: chainRaw.label, ...(typeof chainRaw.final === 'boolean' ? { final: chainRaw.final } : {}) };
  }
  let parsed = bootcamp.groundTruth.safeParse(ground_truth);
  // A schema that wants numbers where the line has big integers gets them as doubles, as before (the details
  // row and the Python bridge still see the exact ground truth).
  if (!parsed.success && containsBigInt(ground_truth)) parsed = bootcamp.groundTruth.safeParse(withoutBigInts(ground_truth));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length > 0 ? `ground_truth.${issue.path.join('.')}` : 'ground_truth';
    return { ok: false, error: `${at} does not fit ${data_source}: ${issue.message}` };
  }
  return {
    ok: true,
    item: { id, data_source, prompt, ground_truth, parsedGroundTruth: deepFreeze(parsed.data), bootcamp, ...(imageInputs ? { imageInputs } : {}), ...(chain ? { chain } : {}) },
  };
}
