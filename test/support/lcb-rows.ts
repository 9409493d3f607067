// LiveCodeBench rows of the project's own, in livecodebench/code_generation_lite's exact format: JSON-text
// public tests, private tests as base64 of zlib of a pickle of JSON text (pickled here by the host's real
// Python, protocol 4 as LiveCodeBench's were, and one in protocol 0), metadata with func_name, contest dates.
// Stdin problems and functional ones (a class Solution with several arguments, a bare function with one), a
// problem outside a date window, and one whose private tests are a hostile pickle. With each, a right answer.
import { execFileSync } from 'node:child_process';

export interface LcbProblem {
  row: Record<string, unknown>;
  /** A reply that passes every test (fenced as LiveCodeBench asks). */
  solution: string;
}

/** Python's pickle of `text` under zlib and base64, as LiveCodeBench stores private tests. */
function pickledTests(tests: { input: string; output: string }[], protocol = 4): string {
  const script = 'import base64, json, pickle, sys, zlib\nd = json.loads(sys.stdin.read())\nsys.stdout.write(base64.b64encode(zlib.compress(pickle.dumps(json.dumps(d["t"]), protocol=d["p"]))).decode())';
  return execFileSync('python3', ['-c', script], { input: JSON.stringify({ t: tests, p: protocol }), encoding: 'utf8' });
}

/** A pickle that would run os.system if Python unpickled it. */
export function hostilePickle(): string {
  const script = 'import base64, os, pickle, zlib\nclass P:\n    def __reduce__(self):\n        return (os.system, ("touch /tmp/lcb-pwned",))\nprint(base64.b64encode(zlib.compress(pickle.dumps(P()))).decode(), end="")';
  return execFileSync('python3', ['-c', script], { encoding: 'utf8' });
}

const fence = (code: string) => `Here is my solution.\n\`\`\`python\n${code}\n\`\`\`\n`;
const stdinTest = (input: string, output: string) => ({ input, output, testtype: 'stdin' });
const callTest = (input: string, output: string) => ({ input, output, testtype: 'functional' });

export function lcbProblems(): { v1: LcbProblem[]; v2: LcbProblem[] } {
  const base = (id: string, date: string, platform: string) => ({ question_title: `Problem ${id}`, platform, question_id: id, contest_id: `c-${id}`, contest_date: date, difficulty: 'easy' });
  const sum: LcbProblem = {
    row: {
      ...base('abc001_a', '2024-05-04T00:00:00', 'atcoder'),
      question_content: 'Read two integers A and B on one line and print A + B.',
      starter_code: '',
      public_test_cases: JSON.stringify([stdinTest('1 2\n', '3\n')]),
      private_test_cases: pickledTests([stdinTest('10 20\n', '30\n'), stdinTest('-5 5\n', '0\n')]),
      metadata: JSON.stringify({}),
    },
    solution: fence('a, b = map(int, input().split())\nprint(a + b)'),
  };
  const twoSum: LcbProblem = {
    row: {
      ...base('two-sum', '2024-06-10T00:00:00', 'leetcode'),
      question_content: 'Given nums and target, return the indices of the two numbers adding up to target.',
      starter_code: 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ',
      public_test_cases: JSON.stringify([callTest('[2,7,11,15]\n9', '[0, 1]')]),
      private_test_cases: pickledTests([callTest('[3,2,4]\n6', '[1, 2]'), callTest('[3,3]\n6', '[0, 1]')]),
      metadata: JSON.stringify({ func_name: 'twoSum' }),
    },
    solution: fence('class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        seen = {}\n        for i, n in enumerate(nums):\n            if target - n in seen:\n                return [seen[target - n], i]\n            seen[n] = i'),
  };
  const maxOf: LcbProblem = {
    row: {
      ...base('max-value', '2024-07-01T12:30:00', 'leetcode'),
      question_content: 'Return the largest value of the list.',
      starter_code: 'def maxValue(nums):\n    ',
      public_test_cases: JSON.stringify([callTest('[1, 5, 3]', '5')]),
      // Protocol 0 (text opcodes), as an older pickler writes it.
      private_test_cases: pickledTests([callTest('[-1, -7]', '-1')], 0),
      metadata: JSON.stringify({ func_name: 'maxValue' }),
    },
    solution: fence('def maxValue(nums):\n    return max(nums)'),
  };
  const old: LcbProblem = {
    row: {
      ...base('abc000_z', '2023-06-01T00:00:00', 'atcoder'),
      question_content: 'Print the input line reversed.',
      starter_code: '',
      public_test_cases: JSON.stringify([stdinTest('abc\n', 'cba\n')]),
      private_test_cases: JSON.stringify([stdinTest('xy\n', 'yx\n')]),
      metadata: JSON.stringify({}),
    },
    solution: fence('print(input()[::-1])'),
  };
  const hostile: LcbProblem = {
    row: {
      ...base('evil', '2024-08-01T00:00:00', 'codeforces'),
      question_content: 'Print 1.',
      starter_code: '',
      public_test_cases: JSON.stringify([stdinTest('', '1\n')]),
      private_test_cases: hostilePickle(),
      metadata: JSON.stringify({}),
    },
    solution: fence('print(1)'),
  };
  return { v1: [old, sum, twoSum], v2: [maxOf, hostile] };
}
