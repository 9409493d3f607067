import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalArithmetic, Fraction, numberLiterals, parseArithmetic } from '../../../bootcamps/shared/arithmetic.ts';

test('evaluates with exact rationals where floats would round', () => {
  // 8/(3-8/3) is 24 exactly; Python floats give 23.999999999999996.
  assert.ok(evalArithmetic('8/(3-8/3)').equals(Fraction.of(24)));
  assert.equal(evalArithmetic('1/3 + 1/6').toString(), '1/2');
});

test('follows Python precedence, unary signs and decimal literals', () => {
  assert.equal(evalArithmetic('2+3*4').toString(), '14');
  assert.equal(evalArithmetic('-2*-3').toString(), '6');
  assert.equal(evalArithmetic('--2').toString(), '2');
  assert.equal(evalArithmetic('1.5*2').toString(), '3');
  assert.equal(evalArithmetic('2e2').toString(), '200');
  assert.equal(evalArithmetic('(1 +\n 2)').toString(), '3');
});

test('refuses what is not plain arithmetic', () => {
  for (const bad of ['2(3)', '2x', '2**3', '7//2', '1 +', '(1', '012', 'import os', '1\n+2', '[1]', '']) {
    assert.throws(() => parseArithmetic(bad), `${JSON.stringify(bad)} should be refused`);
  }
});

test('division by zero is an error, not Infinity', () => {
  assert.throws(() => evalArithmetic('1/(2-2)'), /division by zero/);
});

test('lists the number literals as written', () => {
  assert.deepEqual(numberLiterals(parseArithmetic('(10 - 4) * 00 + 1.5')), ['10', '4', '00', '1.5']);
});

test('hostile nesting is refused without overflowing the stack', () => {
  assert.throws(() => parseArithmetic('('.repeat(100_000) + '1' + ')'.repeat(100_000)), /nested/);
  assert.throws(() => parseArithmetic('-'.repeat(100_000) + '1'), /unary/);
});
