// Outputs of every shape for the grid-puzzle shared lines: the right answer (from the stored solution, or our
// Kakurasu solver), a wrong one, and format variants in the [answer]...[/answer] wrapper these references read.
import type { Variant } from './core-variants.ts';
import { cageHolds } from '../../bootcamps/puzzles/calcudoku.ts';
import { solveCryptarithm } from './kor-puzzle-solvers.ts';
import { ARROWS } from '../../bootcamps/puzzles/arrowmaze.ts';

type GT = Record<string, any>;
const answerTag = (a: string) => `[answer]${a}[/answer]`;

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

/** Futoshiki by backtracking over cells. */
export function solveFutoshiki(n: number, initial: number[][], inequalities: { cell1: number[]; cell2: number[]; symbol: string }[]): number[][] | undefined {
  const grid = initial.map((row) => [...row]);
  const ok = () =>
    inequalities.every(({ cell1: [i1, j1], cell2: [i2, j2], symbol }) => {
      const a = grid[i1][j1];
      const b = grid[i2][j2];
      return a === 0 || b === 0 || (symbol === '>' ? a > b : a < b);
    });
  const place = (k: number): boolean => {
    if (k === n * n) return true;
    const i = Math.floor(k / n);
    const j = k % n;
    if (initial[i][j] !== 0) return place(k + 1);
    for (let v = 1; v <= n; v++) {
      if (grid[i].includes(v) || grid.some((row) => row[j] === v)) continue;
      grid[i][j] = v;
      if (ok() && place(k + 1)) return true;
      grid[i][j] = 0;
    }
    return false;
  };
  return place(0) ? grid : undefined;
}

/** Nonograms: every placement of each row's runs, columns checked as prefixes while rows are chosen. */
export function solveNonogram(rowClues: number[][], colClues: number[][]): boolean[][] | undefined {
  const width = colClues.length;
  const placements = (clue: number[]): boolean[][] => {
    if (clue.length === 0) return [new Array<boolean>(width).fill(false)];
    const out: boolean[][] = [];
    const build = (k: number, start: number, row: boolean[]) => {
      if (k === clue.length) return void out.push(row);
      const rest = clue.slice(k + 1).reduce((s, c) => s + c + 1, 0);
      for (let at = start; at + clue[k] + rest <= width; at++) {
        const next = [...row];
        for (let x = at; x < at + clue[k]; x++) next[x] = true;
        build(k + 1, at + clue[k] + 1, next);
      }
    };
    build(0, 0, new Array<boolean>(width).fill(false));
    return out;
  };
  const options = rowClues.map(placements);
  const rows: boolean[][] = [];
  const columnPrefixOk = (final: boolean) =>
    colClues.every((clue, j) => {
      const runs: number[] = [];
      let current = 0;
      for (const row of rows) {
        if (row[j]) current++;
        else if (current > 0) {
          runs.push(current);
          current = 0;
        }
      }
      if (final) {
        if (current > 0) runs.push(current);
        return runs.length === clue.length && runs.every((r, k) => r === clue[k]);
      }
      if (runs.length > clue.length || runs.some((r, k) => r !== clue[k])) return false;
      return current === 0 || (runs.length < clue.length && current <= clue[runs.length]);
    });
  const search = (i: number): boolean => {
    if (i === rowClues.length) return columnPrefixOk(true);
    for (const row of options[i]) {
      rows.push(row);
      if (columnPrefixOk(false) && search(i + 1)) return true;
      rows.pop();
    }
    return false;
  };
  return search(0) ? rows.map((r) => [...r]) : undefined;
}

/** Star Battle with one star per row, column and region, no two touching: 1-based (row, col) per region. */
export function solveStarbattle(grid: string[][]): Map<string, [number, number]> | undefined {
  const n = grid.length;
  const cols: number[] = [];
  const usedCols = new Set<number>();
  const usedRegions = new Set<string>();
  const search = (r: number): boolean => {
    if (r === n) return true;
    for (let c = 0; c < grid[r].length; c++) {
      if (usedCols.has(c) || usedRegions.has(grid[r][c])) continue;
      if (r > 0 && Math.abs(cols[r - 1] - c) <= 1) continue;
      cols.push(c);
      usedCols.add(c);
      usedRegions.add(grid[r][c]);
      if (search(r + 1)) return true;
      cols.pop();
      usedCols.delete(c);
      usedRegions.delete(grid[r][c]);
    }
    return false;
  };
  if (!search(0)) return undefined;
  return new Map(cols.map((c, r) => [grid[r][c], [r + 1, c + 1]] as const));
}

