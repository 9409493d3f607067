import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastBoxedContent, lastBoxedOnlyString, removeBoxed } from '../../../bootcamps/shared/boxed.ts';

test('takes the last balanced \\boxed{} group', () => {
  assert.equal(lastBoxedOnlyString('a \\boxed{1} b \\boxed{\\frac{1}{2}} c'), '\\boxed{\\frac{1}{2}}');
  assert.equal(lastBoxedContent('x \\boxed{(1+2)*{3}} y'), '(1+2)*{3}');
});

test('an unclosed box gives null', () => {
  assert.equal(lastBoxedOnlyString('\\boxed{1+2'), null);
  assert.equal(lastBoxedContent('no box here'), null);
});

test('the "\\boxed " space form wins and stops at the first dollar, as the reference does', () => {
  assert.equal(lastBoxedOnlyString('\\boxed{9} then $\\boxed 24$ done'), '\\boxed 24');
  assert.equal(lastBoxedContent('$\\boxed 3+4$'), '3+4');
});

test('\\fbox is found but remove_boxed refuses it, so the content is null', () => {
  assert.equal(lastBoxedOnlyString('\\fbox{7}'), '\\fbox{7}');
  assert.throws(() => removeBoxed('\\fbox{7}'));
  assert.equal(lastBoxedContent('\\fbox{7}'), null);
});

test('a closing brace before the opening one never balances (reference quirk)', () => {
  assert.equal(lastBoxedOnlyString('\\boxed}{1}'), null);
});
