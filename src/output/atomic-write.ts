// Whole-file writes that a crash cannot leave half-done: write a temporary sibling, then rename over. A refused
// write (a full disk) removes the temporary file and throws a DiskWriteError naming the file.
import { writeFileSync, renameSync, rmSync, promises as fsp } from 'node:fs';
import { diskWriteError } from './disk-errors.ts';

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw diskWriteError(err, file) ?? err;
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw diskWriteError(err, file) ?? err;
  }
}
