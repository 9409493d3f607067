// Galaxies: split the grid into regions, each containing its centre, 180°-symmetric about it and connected;
// [answer][{"center": (r, c), "cells": [(r, c), ...]}, ...][/answer], checked as the reference does.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { PyDict, PySet, PyTuple, toJson, type PyValue, pyNumber } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({ rows: z.number().int(), cols: z.number().int(), centers: z.array(z.array(z.number())) });

/** tuple(v) as Python builds it; raises (→ False) for what is not iterable. */
function pyTuple(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple || v instanceof PySet) return [...v.items];
  if (v instanceof PyDict) return v.entries.map(([k]) => k);
  if (typeof v === 'string') return Array.from(v);
  throw new TypeError('not iterable');
}

/** A number as Python's tuple equality and hashing see it (1 == 1.0 == True); undefined for anything else. */

/** A hashable key for a tuple of scalars; lists, dicts and sets inside are unhashable (TypeError → False). */
function key(items: readonly PyValue[]): string {
  return items
    .map((v) => {
      const n = pyNumber(v);
      if (n !== undefined) return `n${n}`;
      if (typeof v === 'string') return `s${JSON.stringify(v)}`;
      if (v === null) return 'None';
      throw new TypeError('unhashable');
    })
    .join(',');
}

const field = (g: PyDict, name: string) => g.get(name);

export const galaxies = defineBootcamp({
  name: 'Galaxies',
  answerFormat: '[answer][{"center": (r, c), "cells": [(r, c), ...]}, ...][/answer]; the last tag counts',
  groundTruth,
  extract: lastAnswerLiteral,
  toJson: (v) => toJson(v as PyValue),
  check: (solution: PyValue, gt) => {
    try {
      if (!Array.isArray(solution)) return false;
      for (const g of solution) {
        if (!(g instanceof PyDict) || field(g, 'center') === undefined || field(g, 'cells') === undefined) return false;
        const cells = field(g, 'cells');
        if (!Array.isArray(cells) || cells.length === 0) return false;
      }
      const galaxies = solution as PyDict[];
      const centers = new Set(galaxies.map((g) => key(pyTuple(field(g, 'center')!))));
      const expected = new Set(gt.centers.map((c) => key(c)));
      if (centers.size !== expected.size || ![...centers].every((c) => expected.has(c))) return false;
      const allCells = galaxies.flatMap((g) => (field(g, 'cells') as PyValue[]).map((c) => key(pyTuple(c))));
      const grid = new Set<string>();
      for (let r = 0; r < gt.rows; r++) for (let c = 0; c < gt.cols; c++) grid.add(key([r, c]));
      const cellSet = new Set(allCells);
      if (allCells.length !== grid.size || cellSet.size !== grid.size || ![...cellSet].every((c) => grid.has(c))) return false;
      for (const g of galaxies) {
        const cells = (field(g, 'cells') as PyValue[]).map(pyTuple);
        const keys = new Set(cells.map(key));
        const center = pyTuple(field(g, 'center')!);
        if (!keys.has(key(center))) return false;
        if (center.length !== 2) throw new TypeError('cannot unpack the centre');
        const [cx, cy] = center.map(pyNumber);
        for (const cell of cells) {
          if (cell.length !== 2) throw new TypeError('cannot unpack a cell');
          const [x, y] = cell.map(pyNumber);
          if (cx === undefined || cy === undefined || x === undefined || y === undefined) throw new TypeError('arithmetic on a non-number');
          if (!keys.has(key([2 * cx - x, 2 * cy - y]))) return false;
        }
        // Connected: breadth-first from the first cell over the four neighbours.
        const points = cells.map((c) => c.map(pyNumber) as [number, number]);
        const seen = new Set([key(points[0])]);
        const queue = [points[0]];
        while (queue.length > 0) {
          const [x, y] = queue.shift()!;
          for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
            const k = key([x + dx, y + dy]);
            if (keys.has(k) && !seen.has(k)) {
              seen.add(k);
              queue.push([x + dx, y + dy]);
            }
          }
        }
        if (seen.size !== keys.size) return false; // len(visited) == len(cells): repeated cells never match
        if (seen.size !== cells.length) return false;
      }
      return true;
    } catch {
      return false; // the reference wraps the whole check in try/except
    }
  },
});
