// --judge_worker_num: at most N executions at once per evaluator, whatever the sandbox. Model requests do not
// wait for this queue; only scoring of code items does.
import PQueue from 'p-queue';
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';

export function limitConcurrency(executor: SandboxExecutor, workers: number): SandboxExecutor {
  const queue = new PQueue({ concurrency: workers });
  return {
    execute: (request: ExecuteRequest, signal?: AbortSignal) => queue.add(() => executor.execute(request, signal)) as Promise<ExecuteResult>,
  };
}
