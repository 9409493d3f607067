// LiveCodeBench (code generation, lite): LeetCode, AtCoder and Codeforces problems by release, scored by running
// every public and private test in the sandbox (LiveCodeBench bootcamp, needs --use_sandbox). Prompt, system
// message, release subsets and the start_date/end_date window as EvalScope's live_code_bench adapter; the
// private tests (base64 of zlib of a pickle) are read by a decoder that takes only strings, lists and dicts.
import { inflateSync } from 'node:zlib';
import type { Benchmark, DataFile, Row } from './types.ts';
import { BenchmarkRowError } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { text } from './shared/rows.ts';
import { loadSafePickle } from './shared/safe-pickle.ts';

const SYSTEM = 'You are an expert Python programmer. You will be given a question (problem specification) and will generate a correct Python program that matches the specification and passes all tests. You will NOT return anything except for the program.';
const WITH_STARTER = 'You will use the following starter code to write the solution to the problem and enclose your code within delimiters.';
const WITHOUT_STARTER = 'Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows.';
const PROMPT = '### Question:\n{question_content}\n\n{format_prompt} ### Answer: (use the provided format with backticks)\n\n';

/** The release files of livecodebench/code_generation_lite, one per version. */
const VERSION_FILES = ['test.jsonl', 'test2.jsonl', 'test3.jsonl', 'test4.jsonl', 'test5.jsonl', 'test6.jsonl'];
const LATEST = VERSION_FILES.length;

/** Subset name → the versions (1-based) it reads: release_vN is v1..vN, vA_vB is vA..vB, vN alone. */
function versionsOf(subset: string): number[] {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  if (subset === 'release_latest') return range(1, LATEST);
  let m = /^release_v(\d)$/.exec(subset);
  if (m) return range(1, Number(m[1]));
  m = /^v(\d)_v(\d)$/.exec(subset);
  if (m) return range(Number(m[1]), Number(m[2]));
  m = /^v(\d)$/.exec(subset);
  return m ? [Number(m[1])] : [];
}

const SUBSETS = ['release_latest', ...Array.from({ length: LATEST }, (_, i) => `release_v${i + 1}`)];
for (let a = 1; a <= LATEST; a++) {
  SUBSETS.push(`v${a}`);
  for (let b = a + 1; b <= LATEST; b++) SUBSETS.push(`v${a}_v${b}`);
}
const FILES: DataFile[] = SUBSETS.flatMap((subset) => versionsOf(subset).map((v) => ({ subset, split: 'test', path: VERSION_FILES[v - 1], format: 'jsonl' as const })));

