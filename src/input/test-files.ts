// Which files a run reads: --test_dir is a folder (its *.jsonl files in name order) or one .jsonl file.
import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';

export interface TestFiles {
  /** Absolute paths of the .jsonl files, in name order. */
  files: string[];
  /** Names of other files in the folder, listed once as skipped (folders, such as one of images, are not). */
  skipped: string[];
}

export function listTestFiles(testDir: string): TestFiles {
  let stat;
  try {
    stat = statSync(testDir);
  } catch {
    throw new InputError(`--test_dir: ${testDir} does not exist; expected a folder of .jsonl files or one .jsonl file`);
  }
  if (stat.isFile()) {
    if (!testDir.endsWith('.jsonl')) throw new InputError(`--test_dir: ${testDir} is not a .jsonl file`);
    return { files: [path.resolve(testDir)], skipped: [] };
  }
  const files: string[] = [];
  const skipped: string[] = [];
  // Code-unit order, so that the order does not depend on the machine's locale.
  for (const name of readdirSync(testDir).sort()) {
    const full = path.resolve(testDir, name);
    let kind: 'file' | 'folder' | 'unreadable';
    try {
      kind = statSync(full).isDirectory() ? 'folder' : 'file';
    } catch {
      kind = 'unreadable'; // a dangling link: named as skipped, never read
    }
    if (kind === 'file' && name.endsWith('.jsonl')) files.push(full);
    else if (kind !== 'folder') skipped.push(name);
  }
  if (files.length === 0) throw new InputError(`--test_dir: ${testDir} holds no .jsonl files`);
  return { files, skipped };
}
