import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePyLiteral, pyEquals, pyRepr, toJson, PyTuple, tryParsePyLiteral } from '../../../bootcamps/shared/py-literal.ts';

// Expected reprs were recorded from CPython 3.11's ast.literal_eval on the same sources.
const accepted: [string, string][] = [
  ['[1, 2, (3, 4)]', '[1, 2, (3, 4)]'],
  ['  (1,)', '(1,)'],
  ['()', '()'],
  ["{'a': [1, 2], 'b': None}", "{'a': [1, 2], 'b': None}"],
  ['{1, 2, 2}', '{1, 2}'],
  ["'it''s'", "'its'"],
  ["r'a\\nb'", "'a\\\\nb'"],
  ["'\\x41\\u00e9\\n'", "'Aé\\n'"],
  ['-3', '-3'],
  ['1_000', '1000'],
  ['0x1f', '31'],
  ['True', 'True'],
  ['set()', 'set()'],
  ['[1,\n 2]', '[1, 2]'],
  ['[1, 2,]', '[1, 2]'],
  ['(1)', '1'],
  ['{}', '{}'],
  ["'''a\nb'''", "'a\\nb'"],
  ["b'ab'", "b'ab'"],
  ['.5', '0.5'],
  ['[1, 2] # c', '[1, 2]'],
  ['\n[1]', '[1]'],
  ['00', '0'],
  ["{'a': 1, 'a': 2}", "{'a': 2}"],
  ['((1, 2))', '(1, 2)'],
  ["'a' 'b'", "'ab'"],
  ['...', 'Ellipsis'],
  ['"it\'s"', '"it\'s"'],
];

const refused = ['--3', 'x', '1+2', "f'a'", '[1, 2', '012', '{[1]: 2}', "-'a'", '[1] [0]', ''];

test('parses what ast.literal_eval accepts, with the same repr', () => {
  for (const [src, repr] of accepted) assert.equal(pyRepr(parsePyLiteral(src)), repr, `source ${JSON.stringify(src)}`);
});

test('refuses what ast.literal_eval refuses', () => {
  for (const src of refused) assert.equal(tryParsePyLiteral(src), undefined, `source ${JSON.stringify(src)}`);
});

test('Python equality: list is not tuple, True equals 1, sets and dicts ignore order', () => {
  assert.equal(pyEquals(parsePyLiteral('[1, 2]'), parsePyLiteral('(1, 2)')), false);
  assert.equal(pyEquals(parsePyLiteral('(1, 2)'), new PyTuple([1, 2])), true);
  assert.equal(pyEquals(true, 1), true);
  assert.equal(pyEquals(parsePyLiteral('{1, 2}'), parsePyLiteral('{2, 1}')), true);
  assert.equal(pyEquals(parsePyLiteral("{'a': 1, 'b': 2}"), parsePyLiteral("{'b': 2, 'a': 1}")), true);
  assert.equal(pyEquals(parsePyLiteral("{'a': 1}"), parsePyLiteral("{'a': 2}")), false);
  assert.equal(pyEquals('1', 1), false);
});

test('JSON form turns tuples into arrays as json.dumps does', () => {
  assert.deepEqual(toJson(parsePyLiteral("[(1, 'a'), {'k': (2,)}]")), [[1, 'a'], { k: [2] }]);
});

test('deep nesting fails like CPython instead of overflowing the stack', () => {
  assert.equal(tryParsePyLiteral('['.repeat(100_000) + ']'.repeat(100_000)), undefined);
  assert.equal(pyRepr(parsePyLiteral('['.repeat(150) + ']'.repeat(150))).length, 300);
});

test('a megabyte of text is parsed or refused quickly', () => {
  const big = '[' + '1, '.repeat(300_000) + ']';
  const start = performance.now();
  assert.equal((parsePyLiteral(big) as unknown[]).length, 300_000);
  assert.equal(tryParsePyLiteral("'" + 'a'.repeat(1_000_000)), undefined);
  assert.ok(performance.now() - start < 2000);
});

test('keepFloats tells float literals from ints, with Python reprs', () => {
  const v = parsePyLiteral('[1, 1.0, -2.5, 1e16, 0.0001]', { keepFloats: true });
  assert.equal(pyRepr(v), '[1, 1.0, -2.5, 1e+16, 0.0001]');
  assert.equal(pyEquals(v, parsePyLiteral('[1, 1, -2.5, 1e16, 0.0001]')), true);
  assert.deepEqual(toJson(v), [1, 1, -2.5, 1e16, 0.0001]);
});
