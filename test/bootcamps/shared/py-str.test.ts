import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAllBetween, pyInt, pySplit, pyStrip } from '../../../bootcamps/shared/py-str.ts';

test('strip and split use Python whitespace, not JavaScript whitespace', () => {
  assert.equal(pyStrip('\x1c a \u3000'), 'a');
  assert.equal(pyStrip('\ufeffa'), '\ufeffa'); // BOM is not whitespace to Python
  assert.deepEqual(pySplit('  1 \t2\r\n3\x1f4  '), ['1', '2', '3', '4']);
  assert.deepEqual(pySplit('   '), []);
});

test('int() accepts signs, padding, underscores and any script digits as Python does', () => {
  assert.equal(pyInt(' +12 '), 12);
  assert.equal(Object.is(pyInt('-0'), 0), true);
  assert.equal(pyInt('1_000'), 1000);
  assert.equal(pyInt('٣'), 3);
  assert.equal(pyInt('１２'), 12);
  assert.equal(pyInt('𝟗'), 9);
  for (const bad of ['', '1.0', '1__0', '_1', '1_', '0x10', '1e3', '+', ' - 1']) assert.equal(pyInt(bad), undefined, bad);
});

test('findAllBetween pairs each opener with the next closer, like a lazy DOTALL findall', () => {
  assert.deepEqual(findAllBetween('[a]1[/a] x [a]2\n[a]3[/a] [a]4', '[a]', '[/a]'), ['1', '2\n[a]3']);
  assert.deepEqual(findAllBetween('[a]'.repeat(100_000), '[a]', '[/a]'), []);
});
