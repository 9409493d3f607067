// EvalScope's TaskConfig keys (its documented fields), mapped onto our settings so that a TaskConfig file runs
// unchanged. Keys our flags already spell the same way (datasets, limit, repeats, seed, use_sandbox, ...) are
// read as those flags; the rest are here. A key whose feature is not built yet is accepted only when it asks
// for nothing, else refused naming the key.
import { UsageError } from '../errors.ts';
import { memoryLimitMb } from '../sandbox/memory-size.ts';
import type { FlagName } from './flags.ts';

type Put = (name: FlagName, value: unknown, where: string) => void;

/** eval_type values that name a kind of model (EvalScope), never a benchmark (NeMo). */
export const MODEL_KINDS = new Set(['service', 'openai_api', 'server', 'checkpoint', 'llm_ckpt', 'mock_llm']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const seconds = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) : v);

/** generation_config keys → our flags (timeout in seconds there, milliseconds here). */
const GENERATION: Record<string, { flag: FlagName; convert?: (v: unknown) => unknown }> = {
  max_tokens: { flag: 'max_tokens' },
  max_new_tokens: { flag: 'max_tokens' },
  temperature: { flag: 'temperature' },
  top_p: { flag: 'top_p' },
  top_k: { flag: 'top_k' },
  min_p: { flag: 'min_p' },
  seed: { flag: 'seed' },
  stream: { flag: 'stream' },
  timeout: { flag: 'timeout', convert: seconds },
  presence_penalty: { flag: 'presence_penalty' },
  frequency_penalty: { flag: 'frequency_penalty' },
  repetition_penalty: { flag: 'repetition_penalty' },
  stop: { flag: 'stop' },
  extra_body: { flag: 'extra_body' },
};

export function modelKind(value: unknown, where: string): void {
  const kind = String(value);
  if (kind === 'checkpoint' || kind === 'llm_ckpt') {
    throw new UsageError(`${where}: ${kind} (a model loaded in-process) is not supported: serve the model behind an OpenAI-compatible server (vLLM, SGLang, llama.cpp) and give its api_url with eval_type: service`);
  }
  if (!MODEL_KINDS.has(kind)) throw new UsageError(`${where}: expected service or openai_api (a model behind an OpenAI-compatible server), got ${JSON.stringify(value)}`);
}

