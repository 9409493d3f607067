// Outputs for the three KorOperation data sources whose references decide equivalence with sympy (25a0, 25bd,
// 25c6): the right answer as the line states it, the [[...]] format shapes, and equivalent or near forms that
// only an algebra-aware check tells apart (commuted, caret powers, decimal for fraction, more digits).
import type { Variant } from './core-variants.ts';
import { doubleBracketVariants, korLogicWrongAnswer } from './kor-logic-variants.ts';

type GT = Record<string, any>;

export function korSympyRightAnswer(source: string, gt: GT): string {
  switch (source) {
    case 'KorOperationUnicode25a0':
      return gt._answer_sympy;
    case 'KorOperationUnicode25bd':
      return gt.is_numeric ? String(gt.expected_num) : gt.expected_str;
    case 'KorOperationUnicode25c6':
      return gt.correct_answer;
    default:
      throw new Error(`no right answer for ${source}`);
  }
}

export function korSympyVariants(source: string, gt: GT): Variant[] {
  const a = korSympyRightAnswer(source, gt);
  const extra: Variant[] = [
    { name: 'commuted with a zero term', output: `[[0 + ${a}]]` },
    { name: 'caret powers, implicit products', output: `[[${a.replace(/\*\*/g, '^').replace(/\*/g, ' ')}]]` },
    { name: 'doubled and halved', output: `[[2*(${a})/2]]` },
    { name: 'LaTeX style', output: `[[${a.replace(/\*\*/g, '^').replace(/\*/g, '').replace(/exp\(x\)/g, 'e^{x}').replace(/(sin|cos)\(x\)/g, '\\$1 x')}]]` },
  ];
  extra.push(...probeVariants(source, a));
  if (source === 'KorOperationUnicode25bd' && gt.is_numeric) extra.push({ name: 'more digits', output: `[[${a}4]]` }, { name: 'decimal comma', output: `[[${a.replace('.', ',')}]]` });
  if (source === 'KorOperationUnicode25c6') extra.push({ name: 'upper case', output: `[[${a.toUpperCase()}]]` }, { name: 'as a decimal', output: `[[${decimal(a)}]]` });
  return [...doubleBracketVariants(a, korLogicWrongAnswer(a)), ...extra];
}

function decimal(a: string): string {
  const m = /^(-?\d+)\/(\d+)$/.exec(a);
  return m ? String(Number(m[1]) / Number(m[2])) : a;
}

/** Forms a model writes that parse differently in sympy: LaTeX commands, implicit products, powers of functions. */
function probeVariants(source: string, a: string): Variant[] {
  const latex = a
    .replace(/\*\*(\d+)/g, '^{$1}')
    .replace(/exp\(([^()]*)\)/g, 'e^{$1}')
    .replace(/sqrt\(([^()]*)\)/g, '\\sqrt{$1}')
    .replace(/(sin|cos)\(/g, '\\$1(')
    .replace(/\*/g, ' \\cdot ');
  const forms: [string, string][] = [
    ['LaTeX commands', latex],
    ['implicit products', a.replace(/\*(?=[a-z(])/g, '')],
    ['function squared', `sin^2(x)+cos^2(x)-1+${a}`],
    ['Euler as E', a.replace(/exp\(([^()]*)\)/g, 'E^($1)').replace(/\be\b/g, 'E')],
    ['Euler as exp', a.replace(/\be\^\(?([^()+*-]*)\)?/g, 'exp($1)').replace(/\be\b/g, 'exp(1)')],
    ['frac', `\\frac{2(${a})}{2}`],
    ['unicode times', a.replace(/\*/g, '·')],
    ['symbolic error', `${a} + x - x + 1e-12`],
    ['float form', `1.0*(${a})`],
    ['sqrt of square', `sqrt((${a})**2)`],
  ];
  if (source === 'KorOperationUnicode25bd') forms.push(['sign and spaces', ` +${a} `], ['exponent form', `${a}e0`], ['underscore digits', a.replace(/(\d)(\d)/, '$1_$2')], ['inf', 'inf']);
  if (source === 'KorOperationUnicode25c6') forms.push(['15 digits', String(Number(evalRational(a)).toPrecision(15))], ['17 digits', String(Number(evalRational(a)).toPrecision(17))], ['upper E', a.toUpperCase().replace(/\bPI\b/g, 'pi')]);
  return forms.map(([name, text]) => ({ name: `probe: ${name}`, output: `[[${text}]]` }));
}

function evalRational(a: string): number {
  const m = /^(-?\d+)\/(\d+)$/.exec(a);
  if (m) return Number(m[1]) / Number(m[2]);
  return /^-?\d+(\.\d+)?$/.test(a) ? Number(a) : NaN;
}
