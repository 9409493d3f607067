// The benchmark catalog's files as the hubs serve them, made from ../shared/data (and test/fixtures/benchmarks
// own-rows.json for the benchmarks whose data is not there): GSM8K, MMLU, AIME 2024 and HumanEval converted to
// the hub's Parquet layout, AIME 2025 served as the JSONL it is, GPQA as a gated CSV. Tests and bench:benchmarks
// point HF_ENDPOINT at startBenchmarkHub(); nothing reaches the internet.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { PROJECT_ROOT } from '../../src/version.ts';
import { startHubServer, type HubServer } from './hub-server.ts';
import { chartqaSet, mathVistaSet, mmmuSet, type ImageSet } from './vlm-rows.ts';
import { lcbProblems } from './lcb-rows.ts';

export const SHARED_DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
export const OWN_ROWS = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/benchmarks/own-rows.json'), 'utf8')) as Record<string, any>;
/** The token the stand-in hub wants for the gated GPQA repository. */
export const GATED_TOKEN = 'hf_test_token_for_gpqa';

type Column = { name: string; data: unknown[]; type?: 'STRING' | 'INT64' | 'BOOLEAN' | 'DOUBLE' };

function parquet(rows: Record<string, unknown>[], types: Record<string, Column['type']> = {}): Buffer {
  const names = Object.keys(rows[0] ?? {});
  const columnData = names.map((name) => {
    const type = types[name] ?? (typeof rows[0][name] === 'string' ? 'STRING' : undefined);
    const data = rows.map((r) => (type === 'INT64' && typeof r[name] === 'number' ? BigInt(r[name] as number) : r[name]));
    return type ? { name, data, type } : { name, data };
  });
  return Buffer.from(parquetWriteBuffer({ columnData: columnData as never }));
}

