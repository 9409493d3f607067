// MMMU: college-level questions over 30 subjects with up to seven images each (diagrams, charts, scores,
// structures), multiple choice or open. Images stand where the question's "<image N>" placeholders put them.
// Choices: EvalScope's chain-of-thought prompt and its ANSWER: X parsing; open: "ANSWER: ..." compared exactly.
// Validation split, as EvalScope's mmmu adapter (the test split's answers are not public).
import type { Benchmark, Row } from './types.ts';
import { fillTemplate } from './shared/format.ts';
import { parquetPerSubset } from './shared/hub-layout.ts';
import { choiceItem, SINGLE_ANSWER_COT } from './shared/multiple-choice-prompt.ts';
import { renumberImagePlaceholders } from './shared/image-markers.ts';
import { imageBytes, text } from './shared/rows.ts';
import { BenchmarkRowError } from './types.ts';
import { pySequence, tryParsePyLiteral } from '../bootcamps/shared/py-literal.ts';

const OPEN_PROMPT = `
Solve the following problem step by step. The last line of your response should be of the form "ANSWER: [ANSWER]" (without quotes) where [ANSWER] is the answer to the problem.

{question}

Remember to put your answer on its own line at the end in the form "ANSWER: [ANSWER]" (without quotes) where [ANSWER] is the answer to the problem, and you do not need to use a \\boxed command.

`;

/** Subject → its discipline, for the report. */
const SUBJECTS: Record<string, string> = {
  Art: 'Art & Design', Art_Theory: 'Art & Design', Design: 'Art & Design', Music: 'Art & Design',
  Accounting: 'Business', Economics: 'Business', Finance: 'Business', Manage: 'Business', Marketing: 'Business',
  Biology: 'Science', Chemistry: 'Science', Geography: 'Science', Math: 'Science', Physics: 'Science',
  Basic_Medical_Science: 'Health & Medicine', Clinical_Medicine: 'Health & Medicine', Diagnostics_and_Laboratory_Medicine: 'Health & Medicine', Pharmacy: 'Health & Medicine', Public_Health: 'Health & Medicine',
  History: 'Humanities & Social Science', Literature: 'Humanities & Social Science', Psychology: 'Humanities & Social Science', Sociology: 'Humanities & Social Science',
  Agriculture: 'Tech & Engineering', Architecture_and_Engineering: 'Tech & Engineering', Computer_Science: 'Tech & Engineering', Electronics: 'Tech & Engineering',
  Energy_and_Power: 'Tech & Engineering', Materials: 'Tech & Engineering', Mechanical_Engineering: 'Tech & Engineering',
};
const subjects = Object.keys(SUBJECTS).sort();
const MAX_IMAGES = 7;

function questionType(row: Row): 'multiple-choice' | 'open' {
  const type = row.question_type;
  if (type === 'multiple-choice' || type === 'open') return type;
  throw new BenchmarkRowError(`expected "question_type" to be multiple-choice or open, got ${JSON.stringify(type)}`);
}

/** The options column: a Python list literal in a string ("['a', 'b']"), or a list. */
function optionsOf(row: Row): string[] {
  const raw = row.options;
  if (Array.isArray(raw) && raw.every((o) => typeof o === 'string')) return raw as string[];
  const parsed = typeof raw === 'string' ? tryParsePyLiteral(raw) : undefined;
  const list = parsed === undefined ? undefined : pySequence(parsed, { strings: true });
  if (!list || !list.every((o) => typeof o === 'string')) throw new BenchmarkRowError(`expected "options" to be a list of texts, got ${JSON.stringify(raw)?.slice(0, 60)}`);
  return list as string[];
}

export const mmmu: Benchmark = {
  name: 'mmmu',
  prettyName: 'MMMU',
  // VLMEvalKit's dataset name and NeMo Evaluator's vlmevalkit task.
  aliases: ['MMMU_DEV_VAL', 'mmmu_judge', 'mmmu_val'],
  description: 'MMMU: expert-level multimodal questions over 30 subjects, up to 7 images each; multiple choice and open answers (validation split).',
  license: 'Apache-2.0',
  metric: 'acc',
  modality: 'image',
  dataSource: 'MultipleChoice',
  dataSources: ['MultipleChoice', 'AnswerLine'],
  dataSourceOfRow: (row) => (questionType(row) === 'open' ? 'AnswerLine' : 'MultipleChoice'),
  source: { hub: 'huggingface', repo: 'MMMU/MMMU', revision: 'main', files: parquetPerSubset(subjects, ['validation']) },
  mirrors: { modelscope: { repo: 'AI-ModelScope/MMMU', revision: 'master' } },
  subsets: subjects,
  categoryOf: (subject) => SUBJECTS[subject] ?? 'default',
  evalSplit: 'validation',
  fewShotNum: 0,
  prompts: { default: { origin: "EvalScope's mmmu adapter (open questions; choices use its chain-of-thought choice prompt)", template: OPEN_PROMPT } },
  toItem(row, { template }) {
    const type = questionType(row);
    const question = text(row, 'question');
    const answer = text(row, 'answer').trim();
    if (answer === '') throw new BenchmarkRowError('expected "answer" to be non-empty');
    const columns = new Map<number, Uint8Array>();
    for (let n = 1; n <= MAX_IMAGES; n++) {
      const bytes = imageBytes(row, `image_${n}`);
      if (bytes) columns.set(n, bytes);
    }
    let full: string;
    let item;
    if (type === 'multiple-choice') {
      const choices = optionsOf(row);
      if (choices.length < 2) throw new BenchmarkRowError(`a multiple-choice question with ${choices.length} option(s)`);
      if (!/^[A-Z]$/.test(answer) || answer.charCodeAt(0) - 65 >= choices.length) throw new BenchmarkRowError(`expected "answer" to be one of the ${choices.length} option letters, got ${JSON.stringify(answer)}`);
      item = choiceItem({ question, choices, answer }, SINGLE_ANSWER_COT, SINGLE_ANSWER_COT, []);
      full = item.prompt;
    } else {
      full = fillTemplate(template, { question });
      item = { ground_truth: { answer }, data_source: 'AnswerLine' };
    }
    const { text: prompt, order } = renumberImagePlaceholders(full, (n) => columns.has(n));
    return { prompt, images: order.map((n) => columns.get(n)!), ground_truth: item.ground_truth, data_source: item.data_source };
  },
};
