// `run_eval.ts ls`: what can be evaluated. Every registered bootcamp with its verifier kind and answer format;
// every named benchmark (src/benchmarks/catalog-listing.ts); with --test_dir, each file with its line count, the data sources it names and whether each can be scored.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { loadAllBootcamps } from '../../bootcamps/index.ts';
import { listTestFiles } from '../input/test-files.ts';
import { surveyFile } from '../input/survey.ts';
import type { ScoringSetupWithPython } from '../run/scoring-setup.ts';
import { EXIT } from '../errors.ts';

export interface LsFile {
  file: string;
  lines: number;
  data_sources: { name: string; lines: number; scorable: boolean; kind: string | null }[];
}

export async function runLs(config: Config, scoring: ScoringSetupWithPython, io: { stdout: (t: string) => void }): Promise<number> {
  // ls lists every bootcamp with its answer format, so every family is loaded here (a run loads only its own).
  const bootcamps = [...(await loadAllBootcamps()).values()]
    .map((b) => ({ name: b.name, kind: b.kind ?? 'native', answer_format: b.answerFormat }))
    .sort((a, b) => a.name.localeCompare(b.name));
  let files: LsFile[] | undefined;
  if (config.test_dir !== undefined) {
    files = [];
    const surveys = [];
    for (const file of listTestFiles(config.test_dir).files) {
      surveys.push(await surveyFile(file, { strict: false, lookup: scoring.lookup, displayName: path.basename(file) }));
    }
    // Data sources without a native verifier are checked against the Python bridge, as a run would.
    // Code bootcamps are listed, not prepared: listing never starts a sandbox.
    await scoring.prepare?.(new Set(surveys.flatMap((s) => [...s.dataSources.keys()]).filter((d) => scoring.lookup(d)?.kind !== 'sandbox')));
    for (const survey of surveys) {
      const file = survey.file;
      files.push({
        file: path.basename(file),
        lines: survey.lines,
        data_sources: [...survey.dataSources.entries()].sort().map(([name, lines]) => {
          const bootcamp = scoring.lookup(name);
          return { name, lines, scorable: bootcamp !== undefined, kind: bootcamp ? (bootcamp.kind ?? 'native') : null };
        }),
      });
    }
  }
  const { listBenchmarks, formatBenchmarkListing } = await import('../benchmarks/catalog-listing.ts');
  const benchmarks = await listBenchmarks(config);
  const python = await scoring.pythonBootcamps();
  const nativeNames = new Set(bootcamps.map((b) => b.name));
  const pythonOnly = python.names.filter((n) => !nativeNames.has(n));
  if (config.json) {
    io.stdout(JSON.stringify({ benchmarks, bootcamps, python: { bootcamps: pythonOnly, ...(python.error ? { unavailable: python.error } : {}) }, ...(files ? { files } : {}) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const width = Math.max(...bootcamps.map((b) => b.name.length), 8);
  const out = [`${bootcamps.length} bootcamps (native: scored here; sandbox: code, needs --use_sandbox):`, ...bootcamps.map((b) => `  ${b.name.padEnd(width)}  ${b.kind.padEnd(7)}  ${b.answer_format}`)];
  out.push(
    '',
    python.error
      ? `Python bridge: unavailable (${python.error}); other data sources are unknown.`
      : `Python bridge (${config.python}): ${pythonOnly.length} more bootcamps importable from internbootcamp.bootcamp${pythonOnly.length ? `: ${pythonOnly.slice(0, 30).join(', ')}${pythonOnly.length > 30 ? ', …' : ''}` : ''}.`,
  );
  out.push('', ...formatBenchmarkListing(benchmarks));
  if (files) {
    out.push('', `${files.length} test files in ${config.test_dir}:`);
    for (const f of files) {
      const sources = f.data_sources.map((d) => `${d.name} (${d.lines}${d.scorable ? '' : ', NOT SCORABLE'})`).join(', ');
      out.push(`  ${f.file}: ${f.lines} lines; ${sources || 'no data_source found'}`);
    }
  }
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
