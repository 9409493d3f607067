// --dry_run: everything a run would check (flags, config, every input line against its bootcamp's schema),
// then the plan and the exact first request body of each file. Sends nothing and creates no folder.
import type { Config } from '../config/config.ts';
import { FLAGS, type FlagName } from '../config/flags.ts';
import { EXIT } from '../errors.ts';
import { loadTemplate } from '../templates.ts';
import { lineLimit } from '../input/survey.ts';
import { sourcesForRun } from './run-sources.ts';
import { buildRequest, resolveSystemPrompt, type GenerationSettings } from '../model/requests.ts';
import { settingsPerSource } from './run-setup.ts';
import { redactSettings } from '../redact.ts';
import type { ScoringSetup } from './runner.ts';
import { shardFilter } from './shard-membership.ts';
import { refuseImagesInCompletionMode } from '../images/image-source.ts';

export async function runDryRun(config: Config, scoring: ScoringSetup, io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  const template = loadTemplate(config.template);
  const { sources, skipped } = await sourcesForRun(config, { log: (line) => io.stderr(line + '\n'), isTTY: false });
  const systemPrompt = config.api_mode === 'chat_completion' ? resolveSystemPrompt(config.sys_prompt, template, config.sources.template !== 'default') : undefined;
  const settings = { ...config, stop: config.stop, system_prompt: systemPrompt };
  const out: string[] = ['Dry run: nothing is sent and no run folder is created.', ''];
  let totalRequests = 0;
  let shardRequests = 0;
  const inShard = shardFilter(config.shardSpec);
  let problems = 0;
  const bootcampsUsed = new Set<string>();
  const fileLines: string[] = [];
  const firstRequests: string[] = [];
  // The same survey a run makes (line counts, data sources), then a second streaming pass that checks each line.
  const surveys = [];
  for (const source of sources) surveys.push(await source.survey({ strict: false, lookup: scoring.lookup, load: scoring.load }));
  refuseImagesInCompletionMode(config.api_mode, surveys, sources.map((s) => s.name));
  await scoring.prepare?.(new Set(surveys.flatMap((s) => [...s.dataSources.keys()])));
  const settingsFor = settingsPerSource(config, settings as GenerationSettings, sources);
  for (const [fileIndex, source] of sources.entries()) {
    const name = source.name;
    const lineCount = surveys[fileIndex].lines;
    const limit = lineLimit(config.limit, lineCount);
    let good = 0;
    let first: string | undefined;
    let seen = 0;
    for await (const { index, result } of source.entries(scoring.lookup)) {
      if (seen++ >= limit) break;
      if (!result.ok) {
        problems++;
        if (problems <= 20) io.stderr(`${name}:${index + 1}: ${result.error}\n`);
        continue;
      }
      good++;
      if (inShard) for (let r = 0; r < config.repeats; r++) if (inShard(name, index, r)) shardRequests++;
      bootcampsUsed.add(result.item.data_source);
      if (first === undefined) {
        const itemSettings = settingsFor(fileIndex, result.item.bootcamp);
        const request = buildRequest(itemSettings, template, result.item.prompt, 0, result.item.images, true);
        first = `POST ${config.urls[0].replace(/\/+$/, '')}/${request.endpoint}\n${JSON.stringify(request.body, null, 2)}`;
      }
    }
    totalRequests += good * config.repeats;
    fileLines.push(`  ${name}: ${good} items${good < limit ? ` (${limit - good} bad lines)` : ''}${limit < lineCount ? ` (limited from ${lineCount})` : ''}`);
    if (first) firstRequests.push(`--- first request of ${name} ---\n${first}`);
  }
  if (problems > 20) io.stderr(`… and ${problems - 20} more bad lines\n`);
  out.push(`Inputs (${sources.length}${skipped.length ? `, ${skipped.length} non-JSONL skipped` : ''}):`, ...fileLines, '');
  out.push(`Bootcamps: ${[...bootcampsUsed].sort().join(', ') || '(none)'}`);
  out.push(`Repeats: ${config.repeats}; total requests: ${totalRequests}; bad input lines: ${problems}`);
  const shard = config.shardSpec;
  if (shard) out.push(`Shard ${shard.index} of ${shard.count} (0-based, from ${shard.source}): ${shardRequests} of those requests`);
  if (config.urls.length > 1) out.push(`Endpoints (${config.urls.length}, balanced by requests in flight): ${config.urls.join(', ')}`);
  out.push('');
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