/** Calcudoku (cages by letter, the reference's cage rules) by backtracking; a cage is checked once full. */
export function solveCalcudokuGrid(n: number, cageOf: string[][], groups: Record<string, [string, number]>): number[][] | undefined {
  const grid = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const cells = new Map<string, [number, number][]>();
  cageOf.forEach((row, i) => row.forEach((g, j) => cells.set(g, [...(cells.get(g) ?? []), [i, j]])));
  const place = (k: number): boolean => {
    if (k === n * n) return true;
    const i = Math.floor(k / n);
    const j = k % n;
    for (let v = 1; v <= n; v++) {
      if (grid[i].includes(v) || grid.some((row) => row[j] === v)) continue;
      grid[i][j] = v;
      const cage = cells.get(cageOf[i][j])!;
      const values = cage.map(([r, c]) => grid[r][c]);
      const filled = values.filter((x) => x > 0);
      const rule = groups[cageOf[i][j]];
      let possible = true;
      if (rule && filled.length === values.length) possible = cageHolds(rule[0], rule[1], values);
      else if (rule?.[0] === '+') possible = filled.reduce((a, b) => a + b, 0) + (values.length - filled.length) <= rule[1];
      else if (rule?.[0] === '*') possible = rule[1] % filled.reduce((a, b) => a * b, 1) === 0;
      if (possible && place(k + 1)) return true;
      grid[i][j] = 0;
    }
    return false;
  };
  return place(0) ? grid : undefined;
}

/** Thermometers: a Latin square (when asked) with values rising along each path; each cell's value is bounded
 * by its place on its paths, and only the path neighbours of the cell just filled are checked. */
export function solveThermometers(n: number, paths: number[][][], latin: boolean): number[][] | undefined {
  const grid = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const lo = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  const hi = Array.from({ length: n }, () => new Array<number>(n).fill(n));
  const neighbours = Array.from({ length: n }, () => Array.from({ length: n }, () => [] as [number, number, 'before' | 'after'][]));
  for (const path of paths) {
    path.forEach(([r, c], k) => {
      lo[r][c] = Math.max(lo[r][c], k + 1);
      hi[r][c] = Math.min(hi[r][c], n - (path.length - 1 - k));
      if (k > 0) neighbours[r][c].push([path[k - 1][0], path[k - 1][1], 'before']);
      if (k + 1 < path.length) neighbours[r][c].push([path[k + 1][0], path[k + 1][1], 'after']);
    });
  }
  const candidates = (i: number, j: number) => {
    const out: number[] = [];
    for (let v = lo[i][j]; v <= hi[i][j]; v++) {
      if (latin && (grid[i].includes(v) || grid.some((row) => row[j] === v))) continue;
      if (neighbours[i][j].every(([r, c, side]) => grid[r][c] === 0 || (side === 'before' ? grid[r][c] < v : grid[r][c] > v))) out.push(v);
    }
    return out;
  };
  // Most constrained cell first: the one with the fewest candidates.
  const place = (): boolean => {
    let best: [number, number, number[]] | undefined;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (grid[i][j] !== 0) continue;
        const options = candidates(i, j);
        if (options.length === 0) return false;
        if (!best || options.length < best[2].length) best = [i, j, options];
      }
    }
    if (!best) return true;
    const [i, j, options] = best;
    for (const v of options) {
      grid[i][j] = v;
      if (place()) return true;
      grid[i][j] = 0;
    }
    return false;
  };
  return place() ? grid : undefined;
}

/** Dominosa by backtracking: the first uncovered cell pairs with its right or lower neighbour. */
export function solveDominosa(grid: number[][]): [number, number][][] | undefined {
  const rows = grid.length;
  const cols = grid[0].length;
  const covered = grid.map((row) => row.map(() => false));
  const used = new Set<string>();
  const dominoes: [number, number][][] = [];
  const search = (): boolean => {
    const k = covered.flat().indexOf(false);
    if (k < 0) return true;
    const r = Math.floor(k / cols);
    const c = k % cols;
    for (const [r2, c2] of [[r, c + 1], [r + 1, c]]) {
      if (r2 >= rows || c2 >= cols || covered[r2][c2]) continue;
      const a = grid[r][c];
      const b = grid[r2][c2];
      const key = a <= b ? `${a},${b}` : `${b},${a}`;
      if (used.has(key)) continue;
      used.add(key);
      covered[r][c] = covered[r2][c2] = true;
      dominoes.push([[r, c], [r2, c2]]);
      if (search()) return true;
      dominoes.pop();
      covered[r][c] = covered[r2][c2] = false;
      used.delete(key);
    }
    return false;
  };
  return search() ? dominoes : undefined;
}

