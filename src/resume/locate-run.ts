// Which folder a run writes to: a fresh one, the one --output_dir names, or — with --resume — the run to continue.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultRunFolder, runFolderPrefix } from '../output/run-paths.ts';
import { UsageError } from '../errors.ts';

export interface RunFolderChoice {
  folder: string;
  /** True when continuing an earlier run in this folder. */
  resuming: boolean;
  notice?: string;
}

export interface LocateOptions {
  resume: boolean | string;
  outputDir?: string;
  outputRoot: string;
  modelName: string;
  testDir: string;
  now: Date;
  /** A shard's "_shard3of8", appended to the folder's name (--output_dir's too); default none. */
  suffix?: string;
}

/** The newest output/{model}_{test_dir}_* folder, by name (the timestamp sorts), or undefined. */
export function newestRunFolder(outputRoot: string, modelName: string, testDir: string, suffix = ''): string | undefined {
  if (!existsSync(outputRoot)) return undefined;
  const prefix = runFolderPrefix(modelName, testDir);
  const rest = /^\d{8}_\d{6}(.*)$/;
  const candidates = readdirSync(outputRoot)
    .filter((name) => name.startsWith(prefix) && rest.exec(name.slice(prefix.length))?.[1] === suffix)
    .filter((name) => statSync(path.join(outputRoot, name)).isDirectory())
    .sort();
  return candidates.length > 0 ? path.join(outputRoot, candidates[candidates.length - 1]) : undefined;
}

export function locateRunFolder(options: LocateOptions): RunFolderChoice {
  const { resume } = options;
  const suffix = options.suffix ?? '';
  const outputDir = options.outputDir !== undefined ? options.outputDir.replace(/\/+$/, '') + suffix : undefined;
  if (resume === false) {
    const folder = outputDir ?? defaultRunFolder(options.outputRoot, options.modelName, options.testDir, options.now) + suffix;
    // A non-empty --output_dir without --resume would mix two runs' rows: refuse rather than guess.
    if (outputDir && existsSync(path.join(outputDir, 'details')) && readdirSync(path.join(outputDir, 'details')).length > 0) {
      throw new UsageError(`--output_dir ${outputDir} already holds a run; add --resume to continue it, or choose another folder`);
    }
    return { folder, resuming: false };
  }
  const named = typeof resume === 'string' ? resume : outputDir;
  if (named !== undefined) {
    if (!existsSync(named)) {
      if (typeof resume === 'string') throw new UsageError(`--resume ${resume}: no such run folder`);
      return { folder: named, resuming: false, notice: `Nothing to resume in ${named}; starting a fresh run there.` };
    }
    return { folder: named, resuming: true };
  }
  const newest = newestRunFolder(options.outputRoot, options.modelName, options.testDir, suffix);
  if (!newest) {
    const folder = defaultRunFolder(options.outputRoot, options.modelName, options.testDir, options.now) + suffix;
    return { folder, resuming: false, notice: `No earlier run of ${options.modelName} on ${path.basename(options.testDir)} under ${options.outputRoot}/; starting a fresh run.` };
  }
  return { folder: newest, resuming: true };
}
