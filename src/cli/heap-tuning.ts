// V8 heap tuning for the evaluator's process. A run allocates a steady stream of short-lived strings (prompts,
// outputs, rows) that live a few hundred ms each, long enough to be promoted, so V8's default heap growth let the
// old generation swell to ~4x the live set. Growing the heap by 10% instead of the default factor keeps peak RSS
// near the live set, and measured as fast or faster at c=128 (npm run bench). Flags set after start-up apply to
// the heap-growing decisions V8 makes from then on.
import v8 from 'node:v8';

export function tuneHeapForLongRuns(): void {
  v8.setFlagsFromString('--heap-growing-percent=10');
}
