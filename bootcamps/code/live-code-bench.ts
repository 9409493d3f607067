// LiveCodeBench: competitive programming problems, a program read from between the answer's last two ```
// lines, run in the sandbox against every public and private test, one program per test (6 s each), in order,
// stopping at the first failure; 1 when all pass. Functional problems call the function named fn_name (on a
// Solution() when the code has a class Solution), stdin problems compare stdout after strip, as EvalScope's
// sandbox evaluation does.
import { z } from 'zod';
import type { Bootcamp, ExecuteResult } from '../types.ts';
import { sandboxFor } from './program-text.ts';
import { pyStrip, pyStringLiteral } from '../shared/py-str.ts';

const groundTruth = z.looseObject({
  inputs: z.array(z.string()),
  outputs: z.array(z.string()),
  /** The function to call; null for stdin/stdout problems. */
  fn_name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Python name').nullable(),
  /** Seconds each test may run (LiveCodeBench's 6). */
  timeout_s: z.number().positive().optional(),
});
type Truth = z.infer<typeof groundTruth>;

/** LiveCodeBench's extract_code_generation: the lines between the last two lines holding ```, else "". */
export function extractCodeGeneration(output: string): string {
  const lines = output.split('\n');
  const fences: number[] = [];
  lines.forEach((line, i) => {
    if (line.includes('```')) fences.push(i);
  });
  if (fences.length < 2) return '';
  return lines.slice(fences[fences.length - 2] + 1, fences[fences.length - 1]).join('\n');
}


/** The program of one functional test: the model's code, then a call of fn_name on the test's input. */
export function functionalTestProgram(code: string, input: string, expected: string, fnName: string): string {
  const method = code.includes('class Solution') ? `getattr(Solution(), ${pyStringLiteral(fnName)})` : fnName;
  return `import json
import sys
from typing import TYPE_CHECKING, Dict, List, Tuple, Set, Sequence, Mapping
import ast

def parse_mixed_data(data_string):
    result = []
    for line in data_string.strip().split('\\n'):
        if line.strip():
            try:
                result.append(ast.literal_eval(line.strip()))
            except (ValueError, SyntaxError):
                result.append(line.strip())
    return result

${code}

try:
    test_input = ${pyStringLiteral(input)}
    expected_output = ${pyStringLiteral(expected)}
    method = ${method}
    parse_multi_type = False
    if isinstance(test_input, str):
        try:
            if test_input.find("\\n") > -1:
                test_input = parse_mixed_data(test_input)
                parse_multi_type = True
            else:
                test_input = json.loads(test_input)
        except:
            pass
    result = method(*test_input) if parse_multi_type else method(test_input)
    if isinstance(expected_output, str):
        try:
            expected_output = json.loads(expected_output)
        except:
            pass
    if isinstance(result, tuple):
        result = list(result)
    if result == expected_output:
        print("TEST_PASSED")
    else:
        print(f"TEST_FAILED: expected {expected_output}, got {result}")
except Exception as e:
    print(f"EXECUTION_ERROR: {str(e)}")
    import traceback
    traceback.print_exc()
`;
}

function passed(result: ExecuteResult, fnName: string | null, expected: string): boolean {
  if (result.timedOut || result.exitCode !== 0) return false;
  return fnName !== null ? result.stdout.includes('TEST_PASSED') : pyStrip(result.stdout) === pyStrip(expected);
}

export const liveCodeBench: Bootcamp<Truth> = {
  name: 'LiveCodeBench',
  answerFormat: 'the program between the last two ``` lines; every public and private test run in a sandbox (6 s each)',
  kind: 'sandbox',
  groundTruth,
  extract: (output) => extractCodeGeneration(output),
  async score(output, gt, context) {
    const { sandbox, limits, signal } = sandboxFor('LiveCodeBench', context);
    const code = extractCodeGeneration(output);
    const timeoutMs = Math.min(limits.timeoutMs, (gt.timeout_s ?? 6) * 1000);
    let passedCount = 0;
    for (let i = 0; i < gt.inputs.length; i++) {
      const expected = gt.outputs[i] ?? '';
      const request =
        gt.fn_name !== null
          ? { files: { 'main.py': functionalTestProgram(code, gt.inputs[i], expected, gt.fn_name) }, command: ['python3', 'main.py'], timeoutMs, memoryMb: limits.memoryMb }
          : { files: { 'main.py': code }, command: ['python3', 'main.py'], stdin: gt.inputs[i], timeoutMs, memoryMb: limits.memoryMb };
      const result = await sandbox.execute(request, signal);
      if (!passed(result, gt.fn_name, expected)) break;
      passedCount++;
    }
    const all = passedCount === gt.inputs.length && gt.inputs.length > 0;
    return { score: all ? 1 : 0, extracted_output: code, metrics: { tests_passed: [passedCount, gt.inputs.length] } };
  },
  async verify(output, gt, context) {
    return (await this.score!(output, gt, context)).score;
  },
  defaults: { max_tokens: 8192 },
};
