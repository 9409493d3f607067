// Minesweeper: list every mine; [answer][[row, col], ...][/answer] (0-based, lists of two), compared as a set
// with the mines after checking the bounds.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { PyDict, PyFloat, PySet, pyRepr, toJson, type PyValue, pyNumber } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ rows: z.number(), cols: z.number(), mines: z.array(z.array(z.number())).optional() });

/** A hashable key for a coordinate as Python's set of tuples would compare it (1 == 1.0 == True). */
function coordKey(coord: readonly PyValue[]): string {
  return coord.map((v) => (typeof v === 'boolean' ? String(Number(v)) : v instanceof PyFloat ? pyRepr(Number.isInteger(v.value) ? v.value : v) : pyRepr(v))).join(',');
}

const isUnhashable = (v: PyValue) => Array.isArray(v) || v instanceof PyDict || v instanceof PySet;

export const minesweeper = defineBootcamp({
  name: 'Minesweeper',
  answerFormat: '[answer][[row, col], ...][/answer], 0-based; the last tag counts',
  groundTruth,
  extract: (output) => {
    const parsed = lastAnswerLiteral(output);
    if (!Array.isArray(parsed) || !parsed.every((c) => Array.isArray(c) && c.length === 2)) return null;
    return parsed as PyValue[][];
  },
  toJson: (v) => toJson(v),
  check: (solution: PyValue[][], gt) => {
    if (solution.some((coord) => coord.some(isUnhashable))) return false; // TypeError building the set: False
    const given = new Map(solution.map((c) => [coordKey(c), c] as const));
    const mines = new Set((gt.mines ?? []).map((m) => coordKey(m)));
    if (given.size !== mines.size) return false;
    for (const [r, c] of given.values()) {
      const rn = pyNumber(r);
      const cn = pyNumber(c);
      if (rn === undefined || cn === undefined) throw new TypeError('comparison with a non-number'); // raises: 0
      if (!(rn >= 0 && rn < gt.rows && cn >= 0 && cn < gt.cols)) return false;
    }
    return [...given.keys()].every((k) => mines.has(k));
  },
});
