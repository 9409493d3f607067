// HumanEval: write the function the prompt describes. The program (the last ```python block, or the whole
// output) is run with the task's tests in the sandbox; 1 when check(entry_point) exits 0 in time, else 0.
import { z } from 'zod';
import type { Bootcamp } from '../types.ts';
import { lastPythonBlock, sandboxFor } from './program-text.ts';

const groundTruth = z.looseObject({
  task_id: z.string(),
  prompt: z.string(),
  entry_point: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python function name'),
  test: z.string(),
});
type HumanEvalTruth = z.infer<typeof groundTruth>;

/** A definition of the entry point at the start of a line: then the answer is a whole program, not a body. */
function definesFunction(code: string, name: string): boolean {
  return new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${name}[ \\t]*\\(`, 'm').test(code);
}

/** The file the sandbox runs: the solution (completing the prompt when it is only a body), the tests, the call. */
export function humanEvalProgram(output: string, gt: HumanEvalTruth): string {
  const code = lastPythonBlock(output);
  const solution = definesFunction(code, gt.entry_point) ? code : gt.prompt + code;
  return `${solution}\n\n${gt.test}\n\ncheck(${gt.entry_point})\n`;
}

export const humanEval: Bootcamp<HumanEvalTruth> = {
  name: 'HumanEval',
  answerFormat: 'a ```python block defining the function (or the body completing the prompt); run against the tests in a sandbox',
  kind: 'sandbox',
  groundTruth,
  extract: (output) => lastPythonBlock(output),
  async verify(output, gt, context) {
    const { sandbox, limits, signal } = sandboxFor('HumanEval', context);
    const result = await sandbox.execute({ files: { 'main.py': humanEvalProgram(output, gt) }, command: ['python3', 'main.py'], ...limits }, signal);
    return result.exitCode === 0 && !result.timedOut ? 1 : 0;
  },
  defaults: { max_tokens: 4096 },
};
