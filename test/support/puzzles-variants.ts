// Outputs of every shape for the grid-puzzle shared lines: the right answer (from the stored solution, or our
// Kakurasu solver), a wrong one, and format variants in the [answer]...[/answer] wrapper these references read.
import type { Variant } from './core-variants.ts';

type GT = Record<string, any>;
const tag = (a: string) => `[answer]${a}[/answer]`;

/** Kakurasu by backtracking over rows (each row a bit mask meeting its target). */
export function solveKakurasu(n: number, rowTargets: number[], colTargets: number[]): number[][] | undefined {
  const rowsFor = (target: number) => {
    const out: number[][] = [];
    for (let mask = 0; mask < 1 << n; mask++) {
      const row = Array.from({ length: n }, (_, j) => (mask >> j) & 1);
      if (row.reduce((s, c, j) => s + c * (j + 1), 0) === target) out.push(row);
    }
    return out;
  };
  const options = rowTargets.map(rowsFor);
  const grid: number[][] = [];
  const colSums = new Array<number>(n).fill(0);
  const place = (i: number): boolean => {
    if (i === n) return colSums.every((s, j) => s === colTargets[j]);
    for (const row of options[i]) {
      if (row.some((c, j) => colSums[j] + c * (i + 1) > colTargets[j])) continue;
      row.forEach((c, j) => (colSums[j] += c * (i + 1)));
      grid.push(row);
      if (place(i + 1)) return true;
      grid.pop();
      row.forEach((c, j) => (colSums[j] -= c * (i + 1)));
    }
    return false;
  };
  return place(0) ? grid : undefined;
}

function rightAndWrong(source: string, gt: GT): [string, string] {
  switch (source) {
    case 'Binairo': {
      const rows = gt.solution.map((r: number[]) => r.join(' '));
      return [`\n${rows.join('\n')}\n`, `\n${[...rows].reverse().join('\n')}\n`];
    }
    case 'Minesweeper': {
      const mines = gt.mines.map((m: number[]) => `[${m[0]}, ${m[1]}]`);
      return [`[${mines.join(', ')}]`, `[${mines.slice(1).join(', ')}]`];
    }
    case 'Tents': {
      const tents = gt.solution.map((t: number[]) => `(${t[0] + 1}, ${t[1] + 1})`);
      return [`[${tents.join(', ')}]`, `[${tents.slice(1).join(', ')}]`];
    }
    case 'Kakurasu': {
      const solved = solveKakurasu(gt.n, gt.row_targets, gt.col_targets);
      const text = (g: number[][]) => `[${g.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
      return solved ? [text(solved), text(solved.map((r) => r.map((c) => 1 - c)))] : ['unsolved', 'unsolved'];
    }
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

export function puzzleVariants(source: string, gt: GT): Variant[] {
  const [a, w] = rightAndWrong(source, gt);
  return [
    { name: 'right', output: `Final answer:\n${tag(a)}` },
    { name: 'right with think and Chinese', output: `<think>\n让我想想。${tag(w)}?\n</think>\n答案如下：${tag(a)}` },
    { name: 'right padded', output: tag(`   ${a}   `) },
    { name: 'right, CRLF', output: tag(a.replaceAll('\n', '\r\n')) },
    { name: 'right then wrong', output: `${tag(a)} no: ${tag(w)}` },
    { name: 'wrong then right', output: `${tag(w)} no: ${tag(a)}` },
    { name: 'wrong', output: tag(w) },
    { name: 'markdown fence inside', output: tag('```\n' + a + '\n```') },
    { name: 'as a list of lists', output: tag(a.replaceAll('(', '[').replaceAll(')', ']')) },
    { name: 'as tuples', output: tag(a.replaceAll('[', '(').replaceAll(']', ')')) },
    { name: 'no tag', output: a },
    { name: 'truncated tag', output: `[answer]${a}` },
    { name: 'empty', output: '' },
    { name: 'garbage', output: '[answer][/answer] [answer]((()))[/answer] [answer]{1: 2}[/answer]' },
    { name: 'floats', output: tag(a.replace(/\d+/g, (d) => `${d}.0`)) },
  ];
}
