// StdioCode: competitive-programming tasks read stdin and write stdout. The program (last ```python block, or
// the whole output) runs once per case in the sandbox; the score is the share of cases whose output matches.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { lastPythonBlock, sandboxFor } from './program-text.ts';

const groundTruth = z
  .looseObject({ inputs: z.array(z.string()), outputs: z.array(z.string()) })
  .refine((gt) => gt.inputs.length === gt.outputs.length && gt.inputs.length > 0, 'inputs and outputs: two lists of the same, non-zero length');
type StdioTruth = z.infer<typeof groundTruth>;

/** Trailing whitespace is not significant: at line ends, or blank lines at the end. */
export function normalizeStdout(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();
}

export const stdioCode: Bootcamp<StdioTruth> = {
  name: 'StdioCode',
  answerFormat: 'a ```python program reading stdin and writing stdout; run once per test case in a sandbox',
  kind: 'sandbox',
  groundTruth,
  extract: (output) => lastPythonBlock(output),
  async verify(output, gt, context) {
    const { sandbox, limits, signal } = sandboxFor('StdioCode', context);
    const program = lastPythonBlock(output);
    const results = await Promise.all(
      gt.inputs.map((stdin) => sandbox.execute({ files: { 'main.py': program }, command: ['python3', 'main.py'], stdin, ...limits }, signal)),
    );
    const passed = results.filter((r, i) => r.exitCode === 0 && !r.timedOut && !r.truncated && normalizeStdout(r.stdout) === normalizeStdout(gt.outputs[i])).length;
    return passed / gt.inputs.length;
  },
};
