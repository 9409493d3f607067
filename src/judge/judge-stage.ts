// The judge as a scoring stage after the rule: which items it sees under each --judge_strategy (EvalScope's
// meanings), the prompt it gets, the repeats aggregated, and how the row changes: `rule_score` keeps the rule's
// score, `judge` records the verdict, and under llm (or llm_recall, for the items judged) `score` is the judge's.
import path from 'node:path';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import type { DetailsRow } from '../output/details-row.ts';
import { UsageError } from '../errors.ts';
import { JudgeCache, JUDGE_CACHE_FILE } from './judge-cache.ts';
import { JudgeClient, type RetrySettings } from './judge-client.ts';
import type { JudgeSettings, JudgeStrategy } from './judge-settings.ts';
import { gradingPrompt, injectionSuspect, loadJudgeTemplate, type JudgeTemplate } from './judge-template.ts';
import { aggregateVerdicts, type Verdict } from './verdict.ts';

export type JudgeRecord = {
  score: number | null;
  verdict: string | null;
  reply: string;
  model: string;
  attempts: number;
  cached: boolean;
  injection_suspect: boolean;
  error?: string;
};

/** What the stage needs of an item: its prompt, its bootcamp and its ground truth. */
export interface JudgedItem {
  prompt: string;
  bootcamp: AnyBootcamp;
  ground_truth: unknown;
  parsedGroundTruth: unknown;
}

/** Whether this strategy has the judge look at items of this bootcamp at all. */
export function judgesBootcamp(strategy: JudgeStrategy, bootcamp: AnyBootcamp): boolean {
  return strategy === 'llm' || strategy === 'llm_recall' || (strategy === 'auto' && bootcamp.judge !== undefined);
}

function goldText(item: JudgedItem): string {
  if (item.bootcamp.judge?.gold) return item.bootcamp.judge.gold(item.parsedGroundTruth);
  const gt = item.ground_truth;
  if (typeof gt === 'string') return gt;
  if (gt && typeof gt === 'object' && 'answer' in gt) {
    const answer = (gt as { answer: unknown }).answer;
    return typeof answer === 'string' ? answer : JSON.stringify(answer);
  }
  return JSON.stringify(gt);
}

function criterionOf(item: JudgedItem): string {
  const gt = item.ground_truth;
  return gt && typeof gt === 'object' && typeof (gt as { criterion?: unknown }).criterion === 'string' ? (gt as { criterion: string }).criterion : '';
}

export class JudgeStage {
  readonly client: JudgeClient;
  private readonly templates = new Map<string, JudgeTemplate>();
  /** Items the judge scored, those where it gave no verdict, and those left for the pass after the model's requests. */
  judged = 0;
  failed = 0;
  deferred = 0;
  /**
   * Event-loop utilisation, sampled every 200 ms at most and smoothed (half the weight on the last sample):
   * above 0.85 the evaluator has no CPU to spare. The smoothing keeps one busy moment from deferring rows.
   */
  private elu = performance.eventLoopUtilization();
  private eluAt = 0;
  private smoothedElu = 0;

  constructor(
    readonly strategy: JudgeStrategy,
    readonly settings: JudgeSettings,
    retry: RetrySettings,
    folder: string | undefined,
    /** What the user chose (--judge_template or prompt_template; system_prompt): a bootcamp's own template yields to it. */
    private readonly chosen: { template: boolean; system: boolean },
    signal?: AbortSignal,
    /** --judge_defer: never judge later, always (EvalScope's order), or auto (later only while the CPU is saturated). */
    private readonly defer: 'auto' | 'always' | 'never' = 'never',
  ) {
    this.client = new JudgeClient(settings, retry, new JudgeCache(folder ? path.join(folder, JUDGE_CACHE_FILE) : undefined), signal);
  }

