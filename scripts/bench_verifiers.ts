#!/usr/bin/env -S npx tsx
// npm run bench:verifiers: per-bootcamp p50/p99 ms per output on the shared lines (each line's prompt echoed
// and its ground truth in the usual answer wrappers), and the slowest case of the hostile set. Work a verifier
// does once per line when the line is read (Arc works out its expected grid) is timed apart, per line.
// Targets: p99 <= 2 ms on the shared lines, no hostile case over 50 ms. Optional: a name filter (substring).
import { loadAllBootcamps } from '../bootcamps/index.ts';
import { scoreOutput, deepFreeze } from '../bootcamps/score.ts';
import { hostileOutputs, longResponses, realisticOutputs, sharedLinesBySource } from '../src/bench/verifier-cases.ts';
const registry = await loadAllBootcamps();

const filter = process.argv[2];
const lines = sharedLinesBySource();
const hostile = hostileOutputs();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Parses a line's ground truth and waits for the per-line work it started (a promise among its fields). */
async function readLine(bootcamp: { groundTruth: { safeParse(v: unknown): { success: boolean; data?: unknown } } }, groundTruth: unknown, lineTimes: number[]) {
  const t0 = performance.now();
  const parsed = bootcamp.groundTruth.safeParse(groundTruth);
  if (!parsed.success) return undefined;
  const gt = deepFreeze(parsed.data) as Record<string, unknown>;
  await Promise.all(Object.values(gt).filter((v) => typeof (v as { then?: unknown } | null)?.then === 'function'));
  lineTimes.push(performance.now() - t0);
  return gt;
}

const rows: string[][] = [['bootcamp', 'lines', 'outputs', 'p50 ms', 'p99 ms', 'max ms', 'per line max ms', 'hostile max ms', 'slowest hostile case']];
let worstP99 = 0;
let worstHostile = 0;
for (const bootcamp of [...registry.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  if (bootcamp.kind === 'sandbox' || (filter && !bootcamp.name.includes(filter))) continue;
  const shared = lines.get(bootcamp.name) ?? [];
  if (shared.length === 0) continue;
  const times: number[] = [];
  const lineTimes: number[] = [];
  let firstGt: unknown;
  for (const line of shared) {
    const gt = await readLine(bootcamp, line.ground_truth, lineTimes);
    if (gt === undefined) continue;
    firstGt ??= gt;
    for (const output of realisticOutputs(line)) {
      const t0 = performance.now();
      await scoreOutput(bootcamp, output, gt);
      times.push(performance.now() - t0);
    }
  }
  // Warm-up effects belong to start-up, not to steady-state scoring: measure a second pass.
  times.length = 0;
  lineTimes.length = 0;
  for (const line of shared) {
    const gt = await readLine(bootcamp, line.ground_truth, lineTimes);
    if (gt === undefined) continue;
    for (const output of realisticOutputs(line)) {
      const t0 = performance.now();
      await scoreOutput(bootcamp, output, gt);
      times.push(performance.now() - t0);
    }
  }
  let hostileMax = 0;
  let hostileName = '';
  for (const [name, output] of hostile) {
    const t0 = performance.now();
    await scoreOutput(bootcamp, output, firstGt);
    const ms = performance.now() - t0;
    if (ms > hostileMax) [hostileMax, hostileName] = [ms, name];
  }
  times.sort((a, b) => a - b);
  worstP99 = Math.max(worstP99, percentile(times, 0.99));
  worstHostile = Math.max(worstHostile, hostileMax);
  rows.push([bootcamp.name, String(shared.length), String(times.length), percentile(times, 0.5).toFixed(3), percentile(times, 0.99).toFixed(3), (times.at(-1) ?? NaN).toFixed(2), Math.max(...lineTimes).toFixed(1), hostileMax.toFixed(1), hostileName]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) process.stdout.write(row.map((cell, c) => (c === 0 || c === 8 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ') + '\n');
process.stdout.write(`\n${rows.length - 1} bootcamps; worst p99 ${worstP99.toFixed(3)} ms (target <= 2 ms); worst hostile case ${worstHostile.toFixed(1)} ms (target <= 50 ms).\n`);

// IFEval's target is per 2,000-word response: every shared prompt's checks on three long answers.
const ifeval = registry.get('IFEval');
const ifevalLines = lines.get('IFEval') ?? [];
if (ifeval && ifevalLines.length > 0 && (!filter || 'IFEval'.includes(filter))) {
  const long = longResponses(2000);
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    times.length = 0;
    for (const line of ifevalLines) {
      const gt = deepFreeze(ifeval.groundTruth.parse(line.ground_truth));
      for (const output of long) {
        const t0 = performance.now();
        await scoreOutput(ifeval, output, gt);
        times.push(performance.now() - t0);
      }
    }
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`IFEval, ${ifevalLines.length} prompts x ${long.length} responses of ~2,000 words: p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms, max ${(times.at(-1) ?? NaN).toFixed(2)} ms (target p99 <= 1 ms).\n`);
}
