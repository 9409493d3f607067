// Thermometers: fill the grid with 1..size (a Latin square when enforce_latin) so that values rise strictly from
// each thermometer's bulb along its path; [answer] rows of numbers, one per line [/answer].
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastAnswerTag } from '../shared/answer-tag.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';
import { isLatinSquare } from '../shared/latin-square.ts';

const groundTruth = z.looseObject({
  size: z.number().int(),
  thermometers: z.array(z.looseObject({ path: z.array(z.array(z.number().int())) })),
  enforce_latin: z.boolean().optional(),
});

export const thermometers = defineBootcamp({
  name: 'Thermometers',
  answerFormat: '[answer] one row per line, numbers separated by spaces [/answer]; the last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastAnswerTag(output);
    if (last === null) return null;
    const rows = pyStrip(last).split('\n').map(pyStrip).filter((r) => r !== '');
    const grid: number[][] = [];
    for (const row of rows) {
      const numbers = pySplit(row).map(pyInt);
      if (numbers.some((v) => v === undefined)) return null; // ValueError: None
      grid.push(numbers as number[]);
    }
    if (grid.length === 0) return null; // grid[0] raises IndexError, which escapes: None (and 0)
    return grid.every((row) => row.length === grid[0].length) && grid.length === grid[0].length ? grid : null;
  },
  check: (grid: number[][], gt) => {
    const size = gt.size;
    if (grid.length !== size || grid.some((row) => row.length !== size)) return false;
    if (grid.some((row) => row.some((v) => !(v >= 1 && v <= size)))) return false;
    if (gt.enforce_latin ?? true) {
      if (!isLatinSquare(grid, size)) return false;
    }
    for (const { path } of gt.thermometers) {
      const values = path.map(([r, c]) => {
        const v = grid.at(r)?.[c < 0 ? grid[0].length + c : c]; // Python indexes from the end for negatives
        if (v === undefined) throw new RangeError('index out of range');
        return v;
      });
      for (let i = 0; i + 1 < values.length; i++) if (values[i] >= values[i + 1]) return false;
    }
    return true;
  },
});
