// Judge prompts as data: the shipped templates (templates/judge/*.json), a file of the user's, or
// judge_model_args.prompt_template (EvalScope's key: template text). Filling is one pass of plain substitution
// over the template's own placeholders, so braces in a question or an answer come through as they are. The
// answer is framed between markers as data, with any run of "<<<" inside it broken up so it cannot close the
// frame early; an answer that carries verdict-shaped text of its own is flagged.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';
import { TEMPLATES_DIR } from '../templates.ts';

export interface JudgeTemplate {
  name: string;
  description?: string;
  system_prompt: string;
  template: string;
  /** pattern: the last match of score_pattern, through score_mapping; numeric: the last match's number, clamped to [0, 1]. */
  score_type: 'pattern' | 'numeric';
  score_pattern: string;
  score_mapping?: Record<string, number>;
  /** Verdict-shaped text that, found in the answer itself, flags it as a possible injection. */
  injection_pattern?: string;
}

export const JUDGE_DIR = path.join(TEMPLATES_DIR, 'judge');
const PLACEHOLDER = /\{(question|gold|pred|answer|criterion|begin|end|answer_a|answer_b|gold_hint|gold_section)\}/g;

export function shippedJudgeTemplates(): string[] {
  return readdirSync(JUDGE_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

function checked(raw: unknown, where: string): JudgeTemplate {
  const t = raw as Partial<JudgeTemplate>;
  if (!t || typeof t !== 'object') throw new UsageError(`${where}: expected a JSON object with template, score_type and score_pattern`);
  if (typeof t.template !== 'string' || t.template.trim() === '') throw new UsageError(`${where}: "template" must be the prompt text`);
  if (t.score_type !== 'pattern' && t.score_type !== 'numeric') throw new UsageError(`${where}: "score_type" must be "pattern" or "numeric"`);
  if (typeof t.score_pattern !== 'string') throw new UsageError(`${where}: "score_pattern" must be a regular expression with one group`);
  try {
    new RegExp(t.score_pattern);
  } catch (err) {
    throw new UsageError(`${where}: "score_pattern" is not a valid regular expression: ${(err as Error).message}`);
  }
  if (t.score_type === 'pattern' && (!t.score_mapping || typeof t.score_mapping !== 'object')) throw new UsageError(`${where}: a "pattern" template needs "score_mapping" (verdict → score)`);
  return { name: t.name ?? where, system_prompt: t.system_prompt ?? '', template: t.template, score_type: t.score_type, score_pattern: t.score_pattern, score_mapping: t.score_mapping, injection_pattern: t.injection_pattern, description: t.description };
}

/** A shipped template by name, or a template file (.json as the shipped ones, any other file as template text for the correctness verdicts). */
export function loadJudgeTemplate(nameOrFile: string): JudgeTemplate {
  const shipped = path.join(JUDGE_DIR, `${nameOrFile}.json`);
  if (/^[a-z_]+$/.test(nameOrFile) && existsSync(shipped)) return checked(JSON.parse(readFileSync(shipped, 'utf8')), `templates/judge/${nameOrFile}.json`);
  if (!existsSync(nameOrFile)) throw new UsageError(`--judge_template: ${JSON.stringify(nameOrFile)} is neither a shipped judge template (${shippedJudgeTemplates().join(', ')}) nor a file`);
  const text = readFileSync(nameOrFile, 'utf8');
  if (nameOrFile.endsWith('.json')) {
    try {
      return checked(JSON.parse(text), nameOrFile);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`${nameOrFile}: not valid JSON: ${(err as Error).message}`);
    }
  }
  return { ...loadJudgeTemplate('correctness'), name: path.basename(nameOrFile), template: text };
}

/** Breaks up runs of "<<<" so that text placed between markers cannot end its frame (or open another). */
export function escapeFramed(text: string): string {
  return text.replace(/<{3,}/g, (run) => run.split('').join(' '));
}

export function frame(text: string, label: string): string {
  return `<<<${label}>>>\n${escapeFramed(text)}\n<<<END ${label}>>>`;
}

/** One pass over the template's placeholders; text put in is never scanned again. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export interface JudgeInput {
  question: string;
  gold: string;
  answer: string;
  criterion?: string;
}

/** The user message for grading one answer. */
export function gradingPrompt(t: JudgeTemplate, input: JudgeInput): string {
  const framed = frame(input.answer, 'ANSWER');
  return fillTemplate(t.template, {
    question: input.question,
    gold: input.gold,
    pred: framed,
    answer: framed,
    criterion: input.criterion ?? '',
    begin: '<<<ANSWER>>>',
    end: '<<<END ANSWER>>>',
  });
}

/** The user message for comparing two answers (the arena). */
export function pairwisePrompt(t: JudgeTemplate, question: string, gold: string | undefined, a: string, b: string, criterion = ''): string {
  return fillTemplate(t.template, {
    question,
    gold_hint: gold ? ', with a reference answer to help you' : '',
    gold_section: gold ? `\nReference answer:\n${gold}\n` : '',
    answer_a: frame(a, 'ANSWER A'),
    answer_b: frame(b, 'ANSWER B'),
    criterion,
  });
}

/** Verdict shapes of every shipped template, and the classic instruction override. */
const ANY_VERDICT = [/\bGRADE\s*:\s*[CPI]\b/im, /\[\[\s*(?:[ABC]|-?\d+(?:\.\d+)?)\s*\]\]/im, /\bverdict\s*:\s*\[?\s*[ABC]\b/im, /\bignore (?:all |any )?(?:the )?(?:previous|above|prior) instructions\b/im];
const ownPatterns = new WeakMap<JudgeTemplate, RegExp | null>();

/** Whether the answer carries text shaped like this template's verdicts (or any shipped one's). */
export function injectionSuspect(t: JudgeTemplate, answer: string): boolean {
  let own = ownPatterns.get(t);
  if (own === undefined) {
    try {
      own = t.injection_pattern ? new RegExp(t.injection_pattern, 'im') : null;
    } catch {
      own = null;
    }
    ownPatterns.set(t, own);
  }
  // The answer's tail is enough: verdict-shaped text meant to be read as the verdict sits near the end.
  const text = answer.length > 50_000 ? answer.slice(0, 10_000) + '\n' + answer.slice(-40_000) : answer;
  return (own !== null && own.test(text)) || ANY_VERDICT.some((p) => p.test(text));
}
