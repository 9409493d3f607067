// Judge answers kept in the run folder (judge_cache.jsonl), keyed by what decides them: the judge's model,
// its prompt settings and the exact prompt (so the answer graded too). Resuming or rescoring a run never asks
// the judge the same thing twice. Appended as answers arrive; a torn last line is ignored when it is read back.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import type { JudgeSettings } from './judge-settings.ts';

export interface CachedJudgement {
  score: number;
  verdict: string;
  reply: string;
  attempts: number;
}

export const JUDGE_CACHE_FILE = 'judge_cache.jsonl';

/** The key of one judge request: the model, the prompt settings, the prompt itself and the repeat. */
export function judgeKey(settings: JudgeSettings, system: string, prompt: string, repeat: number): string {
  const t = settings.template;
  return createHash('sha256')
    .update(JSON.stringify([settings.modelId, system, t.score_type, t.score_pattern, t.score_mapping ?? null, settings.generation, repeat, prompt]))
    .digest('hex');
}

export class JudgeCache {
  private readonly entries = new Map<string, CachedJudgement>();
  private out?: WriteStream;

  constructor(private readonly file: string | undefined) {
    if (!file || !existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as { key: string } & CachedJudgement;
        if (typeof e.key === 'string' && typeof e.score === 'number') this.entries.set(e.key, { score: e.score, verdict: e.verdict, reply: e.reply, attempts: e.attempts });
      } catch {
        /* a torn line from a killed run */
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedJudgement | undefined {
    return this.entries.get(key);
  }

  put(key: string, value: CachedJudgement): void {
    this.entries.set(key, value);
    if (!this.file) return;
    this.out ??= createWriteStream(this.file, { flags: 'a' });
    this.out.write(JSON.stringify({ key, ...value }) + '\n');
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.out ? this.out.end(() => resolve()) : resolve()));
  }
}
