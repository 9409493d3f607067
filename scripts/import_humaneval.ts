#!/usr/bin/env -S npx tsx
// HumanEval.jsonl → our input lines: tsx scripts/import_humaneval.ts IN -o OUT [--solutions FILE]
import minimist from 'minimist';
import { importHumanEval } from '../src/code-data/humaneval-import.ts';
import { UserError } from '../src/errors.ts';

const HELP = `Usage: tsx scripts/import_humaneval.ts HumanEval.jsonl -o OUT.jsonl [--solutions SOLUTIONS.jsonl]
  Writes one {"data_source": "HumanEval", "prompt", "ground_truth": {task_id, prompt, entry_point, test}} line
  per problem (the canonical solution is left out). --solutions also writes the canonical solutions in the
  mock server's format (scripts/mock_server.ts --solutions FILE), to check a run end to end.
`;

const args = minimist(process.argv.slice(2), { string: ['o', 'solutions'], boolean: ['help'], alias: { o: 'output', h: 'help' } });
try {
  if (args.help) process.stdout.write(HELP);
  else {
    if (args._.length !== 1 || !args.o) throw new UserError('expected HumanEval.jsonl -o OUT.jsonl; see --help');
    const counts = await importHumanEval(String(args._[0]), args.o, args.solutions);
    process.stderr.write(`Wrote ${counts.problems} problems to ${args.o}${args.solutions ? ` and ${counts.solutions} solutions to ${args.solutions}` : ''}.\n`);
  }
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 2;
  } else throw err;
}
