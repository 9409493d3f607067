// Maze: a path of grid coordinates from start to end through open cells, one orthogonal step at a time.
// Scores the last ```json block, read as a Python literal list of (row, col) tuples.
import { z } from 'zod';
import { defineBootcamp } from './define.ts';
import { parsePyLiteral, PyFloat, PyTuple, toJson, type PyValue } from './shared/py-literal.ts';
import { pyIsSpace } from './shared/py-str.ts';

const position = z.tuple([z.number().int(), z.number().int()]);
const groundTruth = z.looseObject({
  grid: z.array(z.array(z.number())),
  start_pos: position,
  end_pos: position,
});

/** The texts of ```json … ``` fences, whitespace-trimmed at both ends, as re.findall(r'```json\s*([\s\S]*?)\s*```') gives them. */
export function jsonFences(output: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const open = output.indexOf('```json', pos);
    if (open < 0) break;
    const close = output.indexOf('```', open + 7);
    if (close < 0) break;
    let start = open + 7;
    let end = close;
    while (start < end && pyIsSpace(output.charCodeAt(start))) start++;
    while (end > start && pyIsSpace(output.charCodeAt(end - 1))) end--;
    out.push(output.slice(start, end));
    pos = close + 3;
  }
  return out;
}

/** extract_output: the literal in the last json fence; the fence's raw text when it is not a literal (as the reference). */
export function extractMaze(output: string): PyValue | null {
  const fences = jsonFences(output);
  if (fences.length === 0) return null;
  const last = fences[fences.length - 1];
  try {
    return parsePyLiteral(last, { keepFloats: true });
  } catch {
    return last;
  }
}

/** The number a coordinate stands for (Python compares 1 == 1.0 == True), or undefined for non-numbers. */
function numeric(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** An int coordinate of a step; the reference indexes the grid with it, so anything else raised and scored 0. */
function asIndex(v: PyValue): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new TypeError('grid index is not an integer');
}

/** A step as (x, y): the reference unpacks each element, so only 2-item sequences (or 2-char strings) pass. */
function unpackPair(step: PyValue): [PyValue, PyValue] {
  const items = Array.isArray(step) ? step : step instanceof PyTuple ? step.items : typeof step === 'string' ? [...step] : undefined;
  if (!items || items.length !== 2) throw new TypeError('a path step is not a pair');
  return [items[0], items[1]];
}

function isTupleAt(step: PyValue, pos: readonly [number, number]): boolean {
  // Quirk kept: the reference compares with a tuple, so a step written as a list [0, 0] never equals the start.
  return step instanceof PyTuple && step.items.length === 2 && step.items.every((v, i) => numeric(v) === pos[i]);
}

export function checkMaze(solution: PyValue, gt: z.infer<typeof groundTruth>): boolean {
  const steps: readonly PyValue[] | undefined = Array.isArray(solution)
    ? solution
    : solution instanceof PyTuple
      ? solution.items
      : typeof solution === 'string'
        ? [...solution]
        : undefined;
  if (steps === undefined) {
    // None/0/False/{} are "not solution"; a dict or number cannot be indexed like a path.
    if (solution === null || solution === false || solution === 0) return false;
    throw new TypeError('the answer is not a sequence of steps');
  }
  if (steps.length === 0) return false;
  if (!isTupleAt(steps[0], gt.start_pos) || !isTupleAt(steps[steps.length - 1], gt.end_pos)) return false;
  const height = gt.grid.length;
  const width = height > 0 ? gt.grid[0].length : 0;
  let prev: [number, number] | undefined;
  for (const step of steps) {
    const [rawX, rawY] = unpackPair(step);
    // Bounds are checked by value before indexing, so a float in range only fails when it is used as an index.
    const x = numeric(rawX);
    const y = numeric(rawY);
    if (x === undefined || y === undefined) throw new TypeError('a coordinate is not a number');
    if (!(x >= 0 && x < height && y >= 0 && y < width)) return false;
    if (gt.grid[asIndex(rawX)][asIndex(rawY)] === 1) return false;
    if (prev && !((Math.abs(x - prev[0]) === 1 && y === prev[1]) || (Math.abs(y - prev[1]) === 1 && x === prev[0]))) return false;
    prev = [x, y];
  }
  return true;
}

export const maze = defineBootcamp({
  name: 'Maze',
  answerFormat: '```json [(row, col), ...] ``` path from start to end',
  groundTruth,
  extract: extractMaze,
  check: checkMaze,
  toJson: (value) => toJson(value),
});
