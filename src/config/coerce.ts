// Turns a raw setting (a command-line string, or any YAML/JSON value) into its flag's type, with an error that
// names where the value came from.
import { FLAGS, type FlagName } from './flags.ts';
import { UsageError } from '../errors.ts';

/** Turns one raw value (a string from the command line or any YAML/JSON value) into the flag's type. */
export function coerceFlagValue(name: FlagName, raw: unknown, where: string): unknown {
  const spec = FLAGS[name];
  const bad = (expected: string): never => {
    throw new UsageError(`${where}: expected ${expected}, got ${JSON.stringify(raw)}`);
  };
  if (raw === undefined || raw === null) return undefined;
  switch (spec.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false|1|0|yes|no)$/i.test(raw)) return /^(true|1|yes)$/i.test(raw);
      return bad('true or false');
    case 'int':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
      if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) return Number(raw.trim());
      return bad('an integer');
    case 'number':
      if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
      if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
      return bad('a number');
    case 'string':
      // NeMo/EvalScope spell the API modes chat/completions; NeMo's --model_type vlm is chat mode with images.
      if (name === 'api_mode' && (raw === 'chat' || raw === 'chat_completions' || raw === 'vlm')) return 'chat_completion';
      if (name === 'api_mode' && raw === 'completions') return 'completion';
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number') return String(raw);
      // Several endpoints: a YAML list, or the flag repeated (joined as the comma list it also accepts).
      if (name === 'url' && Array.isArray(raw) && raw.length > 0 && raw.every((u) => typeof u === 'string')) return raw.join(',');
      return bad('a string');
    case 'optional-path':
      // --resume alone means "find the run"; --resume DIR names it; true/false from a config file.
      if (typeof raw === 'boolean') return raw;
      if (raw === '' || raw === 'true') return true;
      if (raw === 'false') return false;
      if (typeof raw === 'string') return raw;
      return bad('true, false or a folder');
    case 'list': {
      const items = Array.isArray(raw) ? raw : String(raw).split(name === 'header' ? /\n/ : /,/);
      const flat = items.flatMap((item) => (typeof item === 'string' && name !== 'header' && name !== 'stop' ? item.split(',') : [item]));
      if (name === 'pass_k') {
        return flat.map((k) => {
          const n = typeof k === 'number' ? k : Number(String(k).trim());
          return Number.isInteger(n) ? n : bad('a comma list of integers');
        });
      }
      return flat.map((x) => String(x));
    }
    case 'json':
      if (typeof raw === 'object' && !Array.isArray(raw)) return raw;
      if (typeof raw === 'string') {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
        } catch {
          /* fall through */
        }
      }
      return bad('a JSON object');
  }
}

