// Finding the program in a model's answer, and the guard every code bootcamp shares: no sandbox, no run.
import type { ExecuteRequest, SandboxExecutor, VerifyContext } from '../types.ts';
import { pyStrip } from '../shared/py-str.ts';

/** The defaults of --sandbox_timeout and --sandbox_memory_mb, for callers that pass no limits. */
export const DEFAULT_SANDBOX_LIMITS = { timeoutMs: 30_000, memoryMb: 1024 } as const;

export class SandboxRequired extends Error {
  override name = 'SandboxRequired';
  constructor(bootcamp: string) {
    super(`${bootcamp} runs the model's code, which happens only in a sandbox: rerun with --use_sandbox`);
  }
}

/** The sandbox and the limits for one program of this bootcamp; throws when the user enabled no sandbox. */
export function sandboxFor(bootcamp: string, context: VerifyContext | undefined): { sandbox: SandboxExecutor; limits: Pick<ExecuteRequest, 'timeoutMs' | 'memoryMb'>; signal?: AbortSignal } {
  if (!context?.sandbox) throw new SandboxRequired(bootcamp);
  return { sandbox: context.sandbox, limits: context.sandboxLimits ?? DEFAULT_SANDBOX_LIMITS, signal: context.signal };
}

const FENCE = '```';

/**
 * The body of the last ```python (or ```py) fenced block, or the whole output when there is none; an unclosed
 * last fence runs to the end of the output (a truncated answer still has its code). Linear: indexOf only.
 */
export function lastPythonBlock(output: string): string {
  let found: string | undefined;
  let at = 0;
  for (;;) {
    const open = output.indexOf(FENCE, at);
    if (open < 0) break;
    const lineEnd = output.indexOf('\n', open);
    const info = (lineEnd < 0 ? output.slice(open + 3) : output.slice(open + 3, lineEnd)).trim().toLowerCase();
    const bodyStart = lineEnd < 0 ? output.length : lineEnd + 1;
    const close = output.indexOf(FENCE, bodyStart);
    if (info === 'python' || info === 'py' || info === 'python3') found = output.slice(bodyStart, close < 0 ? output.length : close);
    if (close < 0) break;
    at = close + 3;
  }
  return found ?? output;
}

/** KodCode/BigCodeBench's extract_output: the first re.search(r'```python(.*?)```', DOTALL) group, stripped. */
export function firstPythonFence(output: string): string | null {
  const open = output.indexOf('```python');
  if (open < 0) return null;
  const close = output.indexOf(FENCE, open + 9);
  if (close < 0) return null;
  return pyStrip(output.slice(open + 9, close));
}
