// What the person watching sees while a run goes: cli-progress bars on a terminal (overall and the files in
// progress), one summary line a minute on a pipe, nothing with --quiet.
import type cliProgressTypes from 'cli-progress';
import { createRequire } from 'node:module';
import type { ProgressState } from '../run/progress.ts';
import { formatTimedelta } from '../output/progress-log.ts';

export interface DisplayOptions {
  isTTY: boolean;
  quiet: boolean;
  log: (line: string) => void;
  /** Seconds between lines on a pipe. */
  lineIntervalSec?: number;
}

/** Items per second as a person reads it: "0" never stands for a slow but moving run. */
export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec) || perSec <= 0) return '0';
  if (perSec >= 10) return perSec.toFixed(0);
  if (perSec >= 1) return perSec.toFixed(1);
  return perSec.toFixed(2);
}

/**
 * The time left, or "unknown": with no rate yet, or when nothing has finished for longer than the estimate
 * itself (one item hung at the end: a countdown that sits at 0:00:07 for a minute would be a lie).
 */
export function formatEta(remaining: number, perSec: number, sinceLastDoneSec: number): string {
  if (remaining <= 0) return '0:00:00';
  if (!Number.isFinite(perSec) || perSec <= 0) return 'unknown';
  const etaSec = remaining / perSec;
  if (!Number.isFinite(etaSec) || etaSec > 100 * 24 * 3600) return 'unknown';
  if (sinceLastDoneSec > Math.max(etaSec, 10)) return `unknown (nothing finished for ${formatTimedelta(sinceLastDoneSec)})`;
  return formatTimedelta(etaSec);
}

export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private multibar: cliProgressTypes.MultiBar | undefined;
  private overall: cliProgressTypes.SingleBar | undefined;
  private readonly fileBars = new Map<number, cliProgressTypes.SingleBar>();
  private lastDone = 0;
  private lastAtMs = Date.now();
  private rate = 0;
  /** When the count of finished items last moved. */
  private lastProgressAtMs = Date.now();

  constructor(
    private readonly state: ProgressState,
    private readonly options: DisplayOptions,
  ) {}

  start(): void {
    if (this.options.quiet) return;
    if (this.options.isTTY) {
      // Only a terminal needs the bars library; pipes and CI never load it.
      const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressTypes;
      this.multibar = new cliProgress.MultiBar(
        {
          // Our own ETA: cli-progress's eta_formatted showed garbage ("LLs") on bars created mid-run.
          format: ' {bar} {percentage}% | {value}/{total} | {name} | {rate}errors {errors} | ETA {eta_text}',
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: false,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.overall = this.multibar.create(this.state.totalItems, this.state.doneItems, { name: 'all files', rate: '0 items/s | ', errors: 0, eta_text: 'unknown' });
      this.timer = setInterval(() => this.refreshBars(), 250);
    } else {
      const everyMs = (this.options.lineIntervalSec ?? 60) * 1000;
      this.timer = setInterval(() => this.options.log(this.line()), everyMs);
    }
    this.timer.unref();
  }

  private updateRate(): void {
    const now = Date.now();
    const dt = (now - this.lastAtMs) / 1000;
    const done = this.state.doneItems;
    if (done !== this.lastDone) this.lastProgressAtMs = now;
    if (dt >= 1) {
      const instant = (done - this.lastDone) / dt;
      this.rate = this.rate === 0 ? instant : 0.7 * this.rate + 0.3 * instant;
      this.lastDone = done;
      this.lastAtMs = now;
    }
  }

  private eta(remaining: number): string {
    return formatEta(remaining, this.rate, (Date.now() - this.lastProgressAtMs) / 1000);
  }

  private refreshBars(): void {
    this.updateRate();
    const rate = `${formatRate(this.rate)} items/s | `;
    this.overall?.setTotal(this.state.totalItems);
    this.overall?.update(this.state.doneItems, { rate, errors: this.state.errorItems, eta_text: this.eta(this.state.totalItems - this.state.doneItems) });
    this.state.files.forEach((file, i) => {
      const active = file.done > 0 && file.done < file.total;
      let bar = this.fileBars.get(i);
      if (active && !bar && this.fileBars.size < 8) {
        bar = this.multibar!.create(file.total, file.done, { name: file.name, rate: '', errors: file.errors, eta_text: 'unknown' });
        this.fileBars.set(i, bar);
      }
      if (bar) {
        // One queue serves every file, so a file's share of the overall rate is not known: the overall rate stands in.
        bar.update(file.done, { errors: file.errors, eta_text: this.eta(file.total - file.done) });
        if (!active) {
          this.multibar!.remove(bar);
          this.fileBars.delete(i);
        }
      }
    });
  }

  /** "[12:00:00] 1234/5488 items (22.5%), 45 items/s, 3 errors, ETA 0:01:33" */
  line(): string {
    this.updateRate();
    const done = this.state.doneItems;
    const total = this.state.totalItems;
    const pct = total > 0 ? ((100 * done) / total).toFixed(1) : '100.0';
    return `[${new Date().toTimeString().slice(0, 8)}] ${done}/${total} items (${pct}%), ${formatRate(this.rate)} items/s, ${this.state.errorItems} errors, ETA ${this.eta(total - done)}`;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.multibar) {
      this.refreshBars();
      this.multibar.stop();
      this.multibar = undefined;
    }
  }
}