  private templateFor(bootcamp: AnyBootcamp): JudgeTemplate {
    const name = this.chosen.template ? undefined : bootcamp.judge?.template;
    if (!name) return this.settings.template;
    let t = this.templates.get(name);
    if (!t) {
      t = loadJudgeTemplate(name);
      if (this.chosen.system) t = { ...t, system_prompt: this.settings.template.system_prompt };
      this.templates.set(name, t);
    }
    return t;
  }

  private shouldDefer(): boolean {
    if (this.defer !== 'auto') return this.defer === 'always';
    const now = performance.now();
    if (now - this.eluAt >= 200) {
      const since = performance.eventLoopUtilization(this.elu);
      this.smoothedElu = this.eluAt === 0 ? since.utilization / 2 : 0.5 * this.smoothedElu + 0.5 * since.utilization;
      this.elu = performance.eventLoopUtilization();
      this.eluAt = now;
    }
    return this.smoothedElu > 0.85;
  }

  /**
   * The row after the judge (the same row when this item is not the judge's to see). With `mayDefer`, while the
   * evaluator has no CPU to spare the row is instead marked `judge: {pending: true}`, for the pass after the
   * model's requests: the judge's work then never slows the evaluated model's.
   */
  async review(item: JudgedItem, row: DetailsRow, mayDefer = false): Promise<DetailsRow> {
    if (row.error !== undefined || !judgesBootcamp(this.strategy, item.bootcamp)) return row;
    if (this.strategy === 'llm_recall' && row.score >= 1) return row;
    if (mayDefer && this.shouldDefer()) {
      this.deferred++;
      return { ...row, rule_score: row.score, judge: { pending: true, model: this.settings.modelId } };
    }
    const template = this.templateFor(item.bootcamp);
    const prompt = gradingPrompt(template, { question: item.prompt, gold: goldText(item), answer: row.output, criterion: criterionOf(item) });
    const verdicts: Verdict[] = [];
    let reply = '';
    let attempts = 0;
    let cached = true;
    let error: string | undefined;
    for (let r = 0; r < this.settings.repeats; r++) {
      const j = await this.client.judge(prompt, r, template);
      attempts += j.attempts;
      cached &&= j.cached;
      reply = j.reply;
      if (j.verdict) verdicts.push(j.verdict);
      else error ??= j.error;
    }
    const suspect = injectionSuspect(template, row.output);
    const base = { reply, model: this.settings.modelId, attempts, cached, injection_suspect: suspect };
    if (verdicts.length === 0) {
      this.failed++;
      // No verdict: the rule's score stands, and the row says why it was not judged.
      const judge: JudgeRecord = { score: null, verdict: null, ...base, error: error ?? 'no verdict' };
      return { ...row, rule_score: row.score, judge, verify_error: row.verify_error ?? `judge: ${judge.error}` };
    }
    this.judged++;
    const v = aggregateVerdicts(verdicts, this.settings.aggregation);
    const judge: JudgeRecord = { score: v.score, verdict: v.verdict, ...base, ...(error ? { error: `${this.settings.repeats - verdicts.length} of ${this.settings.repeats} judgements gave no verdict: ${error}` } : {}) };
    return { ...row, rule_score: row.score, score: v.score, judge };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** The stage a run's settings ask for, or undefined when no item of these bootcamps will see a judge. */
export function judgeStageNeeded(strategy: JudgeStrategy, settings: JudgeSettings | undefined, bootcamps: readonly AnyBootcamp[]): boolean {
  const needed = bootcamps.some((b) => judgesBootcamp(strategy, b));
  if (needed && !settings) {
    const asking = bootcamps.filter((b) => b.judge !== undefined).map((b) => b.name);
    throw new UsageError(`${asking.join(', ')} ${asking.length === 1 ? 'is' : 'are'} scored by an LLM judge (--judge_strategy auto): give --judge_model_args '{"model_id": "...", "api_url": "http://host:port/v1"}', or --judge_strategy rule for the rule's score alone`);
  }
  return needed;
}
