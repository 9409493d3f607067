// Reads a run config (YAML or JSON) in one of three shapes: flat, whose keys are our flag names; EvalScope's
// TaskConfig (flat too, its own keys mapped in task-config.ts); or NeMo Evaluator's nested `config.params` /
// `target.api_endpoint` form, mapped onto our names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FLAG_ALIASES, FLAGS, type FlagName } from './flags.ts';
import { UsageError } from '../errors.ts';
import { closestName } from './suggest.ts';
import { coerceFlagValue } from './coerce.ts';
import { MODEL_KINDS, modelKind, TASK_CONFIG_KEYS } from './task-config.ts';
import { findBenchmark } from '../../benchmarks/index.ts';

type Typed = Partial<Record<FlagName, unknown>>;

/** The YAML parser, loaded only when a config file or an override needs it (most runs use neither). */
function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}

/** NeMo key path → our flag, with a value conversion where the units or spellings differ. */
const NEMO_KEYS: Record<string, { flag: FlagName; convert?: (v: unknown) => unknown }> = {
  'config.params.temperature': { flag: 'temperature' },
  'config.params.top_p': { flag: 'top_p' },
  'config.params.max_new_tokens': { flag: 'max_tokens' },
  'config.params.max_retries': { flag: 'max_retries' },
  'config.params.parallelism': { flag: 'max_concurrent_requests' },
  // NeMo's request_timeout is in seconds; ours is milliseconds.
  'config.params.request_timeout': { flag: 'timeout', convert: (v) => (typeof v === 'number' ? Math.round(v * 1000) : v) },
  'config.params.limit_samples': { flag: 'limit' },
  'config.output_dir': { flag: 'output_dir' },
  'target.api_endpoint.url': { flag: 'url' },
  'target.api_endpoint.model_id': { flag: 'model_name' },
  'target.api_endpoint.api_key_name': { flag: 'api_key_name' },
  'target.api_endpoint.type': { flag: 'api_mode' },
  'target.api_endpoint.stream': { flag: 'stream' },
};
/** Keys NeMo configs carry that say nothing we need; accepted and ignored. */
const NEMO_IGNORED = new Set(['config.params.task']);

const FLAT_NAMES = [...Object.keys(FLAGS), ...FLAG_ALIASES.keys(), ...Object.keys(TASK_CONFIG_KEYS)];

function flatName(key: string): FlagName | undefined {
  if ((FLAGS as Record<string, unknown>)[key]) return key as FlagName;
  return FLAG_ALIASES.get(key);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unknownKey(file: string, key: string, candidates: readonly string[]): never {
  const near = closestName(key, candidates);
  throw new UsageError(`${file}: unknown key ${key}${near ? ` (did you mean ${near}?)` : ''}`);
}

/** Maps one document (already parsed) onto typed settings; `origin` names it in errors. */
export function mapConfigDocument(doc: unknown, origin: string): Typed {
  if (!isObject(doc)) throw new UsageError(`${origin}: expected a mapping of settings at the top level`);
  const out: Typed = {};
  const put = (name: FlagName, value: unknown, where: string) => {
    out[name] = coerceFlagValue(name, value, where.startsWith(origin) ? where : `${origin}: ${where}`);
  };
  const nested = 'config' in doc && isObject(doc.config) || 'target' in doc && isObject(doc.target);
  if (!nested) {
    for (const [key, value] of Object.entries(doc)) {
      // In a TaskConfig, eval_type is the kind of model (service); on our command line it names a benchmark.
      if (key === 'eval_type' && MODEL_KINDS.has(String(value))) {
        modelKind(value, `${origin}: eval_type`);
        continue;
      }
      const task = TASK_CONFIG_KEYS[key];
      if (task && !flatName(key)) {
        task(value, put, `${origin}: ${key}`, doc);
        continue;
      }
      const name = flatName(key);
      if (!name) unknownKey(origin, key, FLAT_NAMES);
      if (name === 'config') throw new UsageError(`${origin}: a config file cannot name another config file`);
      put(name, value, key);
    }
    return out;
  }
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (path === 'config.params.extra') {
        if (!isObject(value)) throw new UsageError(`${origin}: ${path}: expected a mapping`);
        // Our own flag names inside `extra` set those flags; anything else goes into the request body.
        const body: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          const name = flatName(k);
          if (name) put(name, v, `${path}.${k}`);
          else body[k] = v;
        }
        if (Object.keys(body).length > 0) out.extra_body = { ...(out.extra_body as object | undefined), ...body };
        continue;
      }
      const mapping = NEMO_KEYS[path];
      if (mapping) {
        put(mapping.flag, mapping.convert ? mapping.convert(value) : value, path);
        continue;
      }
      if (NEMO_IGNORED.has(path)) continue;
      // NeMo's task name: a benchmark we know runs as --eval_type; any other name (a JSONL run's label) is ignored.
      if (path === 'config.type') {
        if (typeof value === 'string' && findBenchmark(value)) put('eval_type', value, path);
        continue;
      }
      const deeper = Object.keys(NEMO_KEYS).some((k) => k.startsWith(path + '.'));
      if (deeper && isObject(value)) {
        walk(value, path);
        continue;
      }
      unknownKey(origin, path, [...Object.keys(NEMO_KEYS), 'config.params.extra']);
    }
  };
  walk(doc, '');
  return out;
}

/** Reads FILE (YAML, of which JSON is a subset) and maps it onto typed settings. */
export function loadConfigFile(file: string): Typed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--config: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UsageError(`${file}: not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  return mapConfigDocument(doc ?? {}, file);
}

/** `-o key=value` / `--overrides 'a=1,b=2'`: keys are flag names or NeMo paths; values are YAML scalars. */
export function parseOverrides(items: readonly string[]): Typed {
  const out: Typed = {};
  for (const item of items) {
    // Split on commas that start a new key=value, so list values such as pass_k=1,5 survive.
    for (const pair of item.split(/,(?=\s*[A-Za-z_][\w.]*\s*=)/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--overrides: expected key=value, got ${JSON.stringify(pair)}`);
      const key = pair.slice(0, eq).trim();
      const rawValue = pair.slice(eq + 1).trim();
      let value: unknown = rawValue;
      try {
        value = parseYaml(rawValue);
      } catch {
        /* keep the raw string */
      }
      const doc = key.includes('.') ? key.split('.').reduceRight<unknown>((acc, part) => ({ [part]: acc }), value) : { [key]: value };
      Object.assign(out, mapConfigDocument(doc, `--overrides ${key}`));
    }
  }
  return out;
}
