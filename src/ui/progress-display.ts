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

export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private multibar: cliProgressTypes.MultiBar | undefined;
  private overall: cliProgressTypes.SingleBar | undefined;
  private readonly fileBars = new Map<number, cliProgressTypes.SingleBar>();
  private lastDone = 0;
  private lastAtMs = Date.now();
  private rate = 0;

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
          format: ' {bar} {percentage}% | {value}/{total} | {name} | {rate} items/s | errors {errors} | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: false,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.overall = this.multibar.create(this.state.totalItems, this.state.doneItems, { name: 'all files', rate: '0', errors: 0 });
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
    if (dt >= 1) {
      const done = this.state.doneItems;
      const instant = (done - this.lastDone) / dt;
      this.rate = this.rate === 0 ? instant : 0.7 * this.rate + 0.3 * instant;
      this.lastDone = done;
      this.lastAtMs = now;
    }
  }

  private refreshBars(): void {
    this.updateRate();
    const rate = this.rate.toFixed(0);
    this.overall?.setTotal(this.state.totalItems);
    this.overall?.update(this.state.doneItems, { rate, errors: this.state.errorItems });
    this.state.files.forEach((file, i) => {
      const active = file.done > 0 && file.done < file.total;
      let bar = this.fileBars.get(i);
      if (active && !bar && this.fileBars.size < 8) {
        bar = this.multibar!.create(file.total, file.done, { name: file.name, rate: '', errors: file.errors });
        this.fileBars.set(i, bar);
      }
      if (bar) {
        bar.update(file.done, { errors: file.errors });
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
    const eta = this.rate > 0 ? formatTimedelta((total - done) / this.rate) : 'N/A';
    const pct = total > 0 ? ((100 * done) / total).toFixed(1) : '100.0';
    return `[${new Date().toTimeString().slice(0, 8)}] ${done}/${total} items (${pct}%), ${this.rate.toFixed(0)} items/s, ${this.state.errorItems} errors, ETA ${eta}`;
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
