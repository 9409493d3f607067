// KorPuzzleWordSearch: locate each listed word in the letter grid; one line per word, in list order:
// [[WORD (r1,c1)(r2,c2)...]], checked by reading the grid along that straight line (either direction).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { lastBracketContent } from '../kor-logic/last-bracket.ts';
import { pyInt, pyStrip } from '../shared/py-str.ts';

// re.match(r'^(\w+)\s*\((\d+),(\d+)\)\((\d+),(\d+)\)$', line) with Python's Unicode \w, \s and \d.
const LINE = /^([\p{L}\p{N}_]+)[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\((\p{Nd}+),(\p{Nd}+)\)\((\p{Nd}+),(\p{Nd}+)\)\n?$/u;

type Placement = [word: string, start: [number, number], end: [number, number]];
const groundTruth = z.looseObject({ grid: z.array(z.array(z.string())), word_list: z.array(z.string()) });

/** Python's // on ints. */
const floorDiv = (a: number, b: number) => Math.floor(a / b);

export const korPuzzleWordSearch = defineBootcamp({
  name: 'KorPuzzleWordSearch',
  answerFormat: '[[WORD (r,c)(r,c)]] one word per line, in the word list\'s order; last tag counts',
  groundTruth,
  extract: (output) => {
    const last = lastBracketContent(output, true);
    if (last === null) return null;
    const solution: Placement[] = [];
    for (const raw of pyStrip(last).split('\n')) {
      const m = LINE.exec(pyStrip(raw));
      if (m) solution.push([m[1].toUpperCase(), [pyInt(m[2])!, pyInt(m[3])!], [pyInt(m[4])!, pyInt(m[5])!]]);
    }
    return solution.length > 0 ? solution : null;
  },
  check: (solution: Placement[], gt) => {
    const words = gt.word_list.map((w) => w.toUpperCase());
    if (solution.length !== words.length) return false;
    const rows = gt.grid.length;
    for (const [i, [word, [sr, sc], [er, ec]]] of solution.entries()) {
      const target = words[i];
      if (word.toUpperCase() !== target) return false;
      const length = Array.from(target).length;
      const stepY = length > 1 ? floorDiv(er - sr, length - 1) : er - sr;
      const stepX = length > 1 ? floorDiv(ec - sc, length - 1) : ec - sc;
      if (length > 1 && (Math.abs(stepX) > 1 || Math.abs(stepY) > 1)) return false;
      let formed = '';
      for (let j = 0; j < length; j++) {
        const r = sr + j * stepY;
        const c = sc + j * stepX;
        if (!(r >= 0 && r < rows && c >= 0 && c < (gt.grid[0]?.length ?? 0))) return false;
        const cell = gt.grid[r][c];
        if (cell === undefined) throw new RangeError('index out of range');
        formed += cell.toUpperCase();
      }
      if (formed !== target && formed !== Array.from(target).reverse().join('')) return false;
    }
    return true;
  },
});
