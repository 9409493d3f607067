// The judge as the run's review stage: checked before anything is written (is a judge needed for these data
// sources, and given?), opened once the run folder is known (its cache lives there; its server is checked),
// then each scored row passes through it. The runner knows only "a review stage".
import type { Config } from '../config/config.ts';
import type { AnyBootcamp } from '../../bootcamps/types.ts';
import type { ReviewStage } from '../run/run-types.ts';
import { JudgeStage, judgeStageNeeded } from './judge-stage.ts';
import { judgePendingRows } from './judge-pass.ts';

export interface JudgeReview {
  /** Refuses (UsageError) a run that needs a judge it was not given. */
  prepare(dataSources: ReadonlySet<string>): void;
  open(folder: string, signal: AbortSignal): Promise<ReviewStage | undefined>;
}

export function judgeReview(config: Config, lookup: (dataSource: string) => AnyBootcamp | undefined, log: (line: string) => void): JudgeReview {
  let needed = false;
  return {
    prepare(dataSources) {
      if (config.judge_strategy === 'rule') return;
      const bootcamps = [...dataSources].map(lookup).filter((b): b is AnyBootcamp => b !== undefined);
      needed = judgeStageNeeded(config.judge_strategy, config.judge, bootcamps);
    },
    async open(folder, signal) {
      if (!needed || !config.judge) return undefined;
      const args = config.judge_model_args ?? {};
      const stage = new JudgeStage(
        config.judge_strategy,
        config.judge,
        { maxAttempts: config.max_retries, maxDelaySec: config.max_retrying_delay, timeoutMs: config.timeout },
        folder,
        { template: config.judge_template !== undefined || args.prompt_template !== undefined, system: args.system_prompt !== undefined },
        signal,
        config.judge_defer,
      );
      if (config.check_model_url) {
        log(`Checking the judge ${config.judge.baseUrl}/models for model '${config.judge.modelId}'...`);
        await stage.client.check({ intervalSec: config.check_interval, maxAttempts: config.check_max_attempts, log });
      }
      log(`Judge: ${config.judge.modelId} (${config.judge_strategy}, template ${config.judge.template.name}, ${config.judge.workers} request(s) at a time${stage.client.cache.size ? `, ${stage.client.cache.size} answers cached in this folder` : ''}).`);
      let passed = 0;
      return {
        review: (item, row) => stage.review(item, row, true),
        async finish(files, stop, resumed) {
          const deferred = stage.deferred;
          // Nothing left for later this session, and no earlier session that could have: no file to read again.
          if (deferred === 0 && !resumed) return;
          if (deferred > 0) log(`Judging the ${deferred} row(s) left for after the model's requests...`);
          const before = stage.judged;
          for (const file of files) await judgePendingRows(file, lookup, (item, row) => stage.review(item, row, false), stop);
          passed += stage.judged - before;
        },
        summary: () => `Judge ${config.judge!.modelId}: ${stage.judged} item(s) judged (${passed} of them after the model's requests), ${stage.failed} without a verdict; ${stage.client.requests} request(s) sent.`,
        close: () => stage.close(),
      };
    },
  };
}
