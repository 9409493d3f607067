// The judge's settings from the config: EvalScope's judge_model_args keys (model_id, api_url, api_key or
// api_key_name, system_prompt, prompt_template, generation_config, score_type, score_pattern, score_mapping),
// --judge_template, --judge_repeats and --judge_aggregation, checked with messages that name the key.
import { UsageError } from '../errors.ts';
import { loadJudgeTemplate, type JudgeTemplate } from './judge-template.ts';

export type JudgeStrategy = 'rule' | 'llm' | 'auto' | 'llm_recall';

export interface JudgeSettings {
  modelId: string;
  /** Base URL (…/v1); a full …/chat/completions endpoint is cut to it. */
  baseUrl: string;
  /** Never written anywhere. */
  apiKey?: string;
  template: JudgeTemplate;
  /** Sent in every judge request (temperature 0 and max_tokens 2048 unless set). */
  generation: Record<string, unknown>;
  repeats: number;
  aggregation: 'mean' | 'median' | 'majority';
  workers: number;
}

const KNOWN = ['model_id', 'api_url', 'api_key', 'api_key_name', 'system_prompt', 'prompt_template', 'generation_config', 'score_type', 'score_pattern', 'score_mapping'];

export interface JudgeFlags {
  judge_model_args?: Record<string, unknown>;
  judge_template?: string;
  judge_repeats: number;
  judge_aggregation: 'mean' | 'median' | 'majority';
  judge_worker_num: number;
}

/** The judge's settings, or undefined when no judge_model_args were given. */
export function judgeSettings(flags: JudgeFlags, env: Readonly<Record<string, string | undefined>>, where = 'judge_model_args'): JudgeSettings | undefined {
  const args = flags.judge_model_args;
  if (!args || Object.keys(args).length === 0) return undefined;
  for (const key of Object.keys(args)) if (!KNOWN.includes(key)) throw new UsageError(`${where}.${key}: not a judge setting (known: ${KNOWN.join(', ')})`);
  const text = (key: string): string | undefined => {
    const v = args[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v === '') throw new UsageError(`${where}.${key}: expected a non-empty string`);
    return v;
  };
  const modelId = text('model_id');
  const apiUrl = text('api_url');
  if (!modelId) throw new UsageError(`${where}.model_id: the judge model's name is required`);
  if (!apiUrl || !/^https?:\/\/\S+$/.test(apiUrl)) throw new UsageError(`${where}.api_url: expected the judge server's http(s) base URL, such as http://127.0.0.1:8001/v1`);
  let apiKey = text('api_key');
  const keyName = text('api_key_name');
  if (keyName !== undefined) {
    if (env[keyName] === undefined) throw new UsageError(`${where}.api_key_name: environment variable ${keyName} is not set`);
    apiKey = env[keyName];
  }
  let template = loadJudgeTemplate(flags.judge_template ?? 'correctness');
  const prompt = text('prompt_template');
  if (prompt !== undefined) template = { ...template, name: 'judge_model_args.prompt_template', template: prompt };
  const system = args.system_prompt;
  if (system !== undefined) {
    if (typeof system !== 'string') throw new UsageError(`${where}.system_prompt: expected a string`);
    template = { ...template, system_prompt: system };
  }
  const scoreType = args.score_type;
  if (scoreType !== undefined) {
    if (scoreType !== 'pattern' && scoreType !== 'numeric') throw new UsageError(`${where}.score_type: expected "pattern" or "numeric"`);
    template = { ...template, score_type: scoreType };
  }
  const pattern = text('score_pattern');
  if (pattern !== undefined) template = { ...template, score_pattern: pattern };
  const mapping = args.score_mapping;
  if (mapping !== undefined) {
    if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping) || !Object.values(mapping).every((v) => typeof v === 'number')) {
      throw new UsageError(`${where}.score_mapping: expected verdict → score, such as {"A": 1, "B": 0}`);
    }
    template = { ...template, score_mapping: mapping as Record<string, number> };
  }
  if (template.score_type === 'pattern' && !template.score_mapping) throw new UsageError(`${where}: score_type "pattern" needs score_mapping`);
  const generation = args.generation_config ?? {};
  if (typeof generation !== 'object' || Array.isArray(generation)) throw new UsageError(`${where}.generation_config: expected a mapping (temperature, max_tokens, ...)`);
  return {
    modelId,
    baseUrl: apiUrl.replace(/\/+(chat\/completions|completions)\/*$/, '').replace(/\/+$/, ''),
    ...(apiKey !== undefined ? { apiKey } : {}),
    template,
    generation: { temperature: 0, max_tokens: 2048, ...(generation as Record<string, unknown>) },
    repeats: flags.judge_repeats,
    aggregation: flags.judge_aggregation,
    workers: flags.judge_worker_num,
  };
}
