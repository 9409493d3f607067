// Integers beyond 2^53 survive reading and writing digit for digit; everything else reads as JSON.parse reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsBigInt, parseJsonExact, stringifyExact, withoutBigInts } from '../../../bootcamps/shared/exact-json.ts';

test('big integers become bigints and are written back exactly; safe integers, floats and strings are untouched', () => {
  const huge = '9'.repeat(400);
  const text = `{"a":${huge},"b":[-22452257707354557240087211123792674816,1.5e+300,9007199254740993,9007199254740991,12.5],"s":"12345678901234567890 \\" 123456789012345678","e":1234567890123456789e2}`;
  const value = parseJsonExact(text) as { a: bigint; b: unknown[]; s: string; e: number };
  assert.equal(value.a, BigInt(huge));
  assert.deepEqual(value.b, [-22452257707354557240087211123792674816n, 1.5e300, 9007199254740993n, 9007199254740991, 12.5]);
  assert.equal(value.s, '12345678901234567890 " 123456789012345678');
  assert.equal(typeof value.e, 'number', 'an exponent makes it a float, as in Python');
  assert.equal(stringifyExact(value), text.replace('1234567890123456789e2', '123456789012345680000'));
  assert.equal(containsBigInt(value), true);
  assert.deepEqual(withoutBigInts({ n: 9007199254740993n }), { n: 9007199254740992 });
});

test('lines without long digit runs read exactly as JSON.parse reads them, errors included', () => {
  for (const text of ['{"x": 1, "y": [true, null, "a"]}', '[1e400]', '"12345"', '{"n": 123456789012345}']) {
    assert.deepEqual(parseJsonExact(text), JSON.parse(text));
  }
  assert.throws(() => parseJsonExact('{"n": 12345678901234567890,'), SyntaxError);
  assert.equal(stringifyExact({ x: 'plain' }), '{"x":"plain"}');
  // A string that looks like the internal mark is still a string.
  assert.deepEqual(parseJsonExact('{"s": "\\u0000bigint:x:1", "n": 123456789012345678901}'), { s: '\u0000bigint:x:1', n: 123456789012345678901n });
});
