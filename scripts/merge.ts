#!/usr/bin/env -S npx tsx
// Join the shards of a sharded run (--shard, Slurm job arrays, Kubernetes Indexed Jobs) into one run folder.
import { mergeMain } from '../src/cli/merge-main.ts';

process.exitCode = await mergeMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
