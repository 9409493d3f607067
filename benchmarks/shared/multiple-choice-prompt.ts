// EvalScope's multiple-choice prompts (evalscope/utils/multi_choices.py at fde259d2): the question, its
// choices as "A) text" lines, the letters as "A,B,C,D"; few-shot examples as question, choices and
// "ANSWER: X". Every multiple-choice benchmark builds its prompt here.
import { choiceLetters } from '../../bootcamps/shared/multiple-choice.ts';
import { fillTemplate } from './format.ts';

export const SINGLE_ANSWER = `Answer the following multiple choice question. The entire content of your response should be of the following format: 'ANSWER: [LETTER]' (without quotes) where [LETTER] is one of {letters}.

{question}

{choices}`;

export const SINGLE_ANSWER_COT = `Answer the following multiple choice question. The last line of your response should be of the following format: 'ANSWER: [LETTER]' (without quotes) where [LETTER] is one of {letters}. Think step by step before answering.

{question}

{choices}`;

/**
 * NeMo Evaluator's simple-evals multiple-choice prompt (openai/simple-evals common.py at ee3b031), "Answer: X" on
 * the last line. Four choices only, as there.
 */
export const SIMPLE_EVALS_MULTICHOICE = `Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.

{question}

{choices}`;

/** Put before the question template when there are examples. */
export const FEW_SHOT_PREFIX = `Here are some examples of how to answer similar questions:

{fewshot}

`;

export function choiceLines(choices: readonly string[]): string {
  return choices.map((text, i) => `${String.fromCharCode(65 + i)}) ${text}`).join('\n');
}

export interface ChoiceQuestion {
  question: string;
  choices: readonly string[];
  /** The gold letter. */
  answer: string;
}

/** One few-shot example as EvalScope writes it. */
export function choiceExample(q: ChoiceQuestion): string {
  return `${q.question}\n${choiceLines(q.choices)}\nANSWER: ${q.answer}`;
}

/** The prompt and ground truth of a multiple-choice question (data_source MultipleChoice). */
export function choiceItem(q: ChoiceQuestion, template: string, fewShotTemplate: string, examples: readonly ChoiceQuestion[]) {
  const letters = choiceLetters(q.choices.length);
  const values = { question: q.question, choices: choiceLines(q.choices), letters: [...letters].join(','), fewshot: examples.map(choiceExample).join('\n\n') };
  const prompt = fillTemplate(examples.length > 0 ? fewShotTemplate : template, values);
  return { prompt, ground_truth: { answer: q.answer, letters }, data_source: 'MultipleChoice' };
}
