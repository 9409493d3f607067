// Request settings per source and bootcamp: a benchmark's own defaults rank above its bootcamp's, and both only
// fill in what flags and config left at the built-in default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConfig } from '../../src/config/config.ts';
import { generationSettings, settingsPerSource } from '../../src/run/run-setup.ts';
import type { ItemSource } from '../../src/input/item-source.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';

const source = (defaults?: ItemSource['defaults']): ItemSource => ({ name: 'x.jsonl', defaults, survey: async () => ({ file: 'x', lines: 0, dataSources: new Map(), problems: [] }), entries: async function* () {} });
const bootcamp = { name: 'B', defaults: { max_tokens: 100, temperature: 0.5 } } as unknown as AnyBootcamp;

test("a benchmark's defaults win over its bootcamp's, and a flag wins over both", () => {
  const config = buildConfig({ argv: ['--model_name', 'm', '--test_dir', 'x', '--temperature', '0.9'], env: {} });
  const settingsFor = settingsPerSource(config, generationSettings(config, undefined), [source({ max_tokens: 7, top_p: 0.8 }), source()]);
  const withBenchmark = settingsFor(0, bootcamp);
  assert.deepEqual([withBenchmark.max_tokens, withBenchmark.top_p, withBenchmark.temperature], [7, 0.8, 0.9]);
  const plain = settingsFor(1, bootcamp);
  assert.deepEqual([plain.max_tokens, plain.top_p, plain.temperature], [100, undefined, 0.9]);
  assert.equal(settingsFor(0, bootcamp), withBenchmark, 'worked out once per source and bootcamp');
});
