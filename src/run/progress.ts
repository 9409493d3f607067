// What the run has done so far, per input file: the one state that progress bars, periodic lines and
// progress.log all read.

export interface FileProgress {
  /** Input file name without .jsonl, as the original's progress.log shows it. */
  name: string;
  total: number;
  done: number;
  errors: number;
  startedAtMs: number;
  finishedAtMs?: number;
}

export class ProgressState {
  readonly files: FileProgress[];
  readonly startedAtMs: number;

  constructor(files: { name: string; total: number; alreadyDone: number }[], nowMs: number) {
    this.startedAtMs = nowMs;
    this.files = files.map((f) => ({ name: f.name, total: f.total, done: f.alreadyDone, errors: 0, startedAtMs: nowMs }));
  }

  itemDone(fileIndex: number, failed: boolean): void {
    const file = this.files[fileIndex];
    file.done++;
    if (failed) file.errors++;
  }

  /** A file can end with fewer items than counted (bad lines found late): close its total. */
  fileFinished(fileIndex: number, nowMs: number): void {
    const file = this.files[fileIndex];
    file.total = file.done;
    file.finishedAtMs = nowMs;
  }

  get totalItems(): number {
    return this.files.reduce((sum, f) => sum + f.total, 0);
  }
  get doneItems(): number {
    return this.files.reduce((sum, f) => sum + f.done, 0);
  }
  get errorItems(): number {
    return this.files.reduce((sum, f) => sum + f.errors, 0);
  }
  get finishedFiles(): number {
    return this.files.filter((f) => f.done >= f.total).length;
  }
}