/** "YYYY-MM-DD" as a date at midnight (Python's strptime('%Y-%m-%d')). */
function parseDay(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new Error(`expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return Date.parse(`${value}T00:00:00Z`);
}

/** A row's contest_date (ISO, as datetime.fromisoformat reads it) in ms, naive times taken as UTC. */
function contestDate(row: Row): number {
  const raw = text(row, 'contest_date');
  const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw.replace(' ', 'T')}${raw.length <= 10 ? 'T00:00:00' : ''}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new BenchmarkRowError(`expected "contest_date" to be an ISO date, got ${JSON.stringify(raw)}`);
  return ms;
}

type TestCase = { input: string; output: string };

function testCases(value: unknown, field: string): TestCase[] {
  if (!Array.isArray(value) || !value.every((t) => t && typeof t === 'object' && typeof (t as TestCase).input === 'string' && typeof (t as TestCase).output === 'string')) {
    throw new BenchmarkRowError(`expected "${field}" to hold a list of {input, output} texts`);
  }
  return value as TestCase[];
}

/** The private tests: JSON, else base64 → zlib → pickle (read safely) → JSON, as LiveCodeBench stores them. */
export function privateTests(raw: string): TestCase[] {
  try {
    return testCases(JSON.parse(raw), 'private_test_cases');
  } catch (err) {
    if (err instanceof BenchmarkRowError) throw err;
  }
  let inner: unknown;
  try {
    inner = loadSafePickle(inflateSync(Buffer.from(raw, 'base64')));
  } catch (err) {
    throw new BenchmarkRowError(`"private_test_cases" is neither JSON nor a readable base64/zlib/pickle of it (${(err as Error).message})`);
  }
  if (typeof inner !== 'string') throw new BenchmarkRowError('"private_test_cases" unpickles to something other than a JSON string');
  try {
    return testCases(JSON.parse(inner), 'private_test_cases');
  } catch (err) {
    if (err instanceof BenchmarkRowError) throw err;
    throw new BenchmarkRowError(`"private_test_cases" unpickles to text that is not JSON (${(err as Error).message})`);
  }
}

function jsonField(row: Row, field: string): unknown {
  try {
    return JSON.parse(text(row, field));
  } catch (err) {
    if (err instanceof BenchmarkRowError) throw err;
    throw new BenchmarkRowError(`expected "${field}" to be JSON text`);
  }
}

export const liveCodeBenchBenchmark: Benchmark = {
  name: 'live_code_bench',
  prettyName: 'Live-Code-Bench',
  aliases: ['livecodebench', 'lcb', 'live_code_bench_generation'],
  description: 'LiveCodeBench code generation (lite): contest problems by release, every public and private test run in a sandbox (pass@1).',
  license: 'CC-BY-4.0',
  metric: 'pass@1',
  dataSource: 'LiveCodeBench',
  source: { hub: 'huggingface', repo: 'livecodebench/code_generation_lite', revision: 'main', files: FILES },
  mirrors: { modelscope: { repo: 'AI-ModelScope/code_generation_lite', revision: 'master' } },
  subsets: SUBSETS,
  defaultSubsets: ['release_latest'],
  evalSplit: 'test',
  fewShotNum: 0,
  systemPrompt: SYSTEM,
  promptPlaceholders: ['question_content', 'format_prompt'],
  prompts: { default: { origin: "EvalScope's live_code_bench adapter (LiveCodeBench's runner prompt)", template: PROMPT } },
  options: {
    release_version: {
      description: 'the release to run (release_v1 … release_v6, release_latest, or vN, vA_vB)',
      parse(value) {
        if (typeof value !== 'string' || !SUBSETS.includes(value)) throw new Error(`expected one of ${SUBSETS.slice(0, LATEST + 1).join(', ')} (or vN, vA_vB), got ${JSON.stringify(value)}`);
        return value;
      },
    },
    start_date: { description: 'only problems from this day on (YYYY-MM-DD)', parse: (v) => (parseDay(v), v) },
    end_date: { description: 'only problems up to this day (YYYY-MM-DD)', parse: (v) => (parseDay(v), v) },
    debug: { description: "EvalScope's debug switch (accepted; details rows already keep each item's test count)", parse: (v) => Boolean(v) },
  },
  subsetsFor: (options) => (typeof options.release_version === 'string' ? [options.release_version] : undefined),
  keepRow(row, options) {
    const date = contestDate(row);
    if (typeof options.start_date === 'string' && parseDay(options.start_date) > date) return false;
    // EvalScope compares with the end day at midnight: a contest later that day is after it.
    if (typeof options.end_date === 'string' && parseDay(options.end_date) < date) return false;
    return true;
  },
  toItem(row, { template }) {
    const question = text(row, 'question_content');
    const starter = typeof row.starter_code === 'string' ? row.starter_code : '';
    const format = starter
      ? `### Format: ${WITH_STARTER}\n\`\`\`python\n${starter}\n\`\`\`\n\n`
      : `### Format: ${WITHOUT_STARTER}\n\`\`\`python\n# YOUR CODE HERE\n\`\`\`\n\n`;
    const tests = [...testCases(jsonField(row, 'public_test_cases'), 'public_test_cases'), ...privateTests(text(row, 'private_test_cases'))];
    if (tests.length === 0) throw new BenchmarkRowError('a problem without any test');
    const metadata = jsonField(row, 'metadata') as { func_name?: unknown } | null;
    const fnName = metadata && typeof metadata.func_name === 'string' && metadata.func_name !== '' ? metadata.func_name : null;
    contestDate(row);
    return {
      prompt: fillTemplate(template, { question_content: question, format_prompt: format, question }),
      ground_truth: {
        question_id: typeof row.question_id === 'string' ? row.question_id : String(row.question_id ?? ''),
        contest_date: text(row, 'contest_date'),
        inputs: tests.map((t) => t.input),
        outputs: tests.map((t) => t.output),
        fn_name: fnName,
        timeout_s: 6,
      },
      data_source: 'LiveCodeBench',
    };
  },
};
