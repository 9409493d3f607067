// eval_args.json: every effective setting of the run (the original wrote its argparse namespace, flat; we keep
// that shape and add provenance), with secrets redacted by the one redaction module.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { FLAGS, type FlagName } from '../config/flags.ts';
import { redactSettings } from '../redact.ts';
import { writeFileAtomicSync } from './atomic-write.ts';

/** What decides the model's answers; a resumed run must match it (or say --force). */
export interface AnswerFingerprint {
  model_name: string;
  /** Only the path of --url: another host or port serving the same model is fine. */
  url_path: string;
  api_mode: string;
  template: { chat_template: string; stop_words: readonly string[] } | string;
  system_prompt: string | null;
  generation: Record<string, unknown>;
  test_files: readonly string[];
  benchmarks?: readonly { name: string; dataset_id: string; revision: string; few_shot_num: number; prompt: string }[];
}

export interface EvalArgs {
  [setting: string]: unknown;
  version: string;
  start_time: string;
  test_files: string[];
  config_hash: string;
  fingerprint: AnswerFingerprint;
  settings_sources: Record<string, string>;
  resumes?: { at: string; forced_differences?: string[] }[];
}

export function configHash(fingerprint: AnswerFingerprint): string {
  return createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex').slice(0, 16);
}

export function buildEvalArgs(config: Config, fingerprint: AnswerFingerprint, version: string, startedAt: Date): EvalArgs {
  const settings: Record<string, unknown> = {};
  for (const name of Object.keys(FLAGS) as FlagName[]) settings[name] = config[name] ?? null;
  return {
    ...redactSettings(settings),
    version,
    start_time: startedAt.toISOString(),
    test_files: fingerprint.test_files.map((f) => path.basename(f)),
    config_hash: configHash(fingerprint),
    fingerprint,
    settings_sources: { ...config.sources },
  };
}

export function writeEvalArgs(file: string, args: EvalArgs): void {
  writeFileAtomicSync(file, JSON.stringify(args, null, 4) + '\n');
}

export function readEvalArgs(file: string): EvalArgs | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EvalArgs;
  } catch {
    return undefined;
  }
}

/** Human-readable differences between two fingerprints, one per line item: "max_tokens: 1024 → 2048". */
export function fingerprintDifferences(before: AnswerFingerprint, now: AnswerFingerprint): string[] {
  const diffs: string[] = [];
  const show = (v: unknown) => (typeof v === 'string' && v.length > 60 ? JSON.stringify(v.slice(0, 57) + '...') : JSON.stringify(v));
  const compare = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) diffs.push(`${label}: ${show(a ?? null)} → ${show(b ?? null)}`);
  };
  compare('model_name', before.model_name, now.model_name);
  compare('url path', before.url_path, now.url_path);
  compare('api_mode', before.api_mode, now.api_mode);
  compare('template', before.template, now.template);
  compare('system prompt', before.system_prompt, now.system_prompt);
  const keys = new Set([...Object.keys(before.generation ?? {}), ...Object.keys(now.generation ?? {})]);
  for (const key of [...keys].sort()) compare(key, before.generation?.[key], now.generation?.[key]);
  compare('test files', before.test_files, now.test_files);
  // Per benchmark, so that the message names the one that changed and how.
  const byName = (list: AnswerFingerprint['benchmarks']) => new Map((list ?? []).map((b) => [b.name, b]));
  const [was, is] = [byName(before.benchmarks), byName(now.benchmarks)];
  for (const name of new Set([...was.keys(), ...is.keys()])) compare(`benchmark ${name} (data, examples, prompt)`, was.get(name), is.get(name));
  return diffs;
}
