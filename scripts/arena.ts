#!/usr/bin/env -S npx tsx
// Pairwise arena of runs of the same inputs, judged by a model: win rates, Bradley-Terry ratings, Elo.
import { arenaMain } from '../src/cli/arena-main.ts';

process.exitCode = await arenaMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
