// What `ls` says of the benchmark catalog: each benchmark's names, subsets, source files, license, metric,
// and whether its files are here (the cache or --dataset_dir), with rows per split when they are.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { BENCHMARKS } from '../../benchmarks/index.ts';
import type { Benchmark, DataFile } from '../../benchmarks/types.ts';
import { cachePath } from '../datasets/hub-files.ts';
import { countRows } from '../datasets/row-readers.ts';

export interface BenchmarkListing {
  name: string;
  pretty_name: string;
  aliases: string[];
  description: string;
  subsets: string[];
  data_source: string;
  /** Benchmarks whose rows name one of several bootcamps. */
  data_sources?: string[];
  /** 'image': items carry images. */
  modality?: string;
  metric: string;
  license: string;
  few_shot_num: number;
  prompts: string[];
  source: { hub: string; repo: string; revision: string; files: { split: string; path: string; format: string; subset?: string }[] };
  cached: boolean;
  /** Rows per split, counted over the files that are here (absent when none is). */
  rows?: Record<string, number>;
}

function localCopy(b: Benchmark, file: DataFile, config: Config): string | undefined {
  const places: string[] = [];
  if (config.dataset_dir !== undefined) places.push(path.join(config.dataset_dir, ...b.source.repo.split('/'), ...file.path.split('/')));
  if (b.source.hub !== 'local') places.push(cachePath({ hub: b.source.hub, repo: b.source.repo, revision: b.source.revision, path: file.path }, config.cache_dir));
  else if (config.dataset_dir !== undefined) places.push(path.join(config.dataset_dir, file.path));
  return places.find((p) => existsSync(p));
}

export async function listBenchmarks(config: Config): Promise<BenchmarkListing[]> {
  const out: BenchmarkListing[] = [];
  for (const b of BENCHMARKS) {
    const evalFiles = b.source.files.filter((f) => f.split === b.evalSplit);
    const present = b.source.files.map((f) => ({ file: f, local: localCopy(b, f, config) }));
    const cached = evalFiles.every((f) => present.find((p) => p.file === f)?.local !== undefined);
    let rows: Record<string, number> | undefined;
    for (const { file, local } of present) {
      if (!local) continue;
      rows ??= {};
      let n = 0;
      try {
        n = await countRows(local, file.format, { columns: file.columns });
      } catch {
        continue; // a damaged cached file is counted as absent rows; a run says what is wrong with it
      }
      rows[file.split] = (rows[file.split] ?? 0) + n;
    }
    out.push({
      name: b.name,
      pretty_name: b.prettyName,
      aliases: [...b.aliases],
      description: b.description,
      subsets: [...b.subsets],
      data_source: b.dataSource,
      ...(b.dataSources ? { data_sources: [...b.dataSources] } : {}),
      ...(b.modality ? { modality: b.modality } : {}),
      metric: b.metric,
      license: b.license,
      few_shot_num: b.fewShotNum,
      prompts: Object.keys(b.prompts),
      source: {
        hub: b.source.hub,
        repo: b.source.repo,
        revision: b.source.revision,
        files: b.source.files.map((f) => ({ split: f.split, path: f.path, format: f.format, ...(f.subset !== undefined ? { subset: f.subset } : {}) })),
      },
      cached,
      ...(rows ? { rows } : {}),
    });
  }
  return out;
}

export function formatBenchmarkListing(list: readonly BenchmarkListing[]): string[] {
  const width = Math.max(...list.map((b) => b.name.length));
  const lines = [`${list.length} benchmarks (--datasets NAME,... or --eval_type NAME; aliases in brackets):`];
  for (const b of list) {
    const subsets = b.subsets.length === 1 ? '1 subset' : `${b.subsets.length} subsets`;
    const rows = b.rows ? Object.entries(b.rows).map(([split, n]) => `${split} ${n}`).join(', ') : 'not cached';
    lines.push(`  ${b.name.padEnd(width)}  ${b.pretty_name} [${b.aliases.join(', ')}]; ${subsets}; ${b.metric} by ${(b.data_sources ?? [b.data_source]).join(' and ')};${b.modality === 'image' ? ' images (chat mode, --model_type vlm);' : ''} ${b.source.hub === 'local' ? 'local copies only' : `${b.source.hub}:${b.source.repo}`}; ${b.license}; ${b.cached ? `cached (${rows})` : rows}`);
  }
  return lines;
}
