// The sandbox's flags for commands other than the run (rescore): the same names, types, defaults and checks as
// the run's, read from the one flag table.
import { FLAGS, type FlagName } from '../config/flags.ts';
import { coerceFlagValue } from '../config/coerce.ts';
import { UsageError } from '../errors.ts';
import type { SandboxSettings } from './create-sandbox.ts';

export const SANDBOX_FLAG_NAMES: readonly FlagName[] = [
  ...(Object.keys(FLAGS) as FlagName[]).filter((name) => FLAGS[name].group === 'sandbox'),
  'judge_worker_num',
  'max_retries',
  'max_retrying_delay',
];

export type SandboxFlagValues = SandboxSettings & { use_sandbox: boolean };

/** The Python bridge's flags, for rescore (judge_worker_num is among the sandbox flags already). */
export const BRIDGE_FLAG_NAMES: readonly FlagName[] = ['verifier', 'python', 'bootcamp_pythonpath', 'verify_timeout'];

export interface BridgeFlagValues {
  verifier: 'auto' | 'native' | 'python';
  python: string;
  bootcamp_pythonpath?: string;
  verify_timeout: number;
}

/** Reads the sandbox flags out of parsed arguments (raw strings or booleans), with defaults and validation. */
export function sandboxSettingsFromArgs(args: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>): SandboxFlagValues {
  return flagValuesFromArgs(SANDBOX_FLAG_NAMES, args, env) as unknown as SandboxFlagValues;
}

export function bridgeSettingsFromArgs(args: Readonly<Record<string, unknown>>): BridgeFlagValues {
  return flagValuesFromArgs(BRIDGE_FLAG_NAMES, args, {}) as unknown as BridgeFlagValues;
}

/** Flags of the run's table read out of a command's parsed arguments, with the run's defaults and checks. */
function flagValuesFromArgs(names: readonly FlagName[], args: Readonly<Record<string, unknown>>, env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    let raw = args[name];
    if (name === 'sandbox_token' && raw === undefined) raw = env.SANDBOX_TOKEN;
    const value = raw === undefined ? FLAGS[name].default : coerceFlagValue(name, raw, `--${name}`);
    const parsed = FLAGS[name].schema.safeParse(value);
    if (!parsed.success) throw new UsageError(`--${name}: ${parsed.error.issues[0].message}`);
    out[name] = parsed.data;
  }
  return out;
}
