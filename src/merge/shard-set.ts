// The shard folders a merge is given, checked before anything is written: each a run folder of a sharded
// run, all with one shard count and one config fingerprint, every index of 0..n−1 present exactly once.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { RunPaths } from '../output/run-paths.ts';
import { fingerprintDifferences, readEvalArgs, type EvalArgs } from '../output/eval-args.ts';

export interface Shard {
  folder: string;
  index: number;
  count: number;
  args: EvalArgs;
}

export interface ShardSet {
  shards: Shard[];
  count: number;
  /** Indexes of 0..n−1 no folder holds (only with allowPartial; otherwise a UsageError). */
  missing: number[];
}

function readShard(folder: string): Shard {
  const paths = new RunPaths(folder);
  if (!existsSync(folder)) throw new UsageError(`${folder}: no such folder`);
  const args = readEvalArgs(paths.evalArgs);
  if (!args) throw new UsageError(`${folder}: not a run folder (${paths.evalArgs} is missing or not JSON)`);
  const shard = args.shard as { index?: unknown; count?: unknown } | undefined;
  if (!shard || typeof shard.index !== 'number' || typeof shard.count !== 'number') {
    throw new UsageError(`${folder}: not a shard (its eval_args.json has no "shard"); merge joins the shards of one run made with --shard or a job array`);
  }
  return { folder, index: shard.index, count: shard.count, args };
}

export function checkShards(folders: readonly string[], allowPartial: boolean): ShardSet {
  if (folders.length === 0) throw new UsageError('expected the shard folders to merge; see --help');
  const shards = folders.map(readShard);
  const first = shards[0];
  for (const s of shards.slice(1)) {
    if (s.count !== first.count) {
      throw new UsageError(`shard counts differ: ${first.folder} is shard ${first.index} of ${first.count}, ${s.folder} is shard ${s.index} of ${s.count}`);
    }
    if (s.args.config_hash !== first.args.config_hash) {
      const diffs = fingerprintDifferences(first.args.fingerprint, s.args.fingerprint);
      throw new UsageError(`${s.folder} was run with other answer-changing settings than ${first.folder} (config fingerprint ${s.args.config_hash} vs ${first.args.config_hash}):\n  ${diffs.join('\n  ') || '(the fingerprints differ)'}`);
    }
  }
  const byIndex = new Map<number, Shard[]>();
  for (const s of shards) byIndex.set(s.index, [...(byIndex.get(s.index) ?? []), s]);
  const duplicated = [...byIndex].filter(([, list]) => list.length > 1).sort((a, b) => a[0] - b[0]);
  if (duplicated.length > 0) {
    // Never merged even with --allow_partial: the two copies' rows would both count.
    throw new UsageError(`duplicated shards: ${duplicated.map(([i, list]) => `${i} (${list.map((s) => path.basename(s.folder)).join(', ')})`).join('; ')}; give each shard once`);
  }
  const missing: number[] = [];
  for (let i = 0; i < first.count; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0 && !allowPartial) {
    throw new UsageError(`missing shards of ${first.count}: ${missing.join(', ')} (0-based); run them, or --allow_partial to merge what is here`);
  }
  shards.sort((a, b) => a.index - b.index);
  return { shards, count: first.count, missing };
}
