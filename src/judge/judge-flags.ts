// The judge's flags for commands that parse their own (rescore, arena): the same names, meanings and checks as
// run_eval's, read from a minimist result.
import { UsageError } from '../errors.ts';
import { judgeSettings, type JudgeSettings, type JudgeStrategy } from './judge-settings.ts';

export const JUDGE_FLAG_NAMES = ['judge_strategy', 'judge_model_args', 'judge_template', 'judge_repeats', 'judge_aggregation'] as const;

export interface JudgeChoice {
  strategy: JudgeStrategy;
  settings?: JudgeSettings;
  /** What the user chose over a bootcamp's own template (see JudgeStage). */
  chosen: { template: boolean; system: boolean };
}

export function judgeFromArgs(args: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>, workers: number, defaultStrategy: JudgeStrategy): JudgeChoice {
  const strategy = (args.judge_strategy ?? defaultStrategy) as string;
  if (!['rule', 'llm', 'auto', 'llm_recall'].includes(strategy)) throw new UsageError(`--judge_strategy: expected rule, llm, auto or llm_recall, got ${JSON.stringify(strategy)}`);
  let modelArgs: Record<string, unknown> | undefined;
  if (args.judge_model_args !== undefined) {
    try {
      modelArgs = JSON.parse(String(args.judge_model_args)) as Record<string, unknown>;
    } catch {
      throw new UsageError('--judge_model_args: expected a JSON object such as {"model_id": "m", "api_url": "http://127.0.0.1:8001/v1"}');
    }
    if (!modelArgs || typeof modelArgs !== 'object' || Array.isArray(modelArgs)) throw new UsageError('--judge_model_args: expected a JSON object');
  }
  const whole = (name: string, fallback: number, max: number) => {
    const raw = args[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name}: expected a whole number from 1 to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
  const aggregation = String(args.judge_aggregation ?? 'mean');
  if (!['mean', 'median', 'majority'].includes(aggregation)) throw new UsageError(`--judge_aggregation: expected mean, median or majority, got ${JSON.stringify(aggregation)}`);
  const settings = judgeSettings(
    { judge_model_args: modelArgs, judge_template: args.judge_template as string | undefined, judge_repeats: whole('judge_repeats', 1, 32), judge_aggregation: aggregation as 'mean', judge_worker_num: workers },
    env,
    '--judge_model_args',
  );
  if ((strategy === 'llm' || strategy === 'llm_recall') && !settings) throw new UsageError(`--judge_strategy ${strategy} needs --judge_model_args '{"model_id": "...", "api_url": "http://host:port/v1"}'`);
  const chosen = { template: args.judge_template !== undefined || modelArgs?.prompt_template !== undefined, system: modelArgs?.system_prompt !== undefined };
  return { strategy: strategy as JudgeStrategy, settings, chosen };
}
