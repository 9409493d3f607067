// Outputs of every shape for the Cipher shared lines: the expected text, near misses (for partial credit) and
// format variants of the ```text answer block.
import type { Variant } from './core-variants.ts';
import { pyStr, type PyValue } from '../../bootcamps/shared/py-literal.ts';

const block = (a: string) => 'Final-answer: ```text\n' + a + '\n```';

export function cipherVariants(_source: string, gt: Record<string, any>): Variant[] {
  const a = pyStr(gt.ground_truth as PyValue);
  const chars = Array.from(a);
  const oneOff = chars.map((c, i) => (i === 0 ? (c === 'Z' ? 'Y' : 'Z') : c)).join('');
  const halfOff = chars.map((c, i) => (i % 2 === 0 ? (c === 'Q' ? 'R' : 'Q') : c)).join('');
  return [
    { name: 'right', output: block(a) },
    { name: 'right, lower case', output: block(a.toLowerCase()) },
    { name: 'right with think and Chinese', output: `<think>\n试试 ${block(halfOff)}\n</think>\n答案：${block(a)}` },
    { name: 'right padded', output: 'Final-answer: ```text   \n\n  ' + a + '  \n\n```' },
    { name: 'one character off', output: block(oneOff) },
    { name: 'every other character off', output: block(halfOff) },
    { name: 'right then wrong', output: `${block(a)} then ${block(halfOff)}` },
    { name: 'wrong then right', output: `${block(halfOff)} then ${block(a)}` },
    { name: 'extra text after', output: block(a + ' DONE') },
    { name: 'far too long', output: block(a.repeat(3)) },
    { name: 'json fence', output: '```json\n' + a + '\n```' },
    { name: 'no block', output: `The answer is ${a}` },
    { name: 'truncated block', output: 'Final-answer: ```text\n' + a },
    { name: 'empty', output: '' },
    { name: 'quotes and brackets', output: block(`'(${a})'`) },
  ];
}
