// A write to the run folder that the disk refused (full, quota, I/O error, read-only): the one error the run
// stops for without losing what is already on disk. Named here so every writer reports it the same way.
import { UserError } from '../errors.ts';

const DISK_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG']);

export class DiskWriteError extends UserError {
  override name = 'DiskWriteError';
  constructor(
    readonly file: string,
    readonly code: string,
    detail: string,
  ) {
    super(`cannot write ${file}: ${detail}. The run stopped sending; every row already in details/ is kept. Free some space and run again with --resume to finish it.`);
  }
}

/** The DiskWriteError for a file system error on `file`, or undefined when `err` is something else (a bug). */
export function diskWriteError(err: unknown, file: string): DiskWriteError | undefined {
  if (err instanceof DiskWriteError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !DISK_CODES.has(code)) return undefined;
  const message = (err as Error).message.replace(/, (write|open|close|rename).*$/, '');
  return new DiskWriteError(file, code, message);
}