/** Handlers for TaskConfig keys that are not flag names; each reads its value and sets flags through put. */
export const TASK_CONFIG_KEYS: Record<string, (value: unknown, put: Put, where: string, doc: Record<string, unknown>) => void> = {
  api_url: (v, put, where) => put('url', v, where),
  model: (v, put, where) => put('model_name', v, where),
  // EvalScope's display name for a served model; the served name (model) wins when both are given.
  model_id: (v, put, where, doc) => {
    if (doc.model === undefined) put('model_name', v, where);
  },
  eval_batch_size: (v, put, where) => put('max_concurrent_requests', v, where),
  work_dir: (v, put, where) => put('work_dir', v, where),
  use_cache: (v, put, where) => {
    if (typeof v !== 'string' || v === '') throw new UsageError(`${where}: expected the folder of an earlier run to continue`);
    put('resume', v, where);
  },
  debug: () => {},
  eval_backend: (v, _put, where) => {
    if (v !== 'Native' && v !== 'native') throw new UsageError(`${where}: only the Native backend exists here (got ${JSON.stringify(v)})`);
  },
  generation_config: (v, put, where) => {
    if (!isObject(v)) throw new UsageError(`${where}: expected a mapping`);
    for (const [key, value] of Object.entries(v)) {
      if (key === 'n') {
        if (value !== 1) throw new UsageError(`${where}.n: several samples per request are not supported; use repeats: ${String(value)} instead`);
        continue;
      }
      const m = GENERATION[key];
      if (!m) throw new UsageError(`${where}.${key}: not a generation setting we take (known: ${Object.keys(GENERATION).join(', ')}, n)`);
      put(m.flag, m.convert ? m.convert(value) : value, `${where}.${key}`);
    }
  },
  model_args: (v, put, where) => {
    if (!isObject(v)) throw new UsageError(`${where}: expected a mapping`);
    for (const [key, value] of Object.entries(v)) {
      if (key === 'default_headers') {
        if (!isObject(value)) throw new UsageError(`${where}.default_headers: expected a mapping of header names to values`);
        put('header', Object.entries(value).map(([name, text]) => `${name}: ${String(text)}`), `${where}.default_headers`);
      } else if (key === 'timeout') put('timeout', seconds(value), `${where}.timeout`);
      else if (key === 'max_retries') put('max_retries', value, `${where}.max_retries`);
      else if (key === 'api_key') put('api_key', value, `${where}.api_key`);
      else throw new UsageError(`${where}.${key}: not a model setting we take (known: default_headers, timeout, max_retries, api_key)`);
    }
  },
  // EvalScope's current sandbox block: {enabled, engine, manager_config: {base_url, api_key}, pool_size, default_config}.
  sandbox: (v, put, where) => {
    if (v === null) return;
    if (!isObject(v)) throw new UsageError(`${where}: expected a mapping (enabled, engine, manager_config, pool_size, default_config)`);
    for (const key of Object.keys(v)) {
      if (!['enabled', 'engine', 'manager_config', 'pool_size', 'default_config'].includes(key)) throw new UsageError(`${where}.${key}: not a sandbox setting we take (known: enabled, engine, manager_config, pool_size, default_config)`);
    }
    if (v.enabled !== undefined) put('use_sandbox', v.enabled, `${where}.enabled`);
    const manager = v.manager_config;
    if (manager !== undefined && manager !== null && !isObject(manager)) throw new UsageError(`${where}.manager_config: expected a mapping (base_url, api_key)`);
    const remote = isObject(manager) && typeof manager.base_url === 'string';
    if (remote) put('sandbox_manager_config', { ...manager, ...(v.pool_size !== undefined ? { pool_size: v.pool_size } : {}) }, `${where}.manager_config`);
    // engine docker without a server is local Docker; with a server's base_url it names what the server runs.
    if (v.engine !== undefined && v.engine !== null) {
      if (v.engine !== 'docker' && v.engine !== 'volcengine' && v.engine !== 'bwrap') throw new UsageError(`${where}.engine: expected docker (or bwrap, ours), got ${JSON.stringify(v.engine)}`);
      if (!remote) put('sandbox_type', v.engine === 'bwrap' ? 'bwrap' : 'docker', `${where}.engine`);
    }
    const defaults = v.default_config;
    if (defaults !== undefined && defaults !== null) {
      if (!isObject(defaults)) throw new UsageError(`${where}.default_config: expected a mapping (image, memory_limit, ...)`);
      if (typeof defaults.image === 'string') put('sandbox_image', defaults.image, `${where}.default_config.image`);
      if (defaults.memory_limit !== undefined) {
        const mb = memoryLimitMb(defaults.memory_limit);
        if (mb === undefined) throw new UsageError(`${where}.default_config.memory_limit: expected a size such as 2g or 512m, got ${JSON.stringify(defaults.memory_limit)}`);
        put('sandbox_memory_mb', mb, `${where}.default_config.memory_limit`);
      }
    }
  },
  judge_strategy: (v, put, where) => {
    if (typeof v !== 'string' || !['rule', 'llm', 'auto', 'llm_recall'].includes(v)) throw new UsageError(`${where}: expected rule, llm, auto or llm_recall, got ${JSON.stringify(v)}`);
    put('judge_strategy', v, where);
  },
  judge_model_args: (v, put, where) => {
    if (v === null || (isObject(v) && Object.keys(v).length === 0)) return;
    if (!isObject(v)) throw new UsageError(`${where}: expected a mapping (model_id, api_url, ...)`);
    put('judge_model_args', v, where);
  },
  judge_worker_num: (v, put, where) => put('judge_worker_num', v, where),
  // EvalScope's newer typed block: {strategy, models: [{model_id, api_url, api_key, generation_config}],
  // contract: {system_prompt, prompt_template, score_mapping, score_type}, repeats, aggregation, position_swap}.
  judge: (v, put, where, doc) => {
    if (!isObject(v)) throw new UsageError(`${where}: expected a mapping (strategy, models, contract, repeats, aggregation)`);
    if (doc.judge_strategy !== undefined || doc.judge_model_args !== undefined) throw new UsageError(`${where}: give either judge or judge_strategy/judge_model_args, not both (as EvalScope)`);
    const known = ['strategy', 'models', 'contract', 'repeats', 'aggregation', 'position_swap', 'min_valid_judges'];
    for (const key of Object.keys(v)) if (!known.includes(key)) throw new UsageError(`${where}.${key}: not a judge setting (known: ${known.join(', ')})`);
    if (v.strategy !== undefined) TASK_CONFIG_KEYS.judge_strategy(v.strategy, put, `${where}.strategy`, doc);
    const models = v.models === undefined ? [] : Array.isArray(v.models) ? v.models : [v.models];
    if (models.length > 1) throw new UsageError(`${where}.models: one judge model at a time here (got ${models.length}); several judges are not supported`);
    if (v.min_valid_judges !== undefined && v.min_valid_judges !== 1) throw new UsageError(`${where}.min_valid_judges: only 1 (one judge model)`);
    const args: Record<string, unknown> = {};
    if (models.length === 1) {
      const m = models[0];
      if (!isObject(m)) throw new UsageError(`${where}.models[0]: expected a mapping (model_id, api_url, api_key, generation_config)`);
      for (const [key, value] of Object.entries(m)) {
        if (['model_id', 'api_url', 'api_key', 'generation_config'].includes(key)) args[key] = value;
        else if (key !== 'judge_id' && key !== 'eval_type') throw new UsageError(`${where}.models[0].${key}: not a judge model setting we take (known: model_id, api_url, api_key, generation_config)`);
      }
    }
    if (v.contract !== undefined) {
      if (!isObject(v.contract)) throw new UsageError(`${where}.contract: expected a mapping`);
      for (const [key, value] of Object.entries(v.contract)) {
        if (!['system_prompt', 'prompt_template', 'score_mapping', 'score_type'].includes(key)) throw new UsageError(`${where}.contract.${key}: not a contract setting (known: system_prompt, prompt_template, score_mapping, score_type)`);
        args[key] = value;
      }
    }
    if (Object.keys(args).length > 0) put('judge_model_args', args, `${where}.models`);
    if (v.repeats !== undefined) put('judge_repeats', v.repeats, `${where}.repeats`);
    if (v.aggregation !== undefined) put('judge_aggregation', v.aggregation === 'majority_vote' ? 'majority' : v.aggregation, `${where}.aggregation`);
    // Position swap is what the arena always does; a single-answer judgement has no positions.
    if (v.position_swap !== undefined && !['auto', 'on', 'off'].includes(String(v.position_swap))) throw new UsageError(`${where}.position_swap: expected auto, on or off`);
  },
};
