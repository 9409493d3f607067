// The perf command's flags, declared once: the parser's names and kinds, --help, and the service's
// GET /api/v1/perf/params all read this table.

export type PerfFlagType = 'string' | 'number' | 'int' | 'list' | 'boolean' | 'json';

export interface PerfFlag {
  name: string;
  type: PerfFlagType;
  default: unknown;
  help: string;
  /** Shown after the flag in --help. */
  arg?: string;
}

export const PERF_FLAGS: readonly PerfFlag[] = [
  { name: 'url', type: 'string', default: null, arg: 'URL', help: 'base URL (http://host:8000/v1) or full endpoint (.../v1/chat/completions, .../v1/completions)' },
  { name: 'model', type: 'string', default: null, arg: 'NAME', help: 'the served model' },
  { name: 'api', type: 'string', default: 'openai', arg: 'openai', help: 'the API (openai: chat/completions or completions by the URL)' },
  { name: 'api_key', type: 'string', default: null, arg: 'KEY', help: "bearer token (else --api-key-name's environment variable)" },
  { name: 'api_key_name', type: 'string', default: 'OPENAI_API_KEY', arg: 'ENV', help: 'the environment variable holding the key' },
  { name: 'headers', type: 'json', default: {}, arg: 'JSON|K=V', help: 'extra request headers' },
  { name: 'parallel', type: 'list', default: [1], arg: 'N [N ...]', help: 'requests in flight; a list runs one point per value' },
  { name: 'number', type: 'list', default: 'max(10, 4 x parallel)', arg: 'N [N ...]', help: 'requests per point, paired with --parallel' },
  { name: 'rate', type: 'list', default: [-1], arg: 'R [R ...]', help: 'Poisson arrivals at R requests/s; -1 = as fast as the parallelism allows' },
  { name: 'duration', type: 'number', default: null, arg: 'SEC', help: 'run each point for SEC seconds instead of --number requests' },
  { name: 'warmup_num', type: 'int', default: 0, arg: 'N', help: 'requests sent first and left out of every figure' },
  { name: 'dataset', type: 'string', default: 'openqa', arg: 'NAME', help: 'openqa (our prompts, or --dataset-path JSONL with "question") | random | line_by_line (a prompt a line) | jsonl ("prompt" or "messages")' },
  { name: 'dataset_path', type: 'string', default: null, arg: 'FILE', help: 'the prompts file for openqa, line_by_line and jsonl' },
  { name: 'min_prompt_length', type: 'int', default: 128, arg: 'N', help: "random prompts' shortest length: in tokens with --tokenizer-path, else in words" },
  { name: 'max_prompt_length', type: 'int', default: 128, arg: 'N', help: "random prompts' longest length" },
  { name: 'tokenizer_path', type: 'string', default: null, arg: 'DIR', help: 'a Hugging Face tokenizer.json: exact random prompt lengths, counts when usage is missing' },
  { name: 'min_tokens', type: 'int', default: null, arg: 'N', help: 'output length asked at least (sent as min_tokens)' },
  { name: 'max_tokens', type: 'int', default: 2048, arg: 'N', help: 'output length asked at most' },
  { name: 'stream', type: 'boolean', default: true, help: 'stream the answers (TTFT and ITL need it)' },
  { name: 'no_stream', type: 'boolean', default: false, help: 'ask for whole answers' },
  { name: 'temperature', type: 'number', default: null, arg: 'T', help: 'sampling temperature' },
  { name: 'top_p', type: 'number', default: null, arg: 'P', help: 'nucleus sampling' },
  { name: 'stop', type: 'list', default: null, arg: 'S [S ...]', help: 'stop strings' },
  { name: 'extra_args', type: 'json', default: {}, arg: 'JSON', help: 'more request body fields, e.g. {"ignore_eos": true}' },
  { name: 'connect_timeout', type: 'number', default: 60, arg: 'SEC', help: 'seconds to connect and get a first byte' },
  { name: 'read_timeout', type: 'number', default: 600, arg: 'SEC', help: 'the longest silence, in seconds' },
  { name: 'total_timeout', type: 'number', default: 6000, arg: 'SEC', help: 'seconds for a whole request' },
  { name: 'seed', type: 'int', default: 0, arg: 'N', help: 'for random prompts and arrival times' },
  { name: 'outputs_dir', type: 'string', default: 'outputs', arg: 'DIR', help: 'results go to DIR/<timestamp>/<name or model>/' },
  { name: 'name', type: 'string', default: null, arg: 'NAME', help: 'the run folder name (default the model)' },
  { name: 'no_timestamp', type: 'boolean', default: false, help: 'no <timestamp> folder level' },
  { name: 'slo', type: 'string', default: null, arg: 'ttft_ms=500,tpot_ms=50', help: 'goodput: requests meeting every bound (ttft_ms, tpot_ms, latency_ms), per second' },
  { name: 'sla', type: 'string', default: null, arg: 'ttft_p99_ms=1000', help: 'search the largest parallelism meeting it (ttft_/tpot_/latency_, any pNN)' },
  { name: 'max_parallel', type: 'int', default: 1024, arg: 'N', help: "the --sla search's largest parallelism" },
  { name: 'help', type: 'boolean', default: false, help: 'this text' },
];

export function perfHelp(): string {
  const rows = PERF_FLAGS.map((f) => {
    const left = `  --${f.name.replaceAll('_', '-')}${f.arg ? ` ${f.arg}` : ''}`;
    const dflt = f.default === null || f.default === false || (typeof f.default === 'object' && !Array.isArray(f.default)) ? '' : ` (default ${Array.isArray(f.default) ? f.default.join(' ') : String(f.default)})`;
    return `${left.padEnd(36)} ${f.help}${dflt}`;
  });
  return `Usage: tsx scripts/perf.ts --url URL --model NAME [flags]   (also: run_eval.ts perf ...)
Load-tests an OpenAI-compatible endpoint as EvalScope's perf does (flags in either spelling, - or _):
${rows.join('\n')}
`;
}

/** GET /api/v1/perf/params: every argument a load-test body may carry, from this table. */
export function perfParams(): Record<string, unknown> {
  const required = new Set(['url', 'model']);
  const view = (f: PerfFlag) => ({ name: f.name, type: f.type, default: f.default, description: f.help });
  return {
    required: PERF_FLAGS.filter((f) => required.has(f.name)).map(view),
    optional: PERF_FLAGS.filter((f) => !required.has(f.name) && f.name !== 'help').map(view),
    example: { model: 'qwen3-8b', url: 'http://127.0.0.1:8000/v1/chat/completions', api: 'openai', parallel: [1, 8], number: [10, 80], max_tokens: 256, stream: true },
  };
}
