// KodCode and BigCodeBench, scored as InternBootcamp does: the first ```python block becomes solution.py, the
// ground truth's unittest module test_task.py, and the score is the share of tests that passed.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { firstPythonFence, sandboxFor } from './program-text.ts';

const groundTruth = z.looseObject({ test: z.string() });
type UnittestTruth = z.infer<typeof groundTruth>;

/**
 * The reference's parsing of unittest's stderr, kept on purpose: the first "Ran N test(s)", the first
 * "failures=N" and "errors=N" anywhere in stderr (skips and expected failures count as passed), 0 when no run.
 */
export function unittestPassRate(stderr: string): number {
  const ran = /Ran (\d+) tests?/.exec(stderr);
  const failed = /failures=(\d+)/.exec(stderr);
  const errors = /errors=(\d+)/.exec(stderr);
  const total = ran ? Number(ran[1]) : 0;
  const passed = total - (failed ? Number(failed[1]) : 0) - (errors ? Number(errors[1]) : 0);
  return total > 0 ? passed / total : 0;
}

function unittestBootcamp(name: string): Bootcamp<UnittestTruth> {
  return {
    name,
    answerFormat: 'the first ```python block, run as solution.py against the unittest module test_task.py in a sandbox',
    kind: 'sandbox',
    groundTruth,
    extract: firstPythonFence,
    async verify(output, gt, context) {
      const solution = firstPythonFence(output);
      if (solution === null) return 0;
      const { sandbox, limits, signal } = sandboxFor(name, context);
      const result = await sandbox.execute(
        { files: { 'solution.py': solution, 'test_task.py': gt.test }, command: ['python3', '-m', 'unittest', 'test_task.py'], ...limits },
        signal,
      );
      if (result.timedOut) return 0; // as the reference: a timeout is 0 whatever ran before it
      return unittestPassRate(result.stderr);
    },
  };
}

export const kodCode = unittestBootcamp('KodCode');
export const bigCodeBench = unittestBootcamp('BigCodeBench');
