// Outputs of every shape for the BBEH shared lines: the right answer built from the ground truth, a wrong one,
// and format variants in each bootcamp's own answer wrapper. Deterministic, for the recorded reference scores.
import type { Variant } from './core-variants.ts';

type GT = Record<string, any>;

interface Shape {
  right: string;
  wrong: string;
  wrap: (answer: string) => string;
}

const tag = (a: string) => `[answer]${a}[/answer]`;
const boxed = (a: string) => `\\boxed{${a}}`;
const angle = (a: string) => `<answer>${a}</answer>`;

function shape(source: string, gt: GT): Shape {
  switch (source) {
    case 'BbehDyckLanguages':
      return { right: gt.error_step === null ? 'No' : String(gt.error_step), wrong: gt.error_step === null ? '1' : 'No', wrap: tag };
    case 'BbehGeometricShapes':
      return { right: gt.ans, wrong: gt.ans === '(A)' ? '(B)' : '(A)', wrap: boxed };
    case 'BbehMultistepArithmetic':
      return { right: String(gt.answer), wrong: String(gt.answer + 1), wrap: tag };
    case 'BbehTemporalSequences':
      return { right: `${gt.solution.max_duration},${gt.solution.count}`, wrong: `${gt.solution.max_duration},${gt.solution.count + 1}`, wrap: boxed };
    case 'BbehWebOfLies':
      return { right: gt.solution.join(', '), wrong: gt.solution.map((v: string) => (v === 'yes' ? 'no' : 'yes')).join(', '), wrap: tag };
    case 'BbehWordSorting':
      if (gt.subtask === 'error_detection') return { right: String(gt.first_error_step), wrong: gt.first_error_step === 'No' ? '2' : 'No', wrap: tag };
      return { right: gt.sorted_words.join(', '), wrong: [...gt.sorted_words].reverse().join(', '), wrap: tag };
    case 'Bbehboardgameqa':
      return { right: gt.answer, wrong: gt.answer === 'proved' ? 'disproved' : 'proved', wrap: tag };
    case 'Bbehbooleanexpressions':
      return { right: 'ABCDE'[gt.answer], wrong: 'ABCDE'[(gt.answer + 1) % 5], wrap: tag };
    case 'Bbehobjectcounting':
    case 'Bbehobjectproperties':
      return { right: String(gt.correct_answer), wrong: String(Number(gt.correct_answer) + 1), wrap: tag };
    case 'Bbehshuffobject':
      return { right: gt.correct_answer, wrong: gt.correct_answer === 'red' ? 'blue' : 'red', wrap: angle };
    default:
      throw new Error(`no variants for ${source}`);
  }
}

export function bbehVariants(source: string, gt: GT): Variant[] {
  const { right: a, wrong: w, wrap } = shape(source, gt);
  return [
    { name: 'right', output: `Final Answer: ${wrap(a)}` },
    { name: 'right with think and Chinese', output: `<think>\n让我想想。${wrap(w)}? no.\n</think>\n所以答案是 ${wrap(a)} 。` },
    { name: 'right padded', output: wrap(`  ${a}  `) },
    { name: 'right, CRLF around', output: `分析\r\n${wrap(a)}\r\n` },
    { name: 'right across lines', output: wrap(`\n${a}\n`) },
    { name: 'right then wrong', output: `${wrap(a)} no, ${wrap(w)}` },
    { name: 'wrong then right', output: `${wrap(w)} no, ${wrap(a)}` },
    { name: 'wrong', output: wrap(w) },
    { name: 'upper case', output: wrap(a.toUpperCase()) },
    { name: 'markdown fence', output: '```\n' + wrap(a) + '\n```' },
    { name: 'bare answer', output: `The answer is ${a}.` },
    { name: 'truncated tag', output: wrap(a).slice(0, -3) },
    { name: 'empty', output: '' },
    { name: 'garbage', output: '[answer][/answer] \\boxed{} <answer></answer> [answer]unknown proved[/answer]' },
    { name: 'comma list and equals', output: wrap(`x = ${a}`) },
  ];
}
