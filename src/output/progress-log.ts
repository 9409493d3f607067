// progress.log in the original's format, which users tail and scripts parse:
//   Main Progress: 3/80 [██---…] 3.8% Elapsed: 0:01:02 Remaining: 0:26:10
//   game24: 64/64 [█████…] 100.0% Elapsed: 0:00:40 Remaining: 0:00:00 Completed✔️
// Rewritten atomically, at most once a second and at the end (the original rewrote it on every item).
import { writeFileAtomicSync } from './atomic-write.ts';
import type { ProgressState } from '../run/progress.ts';

const BAR_LENGTH = 50;

/** Python's str(timedelta(seconds=s)): "H:MM:SS", or "N days, H:MM:SS". */
export function formatTimedelta(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86400);
  const rest = s % 86400;
  const hms = `${Math.floor(rest / 3600)}:${String(Math.floor((rest % 3600) / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
}

/** One progress line body, as the original's format_progress_bar. An empty file counts as complete. */
export function formatProgressBar(current: number, total: number, elapsedSeconds: number): string {
  const percent = total > 0 ? Math.min(1, current / total) : 1;
  const filled = Math.floor(BAR_LENGTH * percent);
  const bar = '█'.repeat(filled) + '-'.repeat(BAR_LENGTH - filled);
  const elapsed = Math.floor(elapsedSeconds);
  const remaining = percent > 0 ? formatTimedelta((elapsed * (1 - percent)) / percent) : 'N/A';
  const line = `${current}/${total} [${bar}] ${(percent * 100).toFixed(1)}% Elapsed: ${formatTimedelta(elapsed)} Remaining: ${remaining} `;
  return current >= total ? line + 'Completed✔️' : line;
}

export function renderProgressLog(state: ProgressState, nowMs: number): string {
  const lines = [`Main Progress: ${formatProgressBar(state.finishedFiles, state.files.length, (nowMs - state.startedAtMs) / 1000)}`];
  for (const file of state.files) {
    const until = file.done >= file.total ? file.updatedAtMs : nowMs;
    lines.push(`${file.name}: ${formatProgressBar(file.done, file.total, (until - file.startedAtMs) / 1000)}`);
  }
  return lines.join('\n') + '\n';
}

export class ProgressLogWriter {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly state: ProgressState,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 1000,
    /** A periodic write the disk refused; without it the error would be thrown from a timer. */
    private readonly onError: (err: unknown) => void = (err) => {
      throw err;
    },
  ) {}

  start(): void {
    this.write();
    this.timer = setInterval(() => {
      try {
        this.write();
      } catch (err) {
        this.stopTimer();
        this.onError(err);
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  write(): void {
    writeFileAtomicSync(this.file, renderProgressLog(this.state, this.now()));
  }

  /** Stops the timer and writes the final state (which throws a DiskWriteError if the disk refuses it). */
  stop(): void {
    this.stopTimer();
    this.write();
  }
}
