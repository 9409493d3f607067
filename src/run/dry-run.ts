// --dry_run: everything a run would check (flags, config, every input line against its bootcamp's schema),
// then the plan and the exact first request body of each file. Sends nothing and creates no folder.
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { FLAGS, type FlagName } from '../config/flags.ts';
import { EXIT } from '../errors.ts';
import { loadTemplate } from '../templates.ts';
import { listTestFiles } from '../input/test-files.ts';
import { readJsonlLines } from '../input/jsonl-lines.ts';
import { parseInputLine } from '../input/input-line.ts';
import { lineLimit, surveyFile } from '../input/survey.ts';
import { buildRequest, resolveSystemPrompt, withBootcampDefaults } from '../model/requests.ts';
import { redactSettings } from '../redact.ts';
import type { ScoringSetup } from './runner.ts';

export async function runDryRun(config: Config, scoring: ScoringSetup, io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  const template = loadTemplate(config.template);
  const { files, skipped } = listTestFiles(config.test_dir);
  const systemPrompt = config.api_mode === 'chat_completion' ? resolveSystemPrompt(config.sys_prompt, template, config.sources.template !== 'default') : undefined;
  const settings = { ...config, stop: config.stop, system_prompt: systemPrompt };
  const out: string[] = ['Dry run: nothing is sent and no run folder is created.', ''];
  let totalRequests = 0;
  let problems = 0;
  const bootcampsUsed = new Set<string>();
  const fileLines: string[] = [];
  const firstRequests: string[] = [];
  // The same survey a run makes (line counts, data sources), then a second streaming pass that checks each line.
  const surveys = [];
  for (const file of files) surveys.push(await surveyFile(file, { strict: false, lookup: scoring.lookup, displayName: path.basename(file) }));
  await scoring.prepare?.(new Set(surveys.flatMap((s) => [...s.dataSources.keys()])));
  for (const [fileIndex, file] of files.entries()) {
    const name = path.basename(file);
    const lineCount = surveys[fileIndex].lines;
    const limit = lineLimit(config.limit, lineCount);
    let good = 0;
    let first: string | undefined;
    let seen = 0;
    for await (const { index, text } of readJsonlLines(file)) {
      if (seen++ >= limit) break;
      const result = parseInputLine(text, index, scoring.lookup);
      if (!result.ok) {
        problems++;
        if (problems <= 20) io.stderr(`${name}:${index + 1}: ${result.error}\n`);
        continue;
      }
      good++;
      bootcampsUsed.add(result.item.data_source);
      if (first === undefined) {
        const itemSettings = withBootcampDefaults(settings, result.item.bootcamp.defaults, (key) => config.sources[key] === 'default');
        const request = buildRequest(itemSettings, template, result.item.prompt, 0);
        first = `POST ${config.url.replace(/\/+$/, '')}/${request.endpoint}\n${JSON.stringify(request.body, null, 2)}`;
      }
    }
    totalRequests += good * config.repeats;
    fileLines.push(`  ${name}: ${good} items${good < limit ? ` (${limit - good} bad lines)` : ''}${limit < lineCount ? ` (limited from ${lineCount})` : ''}`);
    if (first) firstRequests.push(`--- first request of ${name} ---\n${first}`);
  }
  if (problems > 20) io.stderr(`… and ${problems - 20} more bad lines\n`);
  out.push(`Files (${files.length}${skipped.length ? `, ${skipped.length} non-JSONL skipped` : ''}):`, ...fileLines, '');
  out.push(`Bootcamps: ${[...bootcampsUsed].sort().join(', ') || '(none)'}`);
  out.push(`Repeats: ${config.repeats}; total requests: ${totalRequests}; bad input lines: ${problems}`, '');
  out.push('Settings (value  [source]):');
  const shown = redactSettings(Object.fromEntries((Object.keys(FLAGS) as FlagName[]).map((k) => [k, config[k]])));
  for (const name of Object.keys(FLAGS) as FlagName[]) {
    if (shown[name] === undefined) continue;
    out.push(`  ${name} = ${JSON.stringify(shown[name])}  [${config.sources[name]}]`);
  }
  out.push('', ...firstRequests, '');
  io.stdout(out.join('\n'));
  // A real run refuses to start only under --strict; without it bad lines are skipped.
  return problems > 0 && config.strict ? EXIT.usage : EXIT.ok;
}
