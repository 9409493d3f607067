// The one place that names the files of a run folder, and makes user-given names safe to use in paths.
import path from 'node:path';

/** "Qwen/Qwen2.5-7B" → "Qwen_Qwen2.5-7B": no separators, no "..", nothing a file system refuses. */
export function pathSafe(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\/\\:*?"<>|\x00-\x1f]/g, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .trim();
  return (cleaned || '_').slice(0, 120);
}

/** YYYYMMDD_HHMMSS in local time, as the original's folder names. */
export function runTimestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}_${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** The prefix shared by every run of a model on a test set: output/{model}_{basename(test_dir)}_ */
export function runFolderPrefix(modelName: string, testDir: string): string {
  const base = path.basename(path.resolve(testDir)).replace(/\.jsonl$/, '');
  return `${pathSafe(modelName)}_${pathSafe(base)}_`;
}

export function defaultRunFolder(outputRoot: string, modelName: string, testDir: string, now: Date): string {
  return path.join(outputRoot, runFolderPrefix(modelName, testDir) + runTimestamp(now));
}

export class RunPaths {
  constructor(readonly root: string) {}
  get detailsDir(): string {
    return path.join(this.root, 'details');
  }
  /** details/<input file name>, the same name as the input file. */
  details(inputFile: string): string {
    return path.join(this.detailsDir, path.basename(inputFile));
  }
  get meta(): string {
    return path.join(this.root, 'meta.jsonl');
  }
  xlsx(modelName: string): string {
    return path.join(this.root, `${pathSafe(modelName)}_scores.xlsx`);
  }
  get evalArgs(): string {
    return path.join(this.root, 'eval_args.json');
  }
  get progressLog(): string {
    return path.join(this.root, 'progress.log');
  }
  get inputErrors(): string {
    return path.join(this.root, 'input_errors.jsonl');
  }
  get resultsYaml(): string {
    return path.join(this.root, 'results.yml');
  }
}
