// Outputs of every shape for the core bootcamps' shared lines: right answers (from our own solvers), wrong
// ones, and format variants. Deterministic, so the reference's expected scores can be recorded once.
import { solveGame24 } from '../../src/samples/game24-cases.ts';
import { solveSudoku } from '../../src/samples/sudoku-cases.ts';
import { solveMaze } from '../../src/samples/maze-cases.ts';

export interface Variant {
  name: string;
  output: string;
}

const think = (s: string) => `<think>\n让我想想。Let me think.\n</think>\n${s}`;

export function game24Variants(gt: { puzzle: string; target: number }): Variant[] {
  const numbers = gt.puzzle.split(/\s+/).map(Number);
  const expr = solveGame24(numbers, gt.target);
  if (!expr) throw new Error(`no solution for ${gt.puzzle} -> ${gt.target}`);
  const wrongOp = expr.includes('+') ? expr.replace('+', '-') : expr.replace('*', '+');
  return [
    { name: 'right', output: `Final Answer: \\boxed{${expr}}` },
    { name: 'right with think and Chinese', output: think(`答案是 \\boxed{${expr}} 。`) },
    { name: 'right as latex', output: `\\boxed{${expr.replaceAll('*', ' \\times ').replaceAll('/', '\\div ')}}` },
    { name: 'right padded, CRLF', output: `\r\n  \\boxed{  ${expr}  }\r\n` },
    { name: 'right then wrong (last counts)', output: `\\boxed{${expr}} no wait \\boxed{${wrongOp}}` },
    { name: 'wrong then right (last counts)', output: `\\boxed{${wrongOp}} no wait \\boxed{${expr}}` },
    { name: 'missing a number', output: `\\boxed{${numbers.slice(1).join('+')}}` },
    { name: 'extra number', output: `\\boxed{${expr}+0}` },
    { name: 'spaced boxed form', output: `$\\boxed ${expr}$` },
    { name: 'no box', output: `The answer is ${expr}` },
    { name: 'unclosed box', output: `\\boxed{${expr}` },
    { name: 'power', output: `\\boxed{${numbers.join('**')}}` },
    { name: 'floor division', output: `\\boxed{${numbers.join('//')}}` },
    { name: 'empty', output: '' },
    { name: 'fence', output: '```\n\\boxed{' + expr + '}\n```' },
  ];
}

export function sudokuVariants(gt: { puzzle: number[][]; size: number; region_rows: number }): Variant[] {
  const solution = solveSudoku(gt.puzzle, gt.region_rows);
  if (!solution) throw new Error('unsolvable sudoku');
  const grid = (g: number[][]) => g.map((r) => r.join(' ')).join('\n');
  const swapped = solution.map((r) => [...r]);
  [swapped[0][0], swapped[0][1]] = [swapped[0][1], swapped[0][0]];
  const wrongGiven = solution.map((r) => [...r]);
  return [
    { name: 'right', output: `[answer]\n${grid(solution)}\n[/answer]` },
    { name: 'right with think and Chinese', output: think(`最终答案：\n[answer]\n${grid(solution)}\n[/answer]`) },
    { name: 'right, CRLF and padding', output: `[answer]\r\n  ${solution.map((r) => r.join('  ')).join(' \r\n ')} \r\n[/answer]` },
    { name: 'right then wrong', output: `[answer]\n${grid(solution)}\n[/answer] [answer]\n${grid(swapped)}\n[/answer]` },
    { name: 'wrong then right', output: `[answer]\n${grid(swapped)}\n[/answer] [answer]\n${grid(solution)}\n[/answer]` },
    { name: 'two cells swapped', output: `[answer]\n${grid(swapped)}\n[/answer]` },
    { name: 'puzzle with zeros', output: `[answer]\n${grid(gt.puzzle)}\n[/answer]` },
    { name: 'a row missing', output: `[answer]\n${grid(solution.slice(1))}\n[/answer]` },
    { name: 'commas', output: `[answer]\n${solution.map((r) => r.join(',')).join('\n')}\n[/answer]` },
    { name: 'wrong given kept', output: `[answer]\n${grid(wrongGiven.map((r) => r.map((v) => (v % gt.size) + 1)))}\n[/answer]` },
    { name: 'blank lines inside', output: `[answer]\n\n${grid(solution).replace('\n', '\n\n')}\n\n[/answer]` },
    { name: 'no tags', output: grid(solution) },
    { name: 'unclosed tag', output: `[answer]\n${grid(solution)}` },
    { name: 'empty tag', output: '[answer][/answer]' },
    { name: 'fence inside', output: `[answer]\n\`\`\`\n${grid(solution)}\n\`\`\`\n[/answer]` },
  ];
}

export function mazeVariants(gt: { grid: number[][]; start_pos: [number, number]; end_pos: [number, number] }): Variant[] {
  const path = solveMaze(gt.grid, gt.start_pos, gt.end_pos);
  if (!path) throw new Error('unsolvable maze');
  const tuples = (p: [number, number][]) => `[${p.map(([r, c]) => `(${r}, ${c})`).join(', ')}]`;
  const lists = (p: [number, number][]) => JSON.stringify(p);
  const fence = (s: string) => 'Final-answer: ```json\n' + s + '\n```';
  const jump = [path[0], ...path.slice(2)];
  return [
    { name: 'right', output: fence(tuples(path)) },
    { name: 'right with think and Chinese', output: think('路径如下：\n' + fence(tuples(path))) },
    { name: 'right as lists (refused by the reference)', output: fence(lists(path)) },
    { name: 'right, CRLF', output: 'Final-answer: ```json\r\n' + tuples(path) + '\r\n```' },
    { name: 'right as a tuple of tuples', output: fence(`(${path.map(([r, c]) => `(${r}, ${c})`).join(', ')})`) },
    { name: 'right then wrong', output: fence(tuples(path)) + '\n' + fence(tuples(jump)) },
    { name: 'wrong then right', output: fence(tuples(jump)) + '\n' + fence(tuples(path)) },
    { name: 'skips a cell', output: fence(tuples(jump)) },
    { name: 'reversed', output: fence(tuples([...path].reverse())) },
    { name: 'stops short', output: fence(tuples(path.slice(0, -1))) },
    { name: 'not a literal', output: fence('path: (0,0) -> (0,1)') },
    { name: 'float coordinates', output: fence(`[${path.map(([r, c]) => `(${r}.0, ${c})`).join(', ')}]`) },
    { name: 'empty list', output: fence('[]') },
    { name: 'no fence', output: tuples(path) },
    { name: 'unclosed fence', output: 'Final-answer: ```json\n' + tuples(path) },
  ];
}