/** Light Up by backtracking over white cells (bulb or not), with clue and sight checks as cells are decided. */
export function solveLightUp(grid: string[][]): [number, number][] | undefined {
  const rows = grid.length;
  const cols = grid[0].length;
  const bulb = grid.map((row) => row.map(() => false));
  const white: [number, number][] = [];
  grid.forEach((row, i) => row.forEach((c, j) => c.startsWith('W') && white.push([i, j])));
  const sees = (i: number, j: number) => {
    for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
      for (let x = i + dx, y = j + dy; x >= 0 && x < rows && y >= 0 && y < cols && !grid[x][y].startsWith('B'); x += dx, y += dy) if (bulb[x][y]) return true;
    }
    return false;
  };
  const clueOk = (final: boolean) =>
    grid.every((row, i) =>
      row.every((c, j) => {
        if (!(c.startsWith('B') && /^\d/.test(c.slice(1)))) return true;
        const around = [[-1, 0], [1, 0], [0, -1], [0, 1]].map(([dx, dy]) => [i + dx, j + dy]).filter(([x, y]) => x >= 0 && x < rows && y >= 0 && y < cols);
        const placed = around.filter(([x, y]) => bulb[x][y]).length;
        return final ? placed === Number(c[1]) : placed <= Number(c[1]);
      }),
    );
  const search = (k: number): boolean => {
    if (k === white.length) return clueOk(true) && white.every(([i, j]) => bulb[i][j] || sees(i, j));
    const [i, j] = white[k];
    if (!sees(i, j)) {
      bulb[i][j] = true;
      if (clueOk(false) && search(k + 1)) return true;
      bulb[i][j] = false;
    }
    return search(k + 1);
  };
  return search(0) ? white.filter(([i, j]) => bulb[i][j]) : undefined;
}

/** An arrow-maze path from the start to ○ by depth-first search over jumps along each arrow; labels 1..k. */
export function solveArrowmaze(grid: string[][], start: [number, number]): number[][] | undefined {
  const rows = grid.length;
  const cols = grid[0].length;
  const labels = grid.map((row) => row.map(() => 0));
  const visit = (r: number, c: number, k: number): boolean => {
    labels[r][c] = k;
    if (grid[r][c] === '○') return true;
    const arrow = ARROWS[grid[r][c]];
    if (arrow) {
      for (let step = 1; ; step++) {
        const nr = r + arrow[0] * step;
        const nc = c + arrow[1] * step;
        if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) break;
        if (labels[nr][nc] === 0 && visit(nr, nc, k + 1)) return true;
      }
    }
    labels[r][c] = 0;
    return false;
  };
  return visit(start[0], start[1], 1) ? labels : undefined;
}

/** Campsite: tents on empty cells beside a tree, not touching, meeting the row and column counts. */
export function solveCampsite(grid: string[][], rowCounts: number[], colCounts: number[]): string[][] | undefined {
  const n = grid.length;
  const m = grid[0].length;
  const sol = grid.map((row) => [...row]);
  const rowsLeft = [...rowCounts];
  const colsLeft = [...colCounts];
  const nearTree = (r: number, c: number) => [[-1, 0], [1, 0], [0, -1], [0, 1]].some(([dr, dc]) => grid[r + dr]?.[c + dc] === 'T');
  const touching = (r: number, c: number) =>
    [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]].some(([dr, dc]) => sol[r + dr]?.[c + dc] === 'C');
  const search = (k: number): boolean => {
    if (k === n * m) return rowsLeft.every((v) => v === 0) && colsLeft.every((v) => v === 0);
    const r = Math.floor(k / m);
    const c = k % m;
    if (c === 0 && r > 0 && rowsLeft[r - 1] !== 0) return false; // the finished row missed its count
    if (grid[r][c] === 'X' && rowsLeft[r] > 0 && colsLeft[c] > 0 && nearTree(r, c) && !touching(r, c)) {
      sol[r][c] = 'C';
      rowsLeft[r]--;
      colsLeft[c]--;
      if (search(k + 1)) return true;
      sol[r][c] = 'X';
      rowsLeft[r]++;
      colsLeft[c]++;
    }
    return search(k + 1);
  };
  return search(0) ? sol : undefined;
}

