// Turns OpenAI's HumanEval.jsonl into our input lines (data_source "HumanEval") and, optionally, the mock
// server's solutions file with the canonical solutions, so a whole run can be checked end to end without a model.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { z } from 'zod';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { InputError } from '../errors.ts';

const problemSchema = z.looseObject({
  task_id: z.string(),
  prompt: z.string(),
  entry_point: z.string(),
  test: z.string(),
  canonical_solution: z.string().optional(),
});

/** What the model is asked: the function to complete, and where the answer must go. */
export function humanEvalPrompt(problemPrompt: string): string {
  return (
    'Complete the following Python function. Reply with the complete function (its imports included) in one ```python code block.\n\n' +
    '```python\n' +
    problemPrompt +
    '```'
  );
}

export interface ImportCounts {
  problems: number;
  solutions: number;
}

export async function importHumanEval(inFile: string, outFile: string, solutionsFile?: string): Promise<ImportCounts> {
  const out = createWriteStream(outFile);
  const solutions = solutionsFile ? createWriteStream(solutionsFile) : undefined;
  const counts: ImportCounts = { problems: 0, solutions: 0 };
  const write = async (stream: NodeJS.WritableStream, row: unknown) => {
    if (!stream.write(JSON.stringify(row) + '\n')) await once(stream, 'drain');
  };
  for await (const { text, index } of readJsonlLines(inFile)) {
    let parsed: z.infer<typeof problemSchema>;
    try {
      parsed = problemSchema.parse(JSON.parse(text));
    } catch (err) {
      throw new InputError(`${inFile}:${index + 1}: not a HumanEval problem (expected task_id, prompt, entry_point, test): ${(err as Error).message.split('\n')[0]}`);
    }
    const prompt = humanEvalPrompt(parsed.prompt);
    // The canonical solution stays out of the line: a model (or a log) must never see it.
    await write(out, { data_source: 'HumanEval', prompt, ground_truth: { task_id: parsed.task_id, prompt: parsed.prompt, entry_point: parsed.entry_point, test: parsed.test } });
    counts.problems++;
    if (solutions && parsed.canonical_solution !== undefined) {
      await write(solutions, { prompt, output: '```python\n' + parsed.prompt + parsed.canonical_solution + '```' });
      counts.solutions++;
    }
  }
  for (const stream of [out, solutions]) {
    if (!stream) continue;
    stream.end();
    await once(stream, 'finish');
  }
  return counts;
}
