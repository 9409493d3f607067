// Small solvers of our own for KorPuzzle lines whose ground truth holds no answer (cryptarithms, Calcudoko,
// Skyscrapers). Backtracking is plenty at these sizes.
import { countVisible } from '../../bootcamps/kor-puzzle/skyscrapers.ts';

/** Digits for FCA+EAB=CBDD: distinct, no leading zero. */
export function solveCryptarithm(equation: string): Map<string, number> | undefined {
  const [left, right] = equation.split('=');
  const words = [...left.split('+'), right.trim()];
  const letters = [...new Set(words.join(''))];
  const leading = new Set(words.filter((w) => w.length > 1).map((w) => w[0]));
  // value(left) - value(right) as a weighted sum of the letters: solve weight·digits = 0.
  const weight = new Map<string, number>(letters.map((l) => [l, 0]));
  words.forEach((w, k) => {
    const sign = k === words.length - 1 ? -1 : 1;
    [...w].forEach((c, i) => weight.set(c, weight.get(c)! + sign * 10 ** (w.length - 1 - i)));
  });
  const order = [...letters].sort((a, b) => Math.abs(weight.get(b)!) - Math.abs(weight.get(a)!));
  const assigned = new Map<string, number>();
  const used = new Set<number>();
  const search = (k: number, partial: number): boolean => {
    if (k === order.length) return partial === 0;
    // Bound: the remaining letters can move the sum by at most 9·Σ|weight|.
    let room = 0;
    for (let j = k; j < order.length; j++) room += 9 * Math.abs(weight.get(order[j])!);
    if (Math.abs(partial) > room) return false;
    const letter = order[k];
    for (let d = leading.has(letter) ? 1 : 0; d <= 9; d++) {
      if (used.has(d)) continue;
      used.add(d);
      assigned.set(letter, d);
      if (search(k + 1, partial + weight.get(letter)! * d)) return true;
      used.delete(d);
      assigned.delete(letter);
    }
    return false;
  };
  return search(0, 0) ? assigned : undefined;
}

interface Region {
  cells: number[][];
  operator: string;
  target: number;
}

/** A grid for the Calcudoko ground truth (1-based cells), or undefined. */
export function solveCalcudoko(size: number, regions: readonly Region[]): number[][] | undefined {
  const grid = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const regionOf = new Map<string, Region>();
  for (const r of regions) for (const [row, col] of r.cells) regionOf.set(`${row - 1},${col - 1}`, r);
  const regionOk = (r: Region): boolean => {
    const nums = r.cells.map(([row, col]) => grid[row - 1][col - 1]);
    const filled = nums.filter((v) => v > 0);
    if (new Set(filled).size !== filled.length) return false;
    if (filled.length < nums.length) {
      if (r.operator === '+') return filled.reduce((a, b) => a + b, 0) < r.target;
      if (r.operator === '*') return r.target % filled.reduce((a, b) => a * b, 1) === 0;
      return true;
    }
    if (r.operator === '+') return nums.reduce((a, b) => a + b, 0) === r.target;
    if (r.operator === '*') return nums.reduce((a, b) => a * b, 1) === r.target;
    if (r.operator === '-') return Math.abs(nums[0] - nums[1]) === r.target;
    if (r.operator === '÷') return Math.max(...nums) / Math.min(...nums) === r.target;
    return false;
  };
  const place = (k: number): boolean => {
    if (k === size * size) return true;
    const i = Math.floor(k / size);
    const j = k % size;
    for (let v = 1; v <= size; v++) {
      if (grid[i].includes(v) || grid.some((row) => row[j] === v)) continue;
      grid[i][j] = v;
      const r = regionOf.get(`${i},${j}`);
      if ((!r || regionOk(r)) && place(k + 1)) return true;
      grid[i][j] = 0;
    }
    return false;
  };
  return place(0) ? grid : undefined;
}

/** A Latin square meeting the four visibility clue lists, or undefined. */
export function solveSkyscrapers(n: number, clues: { top: number[]; bottom: number[]; left: number[]; right: number[] }): number[][] | undefined {
  const perms: number[][] = [];
  const build = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) perms.push(prefix);
    rest.forEach((v, i) => build([...prefix, v], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  build([], Array.from({ length: n }, (_, i) => i + 1));
  const rows: number[][] = [];
  const search = (i: number): boolean => {
    if (i === n) {
      for (let j = 0; j < n; j++) {
        const col = rows.map((r) => r[j]);
        if (countVisible(col) !== clues.top[j] || countVisible([...col].reverse()) !== clues.bottom[j]) return false;
      }
      return true;
    }
    for (const p of perms) {
      if (countVisible(p) !== clues.left[i] || countVisible([...p].reverse()) !== clues.right[i]) continue;
      if (rows.some((r) => r.some((v, j) => v === p[j]))) continue;
      rows.push(p);
      if (search(i + 1)) return true;
      rows.pop();
    }
    return false;
  };
  return search(0) ? rows.map((r) => [...r]) : undefined;
}