/** Stitches: one simple loop through every cell numbered 2 and none numbered 0, by depth-first search. */
export function solveStitches(rows: number, cols: number, numbered: { x: number; y: number; num: number }[]): [number, number][] | undefined {
  const required = new Set(numbered.filter((c) => c.num === 2).map((c) => c.x * cols + c.y));
  const forbidden = new Set(numbered.filter((c) => c.num !== 2).map((c) => c.x * cols + c.y));
  if (numbered.some((c) => c.num !== 0 && c.num !== 2) || required.size === 0) return undefined;
  // First try every rectangle's border as the loop: cheap, and it answers most generated puzzles.
  for (let r0 = 0; r0 < rows; r0++) for (let c0 = 0; c0 < cols; c0++) for (let r1 = r0 + 1; r1 < rows; r1++) for (let c1 = c0 + 1; c1 < cols; c1++) {
    const ring: number[] = [];
    for (let c = c0; c < c1; c++) ring.push(r0 * cols + c);
    for (let r = r0; r < r1; r++) ring.push(r * cols + c1);
    for (let c = c1; c > c0; c--) ring.push(r1 * cols + c);
    for (let r = r1; r > r0; r--) ring.push(r * cols + c0);
    const onRing = new Set(ring);
    if ([...required].every((v) => onRing.has(v)) && !ring.some((v) => forbidden.has(v))) return ring.map((v) => [Math.floor(v / cols), v % cols]);
  }
  const start = [...required][0];
  const onPath = new Set<number>([start]);
  const path = [start];
  const neighbours = (v: number) => {
    const x = Math.floor(v / cols);
    const y = v % cols;
    return [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]].filter(([a, b]) => a >= 0 && a < rows && b >= 0 && b < cols).map(([a, b]) => a * cols + b).filter((w) => !forbidden.has(w));
  };
  let budget = 200_000; // give up on a hard line rather than slow the tests
  const distance = (a: number, b: number) => Math.abs(Math.floor(a / cols) - Math.floor(b / cols)) + Math.abs((a % cols) - (b % cols));
  // An unvisited required cell needs two ways in and out that are still free (or the path's ends).
  const feasible = (end: number) =>
    [...required].every((r) => onPath.has(r) || neighbours(r).filter((w) => !onPath.has(w) || w === end || w === start).length >= 2);
  const search = (v: number): boolean => {
    if (--budget < 0 || !feasible(v)) return false;
    const missing = [...required].filter((r) => !onPath.has(r));
    const toward = (w: number) => (missing.length === 0 ? distance(w, start) : Math.min(...missing.map((r) => distance(w, r))));
    for (const w of neighbours(v).sort((a, b) => toward(a) - toward(b))) {
      if (w === start && path.length >= 4 && [...required].every((r) => onPath.has(r))) return true;
      if (onPath.has(w)) continue;
      onPath.add(w);
      path.push(w);
      if (search(w)) return true;
      path.pop();
      onPath.delete(w);
    }
    return false;
  };
  return search(start) ? path.map((v) => [Math.floor(v / cols), v % cols]) : undefined;
}

