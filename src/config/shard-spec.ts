// Which shard of a sharded run this process is: from --shard k/n, else from the scheduler's environment
// (a Slurm job array's task id and count, or a Kubernetes Indexed Job's completion index with --shard_count).
import { UsageError } from '../errors.ts';

export interface ShardSpec {
  /** 0-based. */
  index: number;
  count: number;
  /** Where the index came from, for eval_args.json: "--shard", "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX". */
  source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function wholeNumber(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`environment variable ${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  return Number(raw.trim());
}

function checked(index: number, count: number, source: string, where: string): ShardSpec {
  if (count < 1) throw new UsageError(`${where}: the shard count must be at least 1`);
  if (index >= count) throw new UsageError(`${where}: shard ${index} is not below the shard count ${count} (shards are 0-based: 0..${count - 1})`);
  return { index, count, source };
}

/**
 * The shard, or undefined for an unsharded run. A Slurm array's index is (ID − MIN) / STEP, so `--array=1-8`
 * and `--array=0-14:2` number their shards 0..n−1 as `--array=0-7` does; its count is SLURM_ARRAY_TASK_COUNT,
 * else (MAX − MIN) / STEP + 1.
 */
export function shardOf(flag: string | undefined, shardCount: number | undefined, env: Env): ShardSpec | undefined {
  if (flag !== undefined) {
    const [k, n] = flag.split('/').map(Number);
    if (shardCount !== undefined && shardCount !== n) throw new UsageError(`--shard ${flag} and --shard_count ${shardCount} disagree on the shard count`);
    return checked(k, n, '--shard', `--shard ${flag}`);
  }
  const k8sIndex = wholeNumber(env, 'JOB_COMPLETION_INDEX');
  if (k8sIndex !== undefined) {
    if (shardCount === undefined) {
      throw new UsageError('JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job) but --shard_count is not: give the Job\'s completions as --shard_count N');
    }
    return checked(k8sIndex, shardCount, 'JOB_COMPLETION_INDEX', `JOB_COMPLETION_INDEX=${k8sIndex}`);
  }
  const taskId = wholeNumber(env, 'SLURM_ARRAY_TASK_ID');
  if (taskId !== undefined) {
    const min = wholeNumber(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = wholeNumber(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    const max = wholeNumber(env, 'SLURM_ARRAY_TASK_MAX');
    const count = shardCount ?? wholeNumber(env, 'SLURM_ARRAY_TASK_COUNT') ?? (max !== undefined ? Math.floor((max - min) / step) + 1 : undefined);
    if (count === undefined) throw new UsageError('SLURM_ARRAY_TASK_ID is set without SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MAX: give --shard_count N');
    if (step < 1 || taskId < min || (taskId - min) % step !== 0) {
      throw new UsageError(`SLURM_ARRAY_TASK_ID=${taskId} is not on the array's grid (min ${min}, step ${step})`);
    }
    return checked((taskId - min) / step, count, 'SLURM_ARRAY_TASK_ID', `SLURM_ARRAY_TASK_ID=${taskId}`);
  }
  if (shardCount !== undefined) throw new UsageError('--shard_count needs a shard index: --shard k/n, or JOB_COMPLETION_INDEX / SLURM_ARRAY_TASK_ID in the environment');
  return undefined;
}

/** "_shard3of8": appended to the run folder's name. */
export function shardSuffix(shard: ShardSpec | undefined): string {
  return shard ? `_shard${shard.index}of${shard.count}` : '';
}
