// The prompts a load test sends: our own short questions (openqa with no file), a JSONL file of "question"s
// (EvalScope's openqa), one prompt a line (line_by_line), JSONL with "prompt" or "messages", or random words of
// a length between the two bounds (random: in tokens with --tokenizer-path, else in words, about a token each).
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import type { PerfConfig } from './perf-args.ts';
import { seededRng } from '../samples/rng.ts';
import type { PerfTokenizer } from './tokenizer.ts';

export type PerfPrompt = { prompt: string } | { messages: { role: string; content: string }[] };

/** Our own prompt set: everyday questions with answers of a few sentences to a few paragraphs. */
const OWN_PROMPTS = [
  'Explain how a refrigerator keeps food cold.', 'What are three good ways to learn a new language as an adult?',
  'Describe the water cycle for a ten-year-old.', 'Why do leaves change colour in autumn?', 'How does compound interest work? Give an example.',
  'Write a short poem about a lighthouse.', 'What is the difference between a virus and a bacterium?', 'Summarise the rules of chess in a paragraph.',
  'How do noise-cancelling headphones work?', 'Give five tips for writing clear emails.', 'Why is the sky blue during the day and red at sunset?',
  'Explain what a hash table is and when to use one.', 'What should I pack for a three-day hike?', 'How do vaccines train the immune system?',
  'Describe how bread rises.', 'What is the Pythagorean theorem and why does it hold?', 'Plan a simple weekly dinner menu for two people.',
  'How do airplanes stay in the air?', 'Explain recursion with an everyday example.', 'What causes the seasons on Earth?',
  'Write a friendly reminder message about a team meeting.', 'How does a bill become a law in a parliamentary system?', 'What is inflation?',
  'Describe three ways to reduce household energy use.', 'How do tides work?', 'Explain the difference between weather and climate.',
  'What makes a good password?', 'How does GPS find your position?', 'Give a short history of the printing press.', 'Why do we dream?',
  'Explain supply and demand with an example.', 'What is photosynthesis?', 'How do I make a good cup of tea?', 'What is a black hole?',
  'Describe how a search engine ranks pages, in simple terms.', 'Why do cats purr?', 'How do electric cars charge?', 'What is a prime number?',
  'Explain how to change a flat bicycle tyre.', 'What are the benefits of regular walking?',
];

const WORDS = 'the of and to in is for on that with as by at from this be are or an it was which not but have has had can will would one all we they more there their what when where who how about into than then so some time year people way day man thing woman life child world school state family student group country problem hand part place case week company system program question work government number night point home water room mother area money story fact month lot right study book eye job word business issue side kind head house service friend father power hour game line end member law car city community name president team minute idea kid body information back parent face others level office door health person art war history party result change morning reason research girl guy moment air teacher force education'.split(' ');

function readLines(file: string, flag: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    throw new UsageError(`${flag}: cannot read ${file}`);
  }
}

export function loadPrompts(config: PerfConfig, tokenizer?: PerfTokenizer): PerfPrompt[] {
  switch (config.dataset) {
    case 'random': {
      const random = seededRng(config.seed + 1);
      const count = Math.max(...config.number, 1) + config.warmupNum;
      return Array.from({ length: Math.min(count, 10_000) }, () => {
        const length = config.minPromptLength + Math.floor(random() * (config.maxPromptLength - config.minPromptLength + 1));
        if (tokenizer) return { prompt: tokenizer.randomPrompt(length, random) };
        return { prompt: Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') };
      });
    }
    case 'line_by_line':
      return nonEmpty(readLines(config.datasetPath!, '--dataset-path').map((l) => l.trim()).filter(Boolean).map((prompt) => ({ prompt })), config.datasetPath!);
    case 'openqa':
    case 'jsonl': {
      if (!config.datasetPath) return OWN_PROMPTS.map((prompt) => ({ prompt }));
      const out: PerfPrompt[] = [];
      readLines(config.datasetPath, '--dataset-path').forEach((line, i) => {
        if (line.trim() === '') return;
        let row: Record<string, unknown>;
        try {
          row = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new UsageError(`${config.datasetPath}:${i + 1}: not a JSON object`);
        }
        const field = config.dataset === 'openqa' ? row.question : (row.prompt ?? row.question);
        if (typeof field === 'string' && field.trim()) out.push({ prompt: field });
        else if (Array.isArray(row.messages)) out.push({ messages: row.messages as { role: string; content: string }[] });
        else throw new UsageError(`${config.datasetPath}:${i + 1}: expected ${config.dataset === 'openqa' ? '"question"' : '"prompt" or "messages"'}`);
      });
      return nonEmpty(out, config.datasetPath);
    }
  }
}

function nonEmpty(prompts: PerfPrompt[], file: string): PerfPrompt[] {
  if (prompts.length === 0) throw new UsageError(`--dataset-path: ${file} has no prompts`);
  return prompts;
}

export const promptText = (p: PerfPrompt): string => ('prompt' in p ? p.prompt : p.messages.map((m) => m.content).join(' '));

/** Words in a prompt: the length figure used when the server reports no usage and no tokenizer is given. */
export function promptWords(p: PerfPrompt): number {
  return (promptText(p).match(/\S+/g) ?? []).length;
}
