// Outputs for an Arc line, built from the grid its test input should give (recorded from the reference, see
// test/fixtures/arc/expected-outputs.json): the right grid in the prompt's own layout and others, a wrong cell,
// the answer twice in both orders, and malformed replies.
import type { Variant } from './core-variants.ts';

type Grid = number[][];

const layout = (g: Grid) => '[\n' + g.map((r) => '[' + r.join(', ') + ']').join(',\n') + '\n]';
const think = (s: string) => `<think>\n让我想想。Let me think.\n</think>\n${s}`;

export function arcVariants(expected: Grid): Variant[] {
  const right = layout(expected);
  const wrongGrid = expected.map((r, i) => r.map((v, j) => (i === 0 && j === 0 ? (v + 1) % 10 : v)));
  const wrong = layout(wrongGrid);
  const extraRow = layout([...expected, expected[0]]);
  return [
    { name: 'right', output: `The output grid is:\n\`\`\`arcmatrix\n${right}\n\`\`\`` },
    { name: 'right, compact JSON', output: `Answer: ${JSON.stringify(expected)}` },
    { name: 'wrong cell', output: `\`\`\`arcmatrix\n${wrong}\n\`\`\`` },
    { name: 'wrong then right', output: `First try:\n${wrong}\nCorrected:\n${right}` },
    { name: 'right then wrong', output: `First try:\n${right}\nCorrected:\n${wrong}` },
    { name: 'padded', output: `  [ ${expected.map((r) => '[ ' + r.join(' ,  ') + ' ]').join(' ,\n ')} ]  ` },
    { name: 'Chinese around it, decoy in <think>', output: think(`草稿：${wrong}`).replace('</think>', `</think>\n所以答案是：\n${right}\n以上。`) },
    { name: 'CRLF', output: `Output:\r\n${right.replace(/\n/g, '\r\n')}\r\n` },
    { name: 'markdown json fence', output: '```json\n' + JSON.stringify(expected, null, 2) + '\n```' },
    { name: 'floats', output: JSON.stringify(expected.map((r) => r.map((v) => `${v}.0`))).replace(/"/g, '') },
    { name: 'strings', output: JSON.stringify(expected.map((r) => r.map(String))) },
    { name: 'extra row', output: extraRow },
    { name: 'a list of lists and a flat list after it', output: `${right}\nand also [[1], 2]` },
    { name: 'no grid', output: 'The answer is 42.' },
    { name: 'empty', output: '' },
    { name: 'truncated', output: right.slice(0, Math.floor(right.length / 2)) },
    { name: 'garbage', output: '[[[[]]]] ]] [[ x ]] [[1,,2]]' },
    { name: 'not JSON, then a flat list', output: '[[a, b]] [[1, 2] , 3]' },
  ];
}
