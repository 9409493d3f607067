// Open questions with a short reference answer (SimpleQA-style factual questions, summaries, free text):
// the rule is a normalised exact match of the final answer; an LLM judge scores them under --judge_strategy auto.
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import type { Bootcamp } from '../types.ts';

export interface OpenQaTruth {
  answer: string;
  /** Other accepted spellings, for the rule. */
  aliases?: string[];
  /** Shown to the judge as the grading criterion. */
  criterion?: string;
}

/** SQuAD's normalisation: lower case, no punctuation, no articles, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The final answer: after the last "Answer:" when there is one, else the last non-empty line. */
export function finalAnswer(output: string): string | null {
  const tail = output.slice(-20_000);
  const marked = /answer\s*[:：]\s*([^\n]*)\s*$/i.exec(tail) ?? [...tail.matchAll(/answer\s*[:：]\s*([^\n]+)/gi)].pop();
  if (marked && marked[1].trim() !== '') return marked[1].trim();
  const lines = tail.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 ? lines[lines.length - 1] : null;
}

export const openQa: Bootcamp<OpenQaTruth> = {
  ...defineBootcamp<OpenQaTruth, string>({
    name: 'OpenQA',
    answerFormat: 'a short free-text answer (its last line, or after "Answer:"); an LLM judge scores it under --judge_strategy auto',
    groundTruth: z.object({ answer: z.string(), aliases: z.array(z.string()).optional(), criterion: z.string().optional() }).passthrough(),
    extract: finalAnswer,
    check: (answer, gt) => {
      const got = normalizeAnswer(answer);
      return [gt.answer, ...(gt.aliases ?? [])].some((a) => normalizeAnswer(a) === got);
    },
  }),
  judge: { template: 'correctness', gold: (gt) => gt.answer },
};

/** SimpleQA's items: the same rule, and the judge with SimpleQA's three grades (only CORRECT scores). */
export const simpleQaBootcamp: Bootcamp<OpenQaTruth> = { ...openQa, name: 'SimpleQA', judge: { template: 'simpleqa', gold: (gt) => gt.answer } };
