// Asks the judge model: our own HTTP client and retry policy, a queue of its own (--judge_worker_num requests
// in flight, apart from the evaluated model's), the health check, and the verdict read from each reply. A reply
// without a verdict is asked again (up to three replies), then it is the item's judge error.
import PQueue from 'p-queue';
import { HttpClient } from '../model/http.ts';
import { withRetries, AttemptsFailed } from '../model/retry-policy.ts';
import { parseAnswer } from '../model/requests.ts';
import { checkModelAvailable } from '../model/health-check.ts';
import { redactText } from '../redact.ts';
import type { JudgeSettings } from './judge-settings.ts';
import { readVerdict, type Verdict } from './verdict.ts';
import { JudgeCache, judgeKey } from './judge-cache.ts';

export const VERDICT_REPLIES = 3;

export interface RetrySettings {
  maxAttempts: number;
  maxDelaySec: number;
  timeoutMs: number;
}

/** For commands without a run's flags (rescore, arena): run_eval's default attempts and backoff cap, 10 minutes an attempt. */
export const JUDGE_RETRY_DEFAULTS: RetrySettings = { maxAttempts: 16, maxDelaySec: 60, timeoutMs: 600_000 };

export interface Judgement {
  verdict?: Verdict;
  reply: string;
  /** Replies asked for (retries of the HTTP request inside one reply not counted). */
  attempts: number;
  cached: boolean;
  error?: string;
}

export class JudgeClient {
  private readonly http: HttpClient;
  private readonly queue: PQueue;
  /** Requests sent to the judge (cache hits not counted), for the summary and the tests. */
  requests = 0;

  constructor(
    readonly settings: JudgeSettings,
    private readonly retry: RetrySettings,
    readonly cache: JudgeCache,
    private readonly signal?: AbortSignal,
  ) {
    this.http = new HttpClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, maxSockets: settings.workers });
    this.queue = new PQueue({ concurrency: settings.workers });
  }

  check(options: { intervalSec: number; maxAttempts: number; log: (line: string) => void }): Promise<void> {
    return checkModelAvailable({ http: this.http, modelName: this.settings.modelId, ...options, signal: this.signal });
  }

  /** One judgement of `prompt` (a filled template), from the cache when it was asked before. */
  async judge(prompt: string, repeat: number, template = this.settings.template): Promise<Judgement> {
    const system = template.system_prompt;
    const key = judgeKey({ ...this.settings, template }, system, prompt, repeat);
    const hit = this.cache.get(key);
    if (hit) return { verdict: { score: hit.score, verdict: hit.verdict }, reply: hit.reply, attempts: hit.attempts, cached: true };
    return this.queue.add(async (): Promise<Judgement> => {
      let reply = '';
      for (let attempt = 1; attempt <= VERDICT_REPLIES; attempt++) {
        const body = {
          model: this.settings.modelId,
          messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: prompt }],
          ...this.settings.generation,
          // Repeats of one judgement, and replies asked again, differ by seed (a judge at temperature 0 with the same seed says the same).
          ...(repeat > 0 || attempt > 1 ? { seed: Number(this.settings.generation.seed ?? 0) + repeat * VERDICT_REPLIES + attempt - 1 } : {}),
        };
        try {
          const { value } = await withRetries(
            async () => {
              this.requests++;
              const response = await this.http.request('POST', 'chat/completions', body, this.retry.timeoutMs, this.signal);
              return parseAnswer(response.json, 'chat_completion');
            },
            { maxAttempts: this.retry.maxAttempts, maxDelaySec: this.retry.maxDelaySec, signal: this.signal },
          );
          reply = value.output;
        } catch (err) {
          const last = err instanceof AttemptsFailed ? err.lastError : err;
          return { reply, attempts: attempt, cached: false, error: `the judge request failed: ${redactText((last as Error).message ?? String(last), [this.settings.apiKey])}` };
        }
        const verdict = readVerdict(template, reply);
        if (verdict) {
          this.cache.put(key, { ...verdict, reply, attempts: attempt });
          return { verdict, reply, attempts: attempt, cached: false };
        }
      }
      return { reply, attempts: VERDICT_REPLIES, cached: false, error: `no verdict the template accepts in ${VERDICT_REPLIES} replies` };
    }) as Promise<Judgement>;
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    this.http.close();
    await this.cache.close();
  }
}
