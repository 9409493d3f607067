// MMLU: 57 subjects of four-choice questions, each subject a subset, scored by MultipleChoice. Prompt
// (chain of thought, "ANSWER: X"), 5-shot examples from the subject's dev split, as EvalScope's mmlu adapter.
import type { Benchmark, Row } from './types.ts';
import { parquetPerSubset } from './shared/hub-layout.ts';
import { choiceItem, FEW_SHOT_PREFIX, SIMPLE_EVALS_MULTICHOICE, SINGLE_ANSWER, SINGLE_ANSWER_COT, type ChoiceQuestion } from './shared/multiple-choice-prompt.ts';
import { letterOf, text, textList } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';

/** Subject → EvalScope's category (STEM, Humanities, Social Science, Other). */
const SUBJECTS: Record<string, string> = {
  abstract_algebra: 'STEM', anatomy: 'Other', astronomy: 'STEM', business_ethics: 'Other', clinical_knowledge: 'Other',
  college_biology: 'STEM', college_chemistry: 'STEM', college_computer_science: 'STEM', college_mathematics: 'STEM',
  college_medicine: 'Other', college_physics: 'STEM', computer_security: 'STEM', conceptual_physics: 'STEM',
  econometrics: 'Social Science', electrical_engineering: 'STEM', elementary_mathematics: 'STEM', formal_logic: 'Humanities',
  global_facts: 'Other', high_school_biology: 'STEM', high_school_chemistry: 'STEM', high_school_computer_science: 'STEM',
  high_school_european_history: 'Humanities', high_school_geography: 'Social Science',
  high_school_government_and_politics: 'Social Science', high_school_macroeconomics: 'Social Science',
  high_school_mathematics: 'STEM', high_school_microeconomics: 'Social Science', high_school_physics: 'STEM',
  high_school_psychology: 'Social Science', high_school_statistics: 'STEM', high_school_us_history: 'Humanities',
  high_school_world_history: 'Humanities', human_aging: 'Other', human_sexuality: 'Social Science',
  international_law: 'Humanities', jurisprudence: 'Humanities', logical_fallacies: 'Humanities', machine_learning: 'STEM',
  management: 'Other', marketing: 'Other', medical_genetics: 'Other', miscellaneous: 'Other', moral_disputes: 'Humanities',
  moral_scenarios: 'Humanities', nutrition: 'Other', philosophy: 'Humanities', prehistory: 'Humanities',
  professional_accounting: 'Other', professional_law: 'Humanities', professional_medicine: 'Other',
  professional_psychology: 'Social Science', public_relations: 'Social Science', security_studies: 'Social Science',
  sociology: 'Social Science', us_foreign_policy: 'Social Science', virology: 'Other', world_religions: 'Humanities',
};
const subjects = Object.keys(SUBJECTS);

/** cais/mmlu's rows (choices list, answer index) or the original CSVs' (A-D columns, answer letter). */
export function mmluQuestion(row: Row): ChoiceQuestion {
  const question = text(row, 'question');
  if (Array.isArray(row.choices)) {
    const choices = textList(row, 'choices');
    const answer = typeof row.answer === 'number' ? letterOf(row.answer, choices.length, 'answer') : text(row, 'answer');
    return { question, choices, answer };
  }
  const choices = ['A', 'B', 'C', 'D'].map((k) => text(row, k));
  const answer = text(row, 'answer').trim();
  if (!/^[ABCD]$/.test(answer)) throw new BenchmarkRowError(`expected "answer" to be A, B, C or D, got ${JSON.stringify(answer)}`);
  return { question, choices, answer };
}

const files = parquetPerSubset(subjects, ['test', 'dev']);

export const mmlu: Benchmark = {
  name: 'mmlu',
  prettyName: 'MMLU',
  aliases: ['mmlu_cot'],
  description: 'Massive Multitask Language Understanding: 57 subjects, four choices each (test 14,042).',
  license: 'MIT',
  metric: 'acc',
  dataSource: 'MultipleChoice',
  source: { hub: 'huggingface', repo: 'cais/mmlu', revision: 'main', files },
  mirrors: { modelscope: { repo: 'cais/mmlu', revision: 'master' } },
  subsets: subjects,
  categoryOf: (subset) => SUBJECTS[subset] ?? 'Other',
  evalSplit: 'test',
  fewShotSplit: 'dev',
  fewShotNum: 5,
  prompts: {
    default: { origin: "EvalScope's mmlu adapter (chain of thought)", template: SINGLE_ANSWER_COT, fewShotTemplate: FEW_SHOT_PREFIX + SINGLE_ANSWER_COT },
    direct: { origin: "EvalScope's single-answer template (answer only)", template: SINGLE_ANSWER, fewShotTemplate: FEW_SHOT_PREFIX + SINGLE_ANSWER },
    nemo: { origin: "NeMo Evaluator's simple-evals prompt ('Answer: X'; use with few_shot_num 0)", template: SIMPLE_EVALS_MULTICHOICE, fewShotTemplate: FEW_SHOT_PREFIX + SIMPLE_EVALS_MULTICHOICE },
  },
  toItem: (row, ctx) => choiceItem(mmluQuestion(row), ctx.template, ctx.fewShotTemplate, ctx.fewShot.map(mmluQuestion)),
};
