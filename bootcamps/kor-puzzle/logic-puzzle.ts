// KorPuzzleLogicPuzzle: match years, windmills and families; [[1700 MolenE Family3, ...]] entries of three words.
// Kept on purpose: entries that are not three words are dropped, and an answer with none left scores 1 (the
// reference's loop over an empty list returns True).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pySplit, pyStrip } from '../shared/py-str.ts';

const groundTruth = z.looseObject({ assignments: z.array(z.looseObject({ year: z.number().int(), windmill: z.string(), family: z.string() })) });

export const korPuzzleLogicPuzzle = defineBootcamp({
  name: 'KorPuzzleLogicPuzzle',
  answerFormat: '[[year windmill family, ...]] (three words per entry; may span lines); last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    return pyStrip(last.replaceAll('\n', ' '))
      .split(',')
      .map(pyStrip)
      .map(pySplit)
      .filter((words) => words.length === 3);
  },
  check: (solution: string[][], gt) => {
    const correct = new Map<number, [string, string]>();
    for (const a of gt.assignments) correct.set(a.year, [a.windmill, a.family]);
    for (const entry of solution) {
      const year = pyInt(entry[0]);
      if (year === undefined) return false; // int() raises: False
      if (!correct.has(year)) return false;
      const [windmill, family] = correct.get(year)!;
      if (entry[1] !== windmill || entry[2] !== family) return false;
    }
    return true;
  },
});
