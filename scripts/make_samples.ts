#!/usr/bin/env -S npx tsx
// Regenerates data/sample/ (input lines) and data/sample-solutions.jsonl (the mock's right answers), and the
// vision-language sample data/sample-vlm/ (chart images and their questions) with data/sample-vlm-answers.json.
import path from 'node:path';
import { writeSamples, writeVlmSamples } from '../src/samples/make-samples.ts';
import { PROJECT_ROOT } from '../src/version.ts';

const perKind = Number(process.argv[2] ?? 24);
const seed = Number(process.argv[3] ?? 2024);
const files = writeSamples(path.join(PROJECT_ROOT, 'data', 'sample'), path.join(PROJECT_ROOT, 'data', 'sample-solutions.jsonl'), perKind, seed);
process.stdout.write(`wrote ${files.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')} and data/sample-solutions.jsonl (${perKind} cases each, seed ${seed})\n`);
writeVlmSamples(path.join(PROJECT_ROOT, 'data', 'sample-vlm'), path.join(PROJECT_ROOT, 'data', 'sample-vlm-answers.json'), 8, seed);
process.stdout.write('wrote data/sample-vlm/charts.jsonl, its 8 chart images and data/sample-vlm-answers.json\n');