function rightAndWrong(source: string, gt: GT): [string, string] {
  switch (source) {
    case 'Stitches': {
      const loop = solveStitches(gt.rows, gt.cols, gt.numbered_cells);
      if (!loop) return ['unsolved', 'unsolved'];
      const stitchesText = (cells: [number, number][], closed: boolean) => {
        const pairs = cells.map((c, i) => [c, cells[(i + 1) % cells.length]] as const).slice(0, closed ? cells.length : cells.length - 1);
        return `[${pairs.map(([a, b]) => `[(${a[0]},${a[1]}),(${b[0]},${b[1]})]`).join(', ')}]`;
      };
      return [stitchesText(loop, true), stitchesText(loop, false)];
    }
    case 'Galaxies': {
      // Every shared line has one centre in the middle: the whole grid is its galaxy.
      if (gt.centers.length !== 1) return ['unsolved', 'unsolved'];
      const cells: string[] = [];
      for (let r = 0; r < gt.rows; r++) for (let c = 0; c < gt.cols; c++) cells.push(`(${r}, ${c})`);
      const [cr, cc] = gt.centers[0];
      return [`[{"center": (${cr}, ${cc}), "cells": [${cells.join(', ')}]}]`, `[{"center": (${cr}, ${cc}), "cells": [${cells.slice(1).join(', ')}]}]`];
    }
    case 'Campsite': {
      const solved = solveCampsite(gt.input_grid, gt.row_constraints, gt.col_constraints);
      if (!solved) return ['unsolved', 'unsolved'];
      const text = (g: string[][]) => `[${g.map((r) => `[${r.map((c) => `'${c}'`).join(', ')}]`).join(',\n')}]`;
      return [text(solved), text(grid2(gt.input_grid))];
    }
    case 'Arrowmaze': {
      const solved = solveArrowmaze(gt.input_grid, gt.start_position ?? [0, 0]);
      if (!solved) return ['unsolved', 'unsolved'];
      const text = (g: number[][]) => `[${g.map((r) => `[${r.join(', ')}]`).join(',\n')}]`;
      const wrong = solved.map((r) => [...r]);
      wrong[0][0] = 0;
      return [text(solved), text(wrong)];
    }
    case 'LightUp': {
      const solved = solveLightUp(gt.grid);
      if (!solved) return ['unsolved', 'unsolved'];
      const text = (bs: [number, number][]) => `[${bs.map(([x, y]) => `(${x}, ${y})`).join(', ')}]`;
      return [text(solved), text(solved.slice(1))];
    }
    case 'Dominosa': {
      const solved = solveDominosa(gt.grid);
      if (!solved) return ['unsolved', 'unsolved'];
      const text = (ds: [number, number][][]) => `\n${ds.map(([[a, b], [c, d]]) => `(${a},${b}),(${c},${d})`).join('\n')}\n`;
      return [text(solved), text(solved.slice(1))];
    }
    case 'Calcudoku': {
      const solved = solveCalcudokuGrid(gt.size, gt.grid, gt.groups);
      const text = (g: number[][]) => g.map((r) => r.join(' ')).join(',');
      return solved ? [text(solved), text([...solved].reverse())] : ['unsolved', 'unsolved'];
    }
    case 'Cryptomath': {
      const solved = solveCryptarithm(`${gt.left_terms.join('+')}=${gt.right_term}`);
      if (!solved) return ['unsolved', 'unsolved'];
      const pairs = [...solved];
      return [pairs.map(([l, d]) => `${l}=${d}`).join(','), pairs.map(([l, d]) => `${l}=${(d + 1) % 10}`).join(',')];
    }
    case 'Thermometers': {
      const solved = solveThermometers(gt.size, gt.thermometers.map((t: GT) => t.path), gt.enforce_latin ?? true);
      const text = (g: number[][]) => `\n${g.map((r) => r.join(' ')).join('\n')}\n`;
      return solved ? [text(solved), text([...solved].reverse())] : ['unsolved', 'unsolved'];
    }
    case 'Aquarium': {
      const levels = gt.col_clues.map((c: number) => c - 1);
      return [levels.join(' '), levels.map((l: number) => l + 1).join(' ')];
    }
    case 'Futoshiki': {
      const solved = solveFutoshiki(gt.size, gt.initial, gt.inequalities);
      const text = (g: number[][]) => `[${g.map((r) => `[${r.join(', ')}]`).join(',\n')}]`;
      return solved ? [text(solved), text([...solved].reverse())] : ['unsolved', 'unsolved'];
    }
    case 'Nonograms': {
      const solved = solveNonogram(gt.rows, gt.columns);
      const text = (g: boolean[][]) => `\n${g.map((r) => r.map((c) => (c ? 'X' : '.')).join('')).join('\n')}\n`;
      return solved ? [text(solved), text(solved.map((r) => r.map((c) => !c)))] : ['unsolved', 'unsolved'];
    }
    case 'Starbattle': {
      const solved = solveStarbattle(gt.input_grid);
      if (!solved) return ['unsolved', 'unsolved'];
      const regions = [...solved.keys()].sort();
      const text = (shift: number) => `{${regions.map((k) => `'${k}': [(${solved.get(k)![0]}, ${solved.get(k)![1] + shift})]`).join(', ')}}`;
      return [text(0), text(1)];
    }
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
  // Star Battle answers in a ```json block, Calcudoku and Cryptomath in [[...]], the others between [answer] tags.
  const tag =
    source === 'Starbattle' || source === 'Arrowmaze' || source === 'Campsite' ? (x: string) => '```json\n' + x + '\n```' : source === 'Calcudoku' || source === 'Cryptomath' ? (x: string) => `[[${x}]]` : answerTag;
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

/** The puzzle grid itself: right shape, no tents, so it fails the counts. */
function grid2(g: string[][]): string[][] {
  return g.map((r) => [...r]);
}
