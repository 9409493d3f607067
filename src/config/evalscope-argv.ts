// EvalScope's command line (`evalscope eval --model M --api-url URL --eval-type openai_api --datasets gsm8k arc
// --generation-config '{"max_tokens": 512}'`) read as ours: hyphens in flag names become underscores,
// `--datasets a b` takes every word up to the next flag, and its TaskConfig-only flags (--api-url, --model,
// --generation-config, --eval-batch-size, --use-cache, ...) are mapped as a TaskConfig's keys are.
import { UsageError } from '../errors.ts';
import { TASK_CONFIG_KEYS } from './task-config.ts';

export interface EvalScopeArgv {
  /** The command line left for our own parser. */
  argv: string[];
  /** TaskConfig keys given as flags, with their values (JSON parsed where the key takes an object). */
  taskConfig: Record<string, unknown>;
}

const OBJECT_KEYS = new Set(['generation_config', 'model_args', 'judge_model_args']);

/** `known(name)`: is this (underscored) name one of our flags or aliases. */
export function readEvalScopeArgv(argv: readonly string[], known: (name: string) => boolean): EvalScopeArgv {
  const out: string[] = [];
  const taskConfig: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([A-Za-z][\w-]*)(=.*)?$/.exec(arg);
    if (!m) {
      out.push(arg);
      continue;
    }
    // --no-flag negates a boolean (minimist's form): keep the prefix, normalise the rest.
    const negated = m[1].startsWith('no-') && known(m[1].slice(3).replaceAll('-', '_'));
    const base = negated ? m[1].slice(3) : m[1];
    const underscored = base.replaceAll('-', '_');
    const name = known(underscored) || underscored in TASK_CONFIG_KEYS ? underscored : base;
    const inlineValue = m[2]?.slice(1);
    if (negated) {
      out.push(`--no-${name}${m[2] ?? ''}`);
      continue;
    }
    if (!known(name) && name in TASK_CONFIG_KEYS) {
      const raw = inlineValue ?? argv[++i];
      if (raw === undefined || (inlineValue === undefined && raw.startsWith('--'))) throw new UsageError(`--${m[1]}: expected a value`);
      let value: unknown = raw;
      if (OBJECT_KEYS.has(name)) {
        try {
          value = JSON.parse(raw);
        } catch {
          throw new UsageError(`--${m[1]}: expected a JSON object such as '{"max_tokens": 512}'`);
        }
      } else if (name === 'eval_batch_size') value = Number(raw);
      taskConfig[name] = value;
      continue;
    }
    if (name === 'datasets' && inlineValue === undefined) {
      // EvalScope takes several words (nargs='+'); ours a comma list. Both work.
      const words: string[] = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) words.push(argv[++i]);
      out.push('--datasets', words.join(','));
      continue;
    }
    out.push(`--${name}${m[2] ?? ''}`);
  }
  return { argv: out, taskConfig };
}
