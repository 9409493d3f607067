// What a person watching a load test sees on a terminal: a cli-progress bar per point with the requests done,
// requests/s and the current p50 TTFT (refreshed a few times a second; pipes and CI see nothing until the
// point's own line). Loaded only on a terminal.
import { createRequire } from 'node:module';
import type cliProgressTypes from 'cli-progress';
import { percentileEvalScope } from './stats.ts';

export interface PointProgress {
  done(ttftMs: number | undefined): void;
  stop(): void;
}

export function pointProgress(isTTY: boolean, parallel: number, total: number | undefined): PointProgress {
  if (!isTTY) return { done: () => {}, stop: () => {} };
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressTypes;
  const bar = new cliProgress.SingleBar(
    { format: ` parallel ${parallel} {bar} {value}${total ? '/{total}' : ''} | {rate} req/s | p50 TTFT {ttft} ms`, hideCursor: true, clearOnComplete: false, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  const startedMs = performance.now();
  const firstTokens: number[] = [];
  let count = 0;
  bar.start(total ?? 0, 0, { rate: '0.0', ttft: '-' });
  return {
    done(ttftMs) {
      count++;
      if (ttftMs !== undefined) firstTokens.push(ttftMs);
      // The median over what has come so far: sorting on every request would cost more than it is worth.
      const ttft = count % 16 === 1 || count === total ? percentileEvalScope([...firstTokens].sort((a, b) => a - b), 50).toFixed(1) : undefined;
      bar.update(count, { rate: (count / ((performance.now() - startedMs) / 1000)).toFixed(1), ...(ttft ? { ttft } : {}) });
    },
    stop: () => bar.stop(),
  };
}
