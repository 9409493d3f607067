// Stitches: draw stitches between neighbouring cells so that they form one closed loop and every numbered cell has
// that many stitches; [answer][[(x1,y1),(x2,y2)], ...][/answer] with tuples. As the reference checks it: every
// stitched cell has exactly two stitches (its path walk stops at once on such a cell), numbers match, and the
// stitched cells are connected.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerLiteral } from '../shared/answer-tag.ts';
import { PyTuple, toJson, type PyValue, pyNumber, pySequence } from '../shared/py-literal.ts';

const groundTruth = z.looseObject({
  rows: z.number().int(),
  cols: z.number().int(),
  numbered_cells: z.array(z.looseObject({ x: z.number(), y: z.number(), num: z.number() })),
});


export const stitches = defineBootcamp({
  name: 'Stitches',
  answerFormat: '[answer][[(x1,y1),(x2,y2)], ...][/answer] with tuple cells; the last tag counts',
  groundTruth,
  extract: (output) => {
    const parsed = lastAnswerLiteral(output);
    if (!Array.isArray(parsed)) return null;
    for (const stitch of parsed) {
      const parts = pySequence(stitch, { strings: true });
      if (!parts) return null; // len() raises inside the reference's try: None
      if (parts.length !== 2 || !parts.every((p) => p instanceof PyTuple && p.items.length === 2)) return null;
    }
    return parsed;
  },
  toJson: (v) => toJson(v as PyValue),
  check: (solution: PyValue[], gt) => {
    const cellKey = (x: number, y: number) => `${x},${y}`;
    const edges = new Map<string, [string, string]>();
    for (const stitch of solution) {
      const [p1, p2] = pySequence(stitch, { strings: true })! as PyTuple[];
      const [x1, y1, x2, y2] = [...p1.items, ...p2.items].map(pyNumber);
      if (x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) return false; // TypeError: False
      const inside = (x: number, y: number) => x >= 0 && x < gt.rows && y >= 0 && y < gt.cols;
      if (!inside(x1, y1) || !inside(x2, y2)) return false;
      const dx = Math.abs(x1 - x2);
      const dy = Math.abs(y1 - y2);
      if (!((dx === 1 && dy === 0) || (dy === 1 && dx === 0))) return false;
      const a = cellKey(x1, y1);
      const b = cellKey(x2, y2);
      edges.set(a < b ? `${a}|${b}` : `${b}|${a}`, [a, b]); // a set of frozensets: repeats collapse
    }
    const graph = new Map<string, string[]>();
    for (const [a, b] of edges.values()) {
      graph.set(a, [...(graph.get(a) ?? []), b]);
      graph.set(b, [...(graph.get(b) ?? []), a]);
    }
    const numbered = new Map(gt.numbered_cells.map((c) => [cellKey(c.x, c.y), c.num] as const));
    for (const [cell, wanted] of numbered) if ((graph.get(cell)?.length ?? 0) !== wanted) return false;
    for (const neighbours of graph.values()) if (neighbours.length !== 2) return false;
    if (graph.size > 0) {
      const start = graph.keys().next().value as string;
      const seen = new Set([start]);
      const stack = [start];
      while (stack.length > 0) for (const next of graph.get(stack.pop()!)!) if (!seen.has(next)) seen.add(next), stack.push(next);
      if (seen.size !== graph.size) return false;
    }
    return true;
  },
});
