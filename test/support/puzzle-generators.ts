// Small seeded generators for the 17 grid puzzles: each builds a solved instance first and derives the clues
// from it, and returns the ground truth with a right answer (the generator's own solution, or one of our
// solvers' where the rules allow others) and a broken answer. The tests score both with the native verifiers.
type GT = Record<string, any>;

export interface GeneratedCase {
  gt: GT;
  right: string;
  broken: string;
}

/** Deterministic pseudo-random numbers (an LCG), so every run checks the same instances. */
export class Rng {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
    return this.seed;
  }
  int(n: number): number {
    return this.next() % n;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

const tag = (a: string) => `[answer]${a}[/answer]`;
const json = (a: string) => '```json\n' + a + '\n```';

/** A Latin square: rows are distinct cyclic shifts in a random order, values permuted. */
export function latinSquare(n: number, rng: Rng): number[][] {
  const values = rng.shuffle(Array.from({ length: n }, (_, i) => i + 1));
  return rng.shuffle(Array.from({ length: n }, (_, i) => i)).map((s) => Array.from({ length: n }, (_, j) => values[(s + j) % n]));
}

const neighbours4 = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const neighbours8 = [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]];

export const GENERATORS: Record<string, (rng: Rng) => GeneratedCase | undefined> = {
  Aquarium(rng) {
    const cols = 3 + rng.int(3);
    const rows = 3 + rng.int(3);
    const levels = Array.from({ length: cols }, () => rng.int(rows));
    const rowClues = Array.from({ length: rows }, (_, r) => levels.filter((l) => l >= r).length);
    return { gt: { regions: [], row_clues: rowClues, col_clues: levels.map((l) => l + 1) }, right: tag(levels.join(' ')), broken: tag(levels.map((l) => l + 1).join(' ')) };
  },
  Binairo(rng) {
    const n = 4;
    const solution = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(2)));
    const text = (g: number[][]) => `\n${g.map((r) => r.join(' ')).join('\n')}\n`;
    return { gt: { puzzle: solution, solution }, right: tag(text(solution)), broken: tag(text(solution.map((r) => r.map((v) => 1 - v)))) };
  },
  Minesweeper(rng) {
    const rows = 4 + rng.int(3);
    const cols = 4 + rng.int(3);
    const cells = rng.shuffle(Array.from({ length: rows * cols }, (_, k) => [Math.floor(k / cols), k % cols]));
    const mines = cells.slice(0, 3 + rng.int(3));
    const list = (ms: number[][]) => `[${ms.map(([r, c]) => `[${r}, ${c}]`).join(', ')}]`;
    return { gt: { rows, cols, mines }, right: tag(list(rng.shuffle([...mines]))), broken: tag(list(mines.slice(1))) };
  },
  Thermometers(rng) {
    const n = 4 + rng.int(2);
    const square = latinSquare(n, rng);
    // Thermometers along rising neighbour pairs of the square.
    const thermometers: GT[] = [];
    for (let k = 0; k < 3; k++) {
      const r = rng.int(n);
      const c = rng.int(n - 1);
      const [a, b] = square[r][c] < square[r][c + 1] ? [[r, c], [r, c + 1]] : [[r, c + 1], [r, c]];
      thermometers.push({ bulb: a, path: [a, b] });
    }
    const text = (g: number[][]) => `\n${g.map((row) => row.join(' ')).join('\n')}\n`;
    const broken = square.map((row) => [...row]);
    broken[0][0] = broken[0][1]; // a repeated value in the first row
    return { gt: { size: n, thermometers, enforce_latin: true }, right: tag(text(square)), broken: tag(text(broken)) };
  },
  Calcudoku(rng) {
    const n = 4;
    const square = latinSquare(n, rng);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const grid: string[][] = square.map(() => new Array<string>(n).fill(''));
    const groups: Record<string, [string, number]> = {};
    let g = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j += 2) {
        const name = letters[g++];
        grid[i][j] = grid[i][j + 1] = name;
        const [a, b] = [square[i][j], square[i][j + 1]];
        groups[name] = rng.int(2) === 0 ? ['+', a + b] : ['*', a * b];
      }
    }
    const text = (s: number[][]) => `[[${s.map((r) => r.join(' ')).join(',')}]]`;
    return { gt: { size: n, grid, groups }, right: text(square), broken: text([...square].reverse()) };
  },
  Cryptomath(rng) {
    const digits = rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const letters = 'ABCDEFGHIJ';
    const a = 10 + rng.int(80);
    const b = 10 + rng.int(80);
    const word = (x: number) => [...String(x)].map((d) => letters[digits.indexOf(Number(d))]).join('');
    const terms = [word(a), word(b)];
    const right = word(a + b);
    const all = [...new Set((terms.join('') + right).split(''))];
    const value = (l: string) => digits[letters.indexOf(l)];
    const answer = all.map((l) => `${l}=${value(l)}`).join(',');
    return { gt: { left_terms: terms, right_term: right, leading_letters: [...new Set([...terms, right].map((w) => w[0]))], all_letters: all }, right: `[[${answer}]]`, broken: `[[${all.map((l) => `${l}=${(value(l) + 1) % 10}`).join(',')}]]` };
  },
  Dominosa(rng) {
    // Horizontal dominoes row by row; each gets a different number pair.
    const rows = 3;
    const cols = 4;
    const pairs: [number, number][] = [];
    for (let a = 0; a <= 4; a++) for (let b = a; b <= 4; b++) pairs.push([a, b]);
    rng.shuffle(pairs);
    const grid = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    const dominoes: string[] = [];
    let k = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c += 2) {
        [grid[r][c], grid[r][c + 1]] = pairs[k++];
        dominoes.push(`(${r},${c}),(${r},${c + 1})`);
      }
    }
    return { gt: { grid, n: 4 }, right: tag(`\n${dominoes.join('\n')}\n`), broken: tag(`\n${dominoes.slice(1).join('\n')}\n`) };
  },
  Tents(rng) {
    const n = 6;
    const grid = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const tents: [number, number][] = [];
    for (let attempt = 0; attempt < 60 && tents.length < 4; attempt++) {
      const [x, y] = [rng.int(n), rng.int(n)];
      if (grid[x][y] || tents.some(([a, b]) => Math.abs(a - x) <= 1 && Math.abs(b - y) <= 1)) continue;
      const [dx, dy] = neighbours4[rng.int(4)];
      const [tx, ty] = [x + dx, y + dy];
      if (tx < 0 || tx >= n || ty < 0 || ty >= n || grid[tx][ty]) continue;
      // The tree may touch no other tent, so that each tree has exactly one tent beside it.
      if (tents.some(([a, b]) => Math.abs(a - tx) + Math.abs(b - ty) === 1)) continue;
      if (neighbours4.some(([ex, ey]) => grid[x + ex]?.[y + ey] === 1)) continue;
      grid[tx][ty] = 1;
      tents.push([x, y]);
    }
    const rowClues = Array.from({ length: n }, (_, r) => tents.filter(([x]) => x === r).length);
    const colClues = Array.from({ length: n }, (_, c) => tents.filter(([, y]) => y === c).length);
    const list = (ts: [number, number][]) => `[${ts.map(([x, y]) => `(${x + 1}, ${y + 1})`).join(', ')}]`;
    return { gt: { grid, row_clues: rowClues, col_clues: colClues }, right: tag(list(tents)), broken: tag(list(tents.slice(1))) };
  },
  Campsite(rng) {
    const n = 5;
    const grid = Array.from({ length: n }, () => new Array<string>(n).fill('X'));
    const tents: [number, number][] = [];
    for (let attempt = 0; attempt < 60 && tents.length < 3; attempt++) {
      const [x, y] = [rng.int(n), rng.int(n)];
      if (grid[x][y] !== 'X' || tents.some(([a, b]) => Math.abs(a - x) <= 1 && Math.abs(b - y) <= 1)) continue;
      const [dx, dy] = neighbours4[rng.int(4)];
      const [tx, ty] = [x + dx, y + dy];
      if (tx < 0 || tx >= n || ty < 0 || ty >= n || grid[tx][ty] !== 'X' || tents.some(([a, b]) => a === tx && b === ty)) continue;
      grid[tx][ty] = 'T';
      tents.push([x, y]);
    }
    const solution = grid.map((row) => [...row]);
    for (const [x, y] of tents) solution[x][y] = 'C';
    const rowC = Array.from({ length: n }, (_, r) => tents.filter(([x]) => x === r).length);
    const colC = Array.from({ length: n }, (_, c) => tents.filter(([, y]) => y === c).length);
    const text = (g: string[][]) => `[${g.map((r) => `[${r.map((c) => `'${c}'`).join(', ')}]`).join(', ')}]`;
    return { gt: { input_grid: grid, row_constraints: rowC, col_constraints: colC }, right: json(text(solution)), broken: json(text(grid)) };
  },
  Starbattle(rng) {
    // One star per row and column, never touching: a permutation with no adjacent rows a column apart.
    const n = 5;
    let cols: number[] | undefined;
    for (let attempt = 0; attempt < 200 && !cols; attempt++) {
      const p = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      if (p.every((c, r) => r === 0 || Math.abs(c - p[r - 1]) > 1)) cols = p;
    }
    if (!cols) return undefined;
    // Regions grown from the stars by breadth-first flood fill.
    const names = 'ABCDE';
    const grid: string[][] = Array.from({ length: n }, () => new Array<string>(n).fill(''));
    const queue: [number, number][] = cols.map((c, r) => [r, c]);
    queue.forEach(([r, c], k) => (grid[r][c] = names[k]));
    while (queue.length > 0) {
      const [r, c] = queue.shift()!;
      for (const [dr, dc] of rng.shuffle([...neighbours4])) {
        const [nr, nc] = [r + dr, c + dc];
        if (nr >= 0 && nr < n && nc >= 0 && nc < n && grid[nr][nc] === '') {
          grid[nr][nc] = grid[r][c];
          queue.push([nr, nc]);
        }
      }
    }
    const stars = cols.map((c, r) => `'${grid[r][c]}': [(${r + 1}, ${c + 1})]`);
    return { gt: { input_grid: grid }, right: json(`{${stars.join(', ')}}`), broken: json(`{${cols.map((c, r) => `'${grid[r][c]}': [(${r + 1}, ${((c + 1) % n) + 1})]`).join(', ')}}`) };
  },
  Arrowmaze(rng) {
    // A path of jumps from (0, 0) to the end cell; arrows along it point to the next cell, elsewhere at random.
    const n = 5;
    const arrows: Record<string, [number, number]> = { '↑': [-1, 0], '↓': [1, 0], '←': [0, -1], '→': [0, 1], '↖': [-1, -1], '↗': [-1, 1], '↙': [1, -1], '↘': [1, 1] };
    const symbols = Object.keys(arrows);
    const grid = Array.from({ length: n }, () => Array.from({ length: n }, () => symbols[rng.int(8)]));
    const path: [number, number][] = [[0, 0]];
    const labels = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    labels[0][0] = 1;
    for (let step = 0; step < 6; step++) {
      const [r, c] = path[path.length - 1];
      const options = symbols.flatMap((s) => [1, 2].map((k) => [s, r + arrows[s][0] * k, c + arrows[s][1] * k] as const)).filter(([, nr, nc]) => nr >= 0 && nr < n && nc >= 0 && nc < n && labels[nr][nc] === 0);
      if (options.length === 0) break;
      const [symbol, nr, nc] = options[rng.int(options.length)];
      grid[r][c] = symbol;
      path.push([nr, nc]);
      labels[nr][nc] = path.length;
    }
    const [er, ec] = path[path.length - 1];
    grid[er][ec] = '○';
    const text = (g: number[][]) => `[${g.map((row) => `[${row.join(', ')}]`).join(', ')}]`;
    const broken = labels.map((row) => [...row]);
    broken[er][ec] = 0;
    return { gt: { input_grid: grid, start_position: [0, 0] }, right: json(text(labels)), broken: json(text(broken)) };
  },
  Galaxies(rng) {
    const rows = 1 + 2 * (1 + rng.int(3));
    const cols = 1 + 2 * (1 + rng.int(3));
    const cells: string[] = [];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.push(`(${r}, ${c})`);
    const center = `(${(rows - 1) / 2}, ${(cols - 1) / 2})`;
    return { gt: { rows, cols, centers: [[(rows - 1) / 2, (cols - 1) / 2]] }, right: tag(`[{"center": ${center}, "cells": [${cells.join(', ')}]}]`), broken: tag(`[{"center": ${center}, "cells": [${cells.slice(1).join(', ')}]}]`) };
  },
  Stitches(rng) {
    // A rectangular loop; some of its cells numbered 2, some cells off it numbered 0.
    const n = 6;
    const [r0, c0] = [rng.int(2), rng.int(2)];
    const [r1, c1] = [r0 + 2 + rng.int(3), c0 + 2 + rng.int(3)];
    const loop: [number, number][] = [];
    for (let c = c0; c < c1; c++) loop.push([r0, c]);
    for (let r = r0; r < r1; r++) loop.push([r, c1]);
    for (let c = c1; c > c0; c--) loop.push([r1, c]);
    for (let r = r1; r > r0; r--) loop.push([r, c0]);
    const onLoop = new Set(loop.map(([r, c]) => `${r},${c}`));
    const numbered = [...loop.filter(() => rng.int(3) === 0).map(([x, y]) => ({ x, y, num: 2 }))];
    for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (!onLoop.has(`${x},${y}`) && rng.int(6) === 0) numbered.push({ x, y, num: 0 });
    const stitches = loop.map((a, i) => [a, loop[(i + 1) % loop.length]]);
    const text = (ss: number[][][]) => `[${ss.map(([a, b]) => `[(${a[0]},${a[1]}),(${b[0]},${b[1]})]`).join(', ')}]`;
    return { gt: { rows: n, cols: n, numbered_cells: numbered }, right: tag(text(stitches)), broken: tag(text(stitches.slice(1))) };
  },
  LightUp(rng) {
    // Random black cells; bulbs placed greedily in unlit white cells (so no two see each other); some black cells
    // numbered with their bulb count.
    const n = 5;
    const grid: string[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => (rng.int(5) === 0 ? 'B' : 'W')));
    const lit = grid.map((row) => row.map(() => false));
    const bulbs: [number, number][] = [];
    const light = (x: number, y: number) => {
      lit[x][y] = true;
      for (const [dx, dy] of neighbours4) for (let a = x + dx, b = y + dy; a >= 0 && a < n && b >= 0 && b < n && grid[a][b] === 'W'; a += dx, b += dy) lit[a][b] = true;
    };
    for (const k of rng.shuffle(Array.from({ length: n * n }, (_, i) => i))) {
      const [x, y] = [Math.floor(k / n), k % n];
      if (grid[x][y] === 'W' && !lit[x][y]) {
        bulbs.push([x, y]);
        light(x, y);
      }
    }
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        if (grid[x][y] !== 'B' || rng.int(2) === 0) continue;
        grid[x][y] = `B${neighbours4.filter(([dx, dy]) => bulbs.some(([a, b]) => a === x + dx && b === y + dy)).length}`;
      }
    }
    const list = (bs: [number, number][]) => `[${bs.map(([x, y]) => `(${x}, ${y})`).join(', ')}]`;
    return { gt: { grid, rows: n, cols: n }, right: tag(list(bulbs)), broken: tag(list(bulbs.slice(1))) };
  },
};
