// Maze cases of our own: a random grid with a carved path from start to end, and its shortest path by BFS.
import { randInt, type Rng } from './rng.ts';

/** Shortest path of open cells (0) from start to end, or undefined. */
export function solveMaze(grid: readonly (readonly number[])[], start: [number, number], end: [number, number]): [number, number][] | undefined {
  const h = grid.length;
  const w = grid[0]?.length ?? 0;
  const prev = new Map<number, number>();
  const key = (r: number, c: number) => r * w + c;
  const queue: [number, number][] = [start];
  prev.set(key(...start), -1);
  for (let q = 0; q < queue.length; q++) {
    const [r, c] = queue[q];
    if (r === end[0] && c === end[1]) {
      const path: [number, number][] = [];
      for (let k = key(r, c); k !== -1; k = prev.get(k)!) path.unshift([Math.floor(k / w), k % w]);
      return path;
    }
    for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nr = r + dr;
      const nc = c + dc;
      if (nr >= 0 && nr < h && nc >= 0 && nc < w && grid[nr][nc] === 0 && !prev.has(key(nr, nc))) {
        prev.set(key(nr, nc), key(r, c));
        queue.push([nr, nc]);
      }
    }
  }
  return undefined;
}

export interface MazeCase {
  data_source: 'Maze';
  prompt: string;
  ground_truth: { grid: number[][]; start_pos: [number, number]; end_pos: [number, number]; solution_path: [number, number][] };
  solution: string;
}

export function mazeCase(rng: Rng): MazeCase {
  const h = randInt(rng, 4, 8);
  const w = randInt(rng, 4, 8);
  const start: [number, number] = [0, 0];
  const end: [number, number] = [h - 1, w - 1];
  for (;;) {
    const grid = Array.from({ length: h }, () => Array.from({ length: w }, () => (rng() < 0.3 ? 1 : 0)));
    grid[0][0] = 0;
    grid[h - 1][w - 1] = 0;
    const path = solveMaze(grid, start, end);
    if (!path) continue;
    const drawn = grid.map((row, r) => row.map((v, c) => (r === 0 && c === 0 ? 'S' : r === h - 1 && c === w - 1 ? 'E' : v ? '#' : '.')).join(' ')).join('\n');
    return {
      data_source: 'Maze',
      prompt: `Find a path from S to E through open cells (.), moving up, down, left or right; # is a wall.\n${drawn}\nAnswer with the list of (row, col) coordinates, 0-based, in a markdown block:\nFinal-answer: \`\`\`json\n[(0, 0), ...]\n\`\`\``,
      ground_truth: { grid, start_pos: start, end_pos: end, solution_path: path },
      solution: `Following the open cells.\nFinal-answer: \`\`\`json\n[${path.map(([r, c]) => `(${r}, ${c})`).join(', ')}]\n\`\`\``,
    };
  }
}
