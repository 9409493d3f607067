// Latin squares, as several grid puzzles' references check them: every row and every column of an n×n grid
// holds 1..n exactly once.

/** xs is 1..n in some order. */
function isPermutationOf1ToN(xs: readonly number[], n: number): boolean {
  return xs.length === n && [...xs].sort((a, b) => a - b).every((v, i) => v === i + 1);
}

/** Every row and every column of the n×n grid is a permutation of 1..n. */
export function isLatinSquare(grid: readonly (readonly number[])[], n: number): boolean {
  if (grid.length !== n) return false;
  for (let i = 0; i < n; i++) {
    if (!isPermutationOf1ToN(grid[i], n)) return false;
    if (!isPermutationOf1ToN(grid.map((row) => row[i]), n)) return false;
  }
  return true;
}