function jsonlRows(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

/** RFC 4180 CSV of rows (a header row first), as the GPQA file is. */
function csv(rows: Record<string, unknown>[]): Buffer {
  const names = Object.keys(rows[0]);
  const cell = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  return Buffer.from([names.map(cell).join(','), ...rows.map((r) => names.map((n) => cell(r[n])).join(','))].join('\r\n') + '\r\n');
}

/** Reads one MMLU CSV (no header: question, A, B, C, D, answer letter) with csv-parse. */
async function mmluCsv(file: string, subject: string): Promise<Record<string, unknown>[]> {
  const { parse } = await import('csv-parse/sync');
  const records = parse(readFileSync(file), { relax_column_count: false }) as string[][];
  return records.map((r) => ({ question: r[0], subject, choices: r.slice(1, 5), answer: 'ABCD'.indexOf(r[5]) }));
}

export function mmluSubjects(): string[] {
  const list = readFileSync(path.join(SHARED_DATA, 'mmlu/SHA256SUMS'), 'utf8');
  return [...new Set([...list.matchAll(/data\/test\/(\w+)_test\.csv/g)].map((m) => m[1]))].sort();
}

let built: Record<string, Buffer> | undefined;

/** "{repo}@main/{path}" → bytes, for every file of the catalog that the shared data or own rows can give. */
export async function benchmarkHubFiles(): Promise<Record<string, Buffer>> {
  if (built) return built;
  const files: Record<string, Buffer> = {};
  const put = (repo: string, file: string, bytes: Buffer) => (files[`${repo}@main/${file}`] = bytes);
  put('openai/gsm8k', 'main/test-00000-of-00001.parquet', parquet(jsonlRows(path.join(SHARED_DATA, 'gsm8k/test.jsonl'))));
  put('openai/gsm8k', 'main/train-00000-of-00001.parquet', parquet(OWN_ROWS.gsm8k_train));
  for (const subject of mmluSubjects()) {
    for (const split of ['test', 'dev']) {
      const rows = await mmluCsv(path.join(SHARED_DATA, `mmlu/data/${split}/${subject}_${split}.csv`), subject);
      put('cais/mmlu', `${subject}/${split}-00000-of-00001.parquet`, parquet(rows, { answer: 'INT64' }));
    }
  }
  const aime24 = jsonlRows(path.join(SHARED_DATA, 'aime24/test.jsonl')).map((r) => ({ id: Number(r.id), problem: r.problem, solution: r.solution ?? '', answer: String(r.answer), url: r.url ?? '', year: '2024' }));
  put('HuggingFaceH4/aime_2024', 'data/train-00000-of-00001.parquet', parquet(aime24, { id: 'INT64' }));
  put('math-ai/aime25', 'test.jsonl', readFileSync(path.join(SHARED_DATA, 'aime25/test.jsonl')));
  put('HuggingFaceH4/MATH-500', 'test.jsonl', readFileSync(path.join(SHARED_DATA, 'math500/test.jsonl')));
  const humaneval = jsonlRows(path.join(SHARED_DATA, 'humaneval/HumanEval.jsonl'));
  put('openai/openai_humaneval', 'openai_humaneval/test-00000-of-00001.parquet', parquet(humaneval));
  put('Idavidrein/gpqa', 'gpqa_diamond.csv', csv(OWN_ROWS.gpqa_diamond));
  put('basicv8vc/SimpleQA', 'simple_qa_test_set.csv', csv(OWN_ROWS.simple_qa));
  put('google/IFEval', 'ifeval_input_data.jsonl', readFileSync(path.join(SHARED_DATA, 'ifeval/input_data.jsonl')));
  for (const [subset, rows] of Object.entries(OWN_ROWS.arc as Record<string, Record<string, unknown>[]>)) {
    put('allenai/ai2_arc', `${subset}/test-00000-of-00001.parquet`, parquet(rows));
    put('allenai/ai2_arc', `${subset}/train-00000-of-00001.parquet`, parquet(rows));
  }
  put('Rowan/hellaswag', 'data/validation-00000-of-00001.parquet', parquet(OWN_ROWS.hellaswag, { ind: 'INT64' }));
  put('Rowan/hellaswag', 'data/train-00000-of-00001.parquet', parquet(OWN_ROWS.hellaswag, { ind: 'INT64' }));
  // LiveCodeBench's release files: ours in v1 and v2, the later releases empty.
  const lcb = lcbProblems();
  const lines = (ps: { row: Record<string, unknown> }[]) => Buffer.from(ps.map((p) => JSON.stringify(p.row)).join('\n') + '\n');
  put('livecodebench/code_generation_lite', 'test.jsonl', lines(lcb.v1));
  put('livecodebench/code_generation_lite', 'test2.jsonl', lines(lcb.v2));
  for (const f of ['test3.jsonl', 'test4.jsonl', 'test5.jsonl', 'test6.jsonl']) put('livecodebench/code_generation_lite', f, Buffer.from(''));
  // SciCode: the shared problems and the three given steps' code, as the repository's files.
  for (const f of ['problems_dev.jsonl', 'problems_all.jsonl', '13.6.txt', '62.1.txt', '76.3.txt']) put('SciCode1/SciCode', f, readFileSync(path.join(SHARED_DATA, 'scicode', f)));
  const vlm = vlmSets();
  put('lmms-lab/ChartQA', 'data/test-00000-of-00001.parquet', vlm.chartqa.parquet);
  for (const [subject, set] of Object.entries(vlm.mmmu)) put('MMMU/MMMU', `${subject}/validation-00000-of-00001.parquet`, set.parquet);
  put('AI4Math/MathVista', 'data/testmini-00000-of-00001-725687bf7a18d64b.parquet', vlm.mathVista.parquet);
  return (built = files);
}

let vlm: { chartqa: ImageSet; mmmu: Record<string, ImageSet>; mathVista: ImageSet } | undefined;

/** The image benchmarks' own rows the stand-in hub serves (12 charts, MMMU's Math and Art, 6 MathVista rows). */
export function vlmSets() {
  return (vlm ??= { chartqa: chartqaSet(12), mmmu: { Math: mmmuSet('Math', 6), Art: mmmuSet('Art', 3) }, mathVista: mathVistaSet(6) });
}

/** Every right reply of the image benchmarks, by image hash: the mock's --image-answers file. */
export function vlmAnswers(): Record<string, string> {
  const sets = vlmSets();
  return Object.assign({}, sets.chartqa.answers, ...Object.values(sets.mmmu).map((s) => s.answers), sets.mathVista.answers);
}

export async function startBenchmarkHub(): Promise<HubServer> {
  return startHubServer({ files: await benchmarkHubFiles(), gated: { 'Idavidrein/gpqa': GATED_TOKEN } });
}

let hubDir: string | undefined;

/** The hub files on disk (a temp folder laid out as --dataset_dir wants: DIR/<repo>/<path>). */
export async function benchmarkHubDir(): Promise<string> {
  if (hubDir) return hubDir;
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bce-hubdir-'));
  for (const [key, bytes] of Object.entries(await benchmarkHubFiles())) {
    const file = path.join(dir, key.replace('@main', ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  return (hubDir = dir);
}

/** The items a run makes of a benchmark subset with its default prompt: what a mock's solutions are keyed by. */
export async function benchmarkItems(name: string, subset: string, options: { fewShotNum?: number; limit?: number } = {}) {
  const { findBenchmark } = await import('../../benchmarks/index.ts');
  const { readRows } = await import('../../src/datasets/row-readers.ts');
  const b = findBenchmark(name)!;
  const dir = await benchmarkHubDir();
  const rows = async (split: string) => {
    const out: Record<string, unknown>[] = [];
    for (const f of b.source.files.filter((f) => f.split === split && (f.subset === undefined || f.subset === subset))) {
      for await (const row of readRows(path.join(dir, b.source.repo, f.path), f.format)) if (!b.subsetOfRow || b.subsetOfRow(row) === subset) out.push(row);
    }
    return out;
  };
  const fewShotNum = options.fewShotNum ?? b.fewShotNum;
  const fewShot = fewShotNum > 0 ? (await rows(b.fewShotSplit!)).slice(0, fewShotNum) : [];
  const v = b.prompts.default;
  return (await rows(b.evalSplit))
    .slice(0, options.limit)
    .map((row) => b.toItem(row, { subset, fewShot, template: v.template, fewShotTemplate: v.fewShotTemplate ?? v.template }));
}
