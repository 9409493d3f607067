// --help: every flag with its default, grouped, generated from the flag table so it cannot drift.
import { FLAGS, type FlagMeta } from '../config/flags.ts';

const GROUP_TITLES: Record<FlagMeta['group'], string> = {
  model: 'Model endpoint',
  input: 'Input',
  generation: 'Generation',
  run: 'Run',
  output: 'Output',
  scoring: 'Scoring',
  sandbox: 'Code sandbox',
};

function showDefault(meta: FlagMeta): string {
  if (meta.default === undefined) return '';
  if (Array.isArray(meta.default)) return meta.default.length ? ` (default: ${meta.default.join(',')})` : '';
  return ` (default: ${String(meta.default)})`;
}

export function helpText(version: string): string {
  const lines = [
    `bootcamp-eval ${version}: evaluate a model on InternBootcamp-style JSONL test files or named benchmarks.`,
    '',
    'Usage:',
    '  tsx scripts/run_eval.ts --model_name NAME --test_dir DIR [flags]',
    '  tsx scripts/run_eval.ts --model_name NAME --datasets gsm8k,mmlu [--dataset_args JSON] [flags]   (EvalScope)',
    '  tsx scripts/run_eval.ts --model_id NAME --model_url URL --eval_type AIME_2025 [flags]          (NeMo Evaluator)',
    '  tsx scripts/run_eval.ts --config task_config.yaml                                              (EvalScope TaskConfig)',
    '  tsx scripts/run_eval.ts ls [--test_dir DIR] [--json]',
    '',
  ];
  for (const group of Object.keys(GROUP_TITLES) as FlagMeta['group'][]) {
    const entries = Object.entries(FLAGS).filter(([, spec]) => spec.group === group);
    if (entries.length === 0) continue;
    lines.push(`${GROUP_TITLES[group]}:`);
    for (const [name, spec] of entries) {
      const head = `  --${name}${spec.arg ? ' ' + spec.arg : ''}`;
      const aliases = spec.aliases?.length ? ` [also --${spec.aliases.join(', --')}]` : '';
      lines.push(head.padEnd(34) + ' ' + spec.help + showDefault(spec) + aliases);
    }
    lines.push('');
  }
  lines.push('Other:');
  lines.push('  -o KEY=VALUE, --overrides A=1,B=2  Set any setting (flag names or NeMo paths such as config.params.temperature).');
  lines.push('  --help, --version');
  lines.push('');
  lines.push('Exit codes: 0 all scored; 3 finished with item or input errors; 2 usage, config, health check or auth; 130 interrupted.');
  return lines.join('\n') + '\n';
}
