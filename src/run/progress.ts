// What the run has done so far, per input file: the one state that progress bars, periodic lines and
// progress.log all read.

export interface FileProgress {
  /** Input file name without .jsonl, as the original's progress.log shows it. */
  name: string;
  total: number;
  done: number;
  errors: number;
  startedAtMs: number;
  /** When the file's last item was counted (its progress line stops its clock there once complete). */
  updatedAtMs: number;
}

export class ProgressState {
  readonly files: FileProgress[];
  readonly startedAtMs: number;

  constructor(files: { name: string; total: number; alreadyDone: number }[], nowMs: number) {
    this.startedAtMs = nowMs;
    this.files = files.map((f) => ({ name: f.name, total: f.total, done: f.alreadyDone, errors: 0, startedAtMs: nowMs, updatedAtMs: nowMs }));
  }

  itemDone(fileIndex: number, failed: boolean, nowMs: number = Date.now()): void {
    const file = this.files[fileIndex];
    file.done++;
    if (failed) file.errors++;
    file.updatedAtMs = nowMs;
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
