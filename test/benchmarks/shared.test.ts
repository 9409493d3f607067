// The benchmark helpers: Python's random.shuffle reproduced, and prompt templates filled as str.format does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonShuffle } from '../../benchmarks/shared/python-random.ts';
import { fillTemplate, placeholdersOf } from '../../benchmarks/shared/format.ts';

test('pythonShuffle gives the permutations CPython 3 gives for random.Random(seed).shuffle(range(10))', () => {
  // Recorded with: python3 -c "import random; x=list(range(10)); random.Random(SEED).shuffle(x); print(x)"
  const expected: [bigint, string][] = [
    [0n, '7815342096'],
    [1n, '6897530412'],
    [42n, '7328569401'],
    [12345678901234567890n, '0341526798'],
    [2n ** 64n - 1n, '2679814530'],
  ];
  for (const [seed, order] of expected) assert.equal(pythonShuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], seed).join(''), order, `seed ${seed}`);
});

test('fillTemplate replaces {name}, keeps {{ and }} as braces, and names an unknown or broken placeholder', () => {
  assert.equal(fillTemplate('Q: {question}\\boxed{{}} {{x}}', { question: 'why?' }), 'Q: why?\\boxed{} {x}');
  assert.equal(fillTemplate('{a}{a}', { a: '{question}' }), '{question}{question}', 'values are not templates');
  assert.throws(() => fillTemplate('{qestion}', { question: 'q' }), /unknown placeholder \{qestion\}.*\{question\}/);
  assert.throws(() => fillTemplate('a } b', {}), /single "}"/);
  assert.throws(() => fillTemplate('a { b', {}), /opens no \{name\}/);
  assert.deepEqual(placeholdersOf('{question} {{not}} {choices}'), ['question', 'choices']);
});
