// Image benchmarks' rows as the hubs serve them, made by the project: ChartQA's from the synthetic chart set
// (src/samples/chart-cases.ts), MMMU's and MathVista's with drawn digits and charts, all in Parquet with
// Hugging Face's image structs ({bytes, path}). With each, the reply that answers it right, keyed by the sha256
// of its image(s) as the mock's --image-answers wants.
import { createHash } from 'node:crypto';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { chartRows, drawBarChart } from '../../src/samples/chart-cases.ts';
import { Canvas } from '../../src/samples/png.ts';

type Kind = 'string' | 'image' | 'strings' | 'int';

/** Parquet of rows with explicit column kinds: text, image structs, lists of text, integers. */
export function imageParquet(rows: Record<string, unknown>[], kinds: Record<string, Kind>): Buffer {
  const names = Object.keys(kinds);
  const schema: Record<string, unknown>[] = [{ name: 'root', num_children: names.length }];
  for (const name of names) {
    const kind = kinds[name];
    if (kind === 'string') schema.push({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    else if (kind === 'int') schema.push({ name, type: 'INT64', repetition_type: 'OPTIONAL' });
    else if (kind === 'image') {
      schema.push({ name, repetition_type: 'OPTIONAL', num_children: 2 });
      schema.push({ name: 'bytes', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' });
      schema.push({ name: 'path', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    } else {
      schema.push({ name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 });
      schema.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
      schema.push({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    }
  }
  const columnData = names.map((name) => ({ name, data: rows.map((r) => (kinds[name] === 'int' && typeof r[name] === 'number' ? BigInt(r[name] as number) : r[name] ?? null)) }));
  return Buffer.from(parquetWriteBuffer({ columnData: columnData as never, schema: schema as never }));
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function digitImage(digits: string): Buffer {
  const canvas = new Canvas(20 + digits.length * 24, 50);
  canvas.text(10, 10, digits, 6);
  return canvas.png();
}

export interface ImageSet {
  parquet: Buffer;
  /** sha256 (several joined by ",") → the reply that scores 1. */
  answers: Record<string, string>;
  rows: number;
}

/** ChartQA's test file: `count` synthetic charts (alternating human_test and augmented_test). */
export function chartqaSet(count: number): ImageSet {
  const rows = chartRows(count);
  const answers: Record<string, string> = {};
  for (const r of rows) answers[sha(r.image.bytes)] = `The chart shows it.\nANSWER: ${r.answer}`;
  return { parquet: imageParquet(rows as unknown as Record<string, unknown>[], { type: 'string', question: 'string', answer: 'string', image: 'image' }), answers, rows: rows.length };
}

/**
 * One MMMU subject's validation file: multiple-choice rows whose options are numbers and whose image shows
 * the right one, a row whose options are images, and open rows asking for the number drawn.
 */
export function mmmuSet(subject: string, count: number): ImageSet {
  const rows: Record<string, unknown>[] = [];
  const answers: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const value = String(10 + ((i * 37) % 80));
    const image = digitImage(value);
    const base = { id: `validation_${subject}_${i + 1}`, subfield: 'Synthetic', explanation: '', img_type: "['Diagrams']", topic_difficulty: 'Easy', image_1: { bytes: image, path: null } };
    if (i % 3 === 2) {
      rows.push({ ...base, question: 'Which number is written in <image 1>? Return only the number.', options: '[]', answer: value, question_type: 'open' });
      answers[sha(image)] = `It reads ${value}.\nANSWER: ${value}`;
    } else if (i % 3 === 1) {
      // The options are images: the question names none, so the images go in the options' order.
      const options = [value, String(Number(value) + 1), String(Number(value) + 2)];
      const pictures = options.map(digitImage);
      rows.push({ ...base, image_1: { bytes: pictures[0], path: null }, image_2: { bytes: pictures[1], path: null }, image_3: { bytes: pictures[2], path: null }, question: `Which picture shows ${value}?`, options: "['<image 1>', '<image 2>', '<image 3>']", answer: 'A', question_type: 'multiple-choice' });
      answers[pictures.map(sha).join(',')] = 'ANSWER: A';
    } else {
      const options = [String(Number(value) - 1), value, String(Number(value) + 3), String(Number(value) + 5)];
      rows.push({ ...base, question: '<image 1> Which number does the picture show?', options: `[${options.map((o) => `'${o}'`).join(', ')}]`, answer: 'B', question_type: 'multiple-choice' });
      answers[sha(image)] = 'Looking at it: ANSWER: B';
    }
  }
  const kinds: Record<string, Kind> = { id: 'string', question: 'string', options: 'string', explanation: 'string' };
  for (let n = 1; n <= 7; n++) kinds[`image_${n}`] = 'image';
  Object.assign(kinds, { img_type: 'string', answer: 'string', topic_difficulty: 'string', question_type: 'string', subfield: 'string' });
  return { parquet: imageParquet(rows, kinds), answers, rows: rows.length };
}

/** MathVista's testmini file: free-form chart questions (a boxed number) and multiple-choice ones. */
export function mathVistaSet(count: number): ImageSet {
  const rows: Record<string, unknown>[] = [];
  const answers: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const values = [10 + i, 20 + 2 * i, 15];
    const image = drawBarChart(values);
    const total = String(values.reduce((a, b) => a + b, 0));
    const common = { pid: String(i + 1), image: `images/${i + 1}.png`, decoded_image: { bytes: image, path: null }, unit: null, precision: null, metadata: null, query: '' };
    if (i % 2 === 0) {
      rows.push({ ...common, question: 'What is the sum of all the bars?', choices: null, answer: total, question_type: 'free_form', answer_type: 'integer' });
      answers[sha(image)] = `The bars add up to \\boxed{${total}}.`;
    } else {
      const choices = [String(values[1] - 1), String(values[1]), String(values[1] + 1)];
      rows.push({ ...common, question: 'What is the value of the middle bar?', choices, answer: String(values[1]), question_type: 'multi_choice', answer_type: 'integer' });
      answers[sha(image)] = 'ANSWER: B';
    }
  }
  const kinds: Record<string, Kind> = { pid: 'string', question: 'string', image: 'string', decoded_image: 'image', choices: 'strings', unit: 'string', precision: 'string', answer: 'string', question_type: 'string', answer_type: 'string', query: 'string' };
  return { parquet: imageParquet(rows, kinds), answers, rows: rows.length };
}
