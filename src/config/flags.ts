// Every setting of a run, declared once: its flag name, type, default, help text and validation. The parser,
// `--help`, eval_args.json and resume's "did an answer-changing setting change?" check all read this table.
import { z } from 'zod';

export type FlagType = 'string' | 'int' | 'number' | 'boolean' | 'optional-path' | 'list' | 'json';

export interface FlagMeta {
  type: FlagType;
  default: unknown;
  help: string;
  /** Shown in --help after the flag name, e.g. "N", "DIR". */
  arg?: string;
  /** Other names accepted on the command line and in config files (NeMo / EvalScope habits). */
  aliases?: readonly string[];
  /** Shown in its own section of --help. */
  group: 'model' | 'input' | 'generation' | 'run' | 'output' | 'scoring' | 'sandbox';
}

export interface FlagSpec<S extends z.ZodType = z.ZodType> extends FlagMeta {
  schema: S;
}

function flag<S extends z.ZodType>(schema: S, meta: FlagMeta): FlagSpec<S> {
  return { schema, ...meta };
}

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().min(0);

export const FLAGS = {
  // Model endpoint
  url: flag(z.string().regex(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, 'an http(s) URL such as http://127.0.0.1:8000/v1, or a comma list of them'), {
    type: 'string', default: 'http://127.0.0.1:8000/v1', arg: 'URL', group: 'model', aliases: ['model_url'],
    help: 'Base URL of the OpenAI-compatible server (up to and including /v1); a full .../chat/completions or .../completions endpoint (NeMo style) is accepted and sets the api mode unless --api_mode does. Repeat it, or give a comma list, to balance one run over several replicas.',
  }),
  per_endpoint_concurrency: flag(positiveInt.max(100_000).optional(), {
    type: 'int', default: undefined, arg: 'N', group: 'model',
    help: 'With several --url: at most N requests in flight on any one endpoint (--max_concurrent_requests stays the total).',
  }),
  api_key: flag(z.string(), {
    type: 'string', default: 'EMPTY', arg: 'KEY', group: 'model',
    help: 'API key; OPENAI_API_KEY from the environment when absent. Never written to disk or logs.',
  }),
  api_key_name: flag(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(), {
    type: 'string', default: undefined, arg: 'ENV_VAR', group: 'model',
    help: 'Read the API key from this environment variable (NeMo style).',
  }),
  model_name: flag(z.string().min(1, 'a model name'), {
    type: 'string', default: undefined, arg: 'NAME', group: 'model', aliases: ['model_id'],
    help: 'Model name as the server lists it (required).',
  }),
  api_mode: flag(z.enum(['completion', 'chat_completion']), {
    type: 'string', default: 'completion', arg: 'MODE', group: 'model', aliases: ['model_type'],
    help: 'completion (template rendered here) or chat_completion (server applies its chat template); chat, completions, and vlm (chat with images) also read.',
  }),
  template: flag(z.string().min(1), {
    type: 'string', default: 'chatml', arg: 'NAME|FILE', group: 'model',
    help: 'r1 | qwen | internthinker | chatml, or a template JSON file; a comma list runs once per template and compares.',
  }),
  sys_prompt: flag(z.string().optional(), {
    type: 'string', default: undefined, arg: 'TEXT', group: 'model',
    help: "System prompt (chat mode). Default: the template's system text when --template is given, else none.",
  }),
  header: flag(z.array(z.string().regex(/^[^:\s]+:.*$/, '"Name: value"')), {
    type: 'list', default: [], arg: "'Name: value'", group: 'model',
    help: 'Extra HTTP header for every request (repeatable).',
  }),
  check_model_url: flag(z.boolean(), {
    type: 'boolean', default: true, group: 'model',
    help: 'Check GET {url}/models lists the model before starting (--no-check_model_url or false to skip).',
  }),
  check_interval: flag(z.number().min(0), {
    type: 'number', default: 60, arg: 'SEC', group: 'model',
    help: 'Seconds between health-check attempts.',
  }),
  check_max_attempts: flag(positiveInt, {
    type: 'int', default: 60, arg: 'N', group: 'model',
    help: 'Health-check attempts before giving up (exit 2).',
  }),

  // Input
  test_dir: flag(z.string().min(1, 'a folder of .jsonl files or one .jsonl file').optional(), {
    type: 'string', default: undefined, arg: 'DIR|FILE', group: 'input',
    help: 'A folder of *.jsonl test files, or one .jsonl file (this, --datasets or --eval_type is required).',
  }),
  datasets: flag(z.array(z.string().min(1, 'a benchmark name or a .jsonl path')), {
    type: 'list', default: [], arg: 'NAME,...', group: 'input',
    help: "Named benchmarks (gsm8k,mmlu,...; see 'ls'), EvalScope style; an entry that is a .jsonl file or folder is read as --test_dir reads it.",
  }),
  eval_type: flag(z.string().min(1, 'a benchmark name').optional(), {
    type: 'string', default: undefined, arg: 'NAME', group: 'input',
    help: "One named benchmark, NeMo Evaluator style (AIME_2025, gpqa_diamond, simple_evals.mmlu, ...).",
  }),
  dataset_args: flag(z.record(z.string(), z.unknown()).optional(), {
    type: 'json', default: undefined, arg: 'JSON', group: 'input',
    help: 'Per benchmark: {"mmlu": {"subset_list": ["anatomy"], "few_shot_num": 0, "prompt_template": "...", "local_path": DIR, "dataset_id": REPO}}.',
  }),
  dataset_dir: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'DIR', group: 'input',
    help: 'Local copies of benchmark files, laid out as the hub has them: DIR/<repository>/<file>. Looked at before the cache.',
  }),
  dataset_hub: flag(z.enum(['huggingface', 'modelscope', 'local']), {
    type: 'string', default: 'huggingface', arg: 'HUB', group: 'input', aliases: ['dataset_hub_name'],
    help: 'Where benchmark files come from: huggingface (HF_ENDPOINT, HF_TOKEN), modelscope (MODELSCOPE_ENDPOINT), or local (--dataset_dir only).',
  }),
  cache_dir: flag(z.string().min(1), {
    type: 'string', default: undefined, arg: 'DIR', group: 'input',
    help: 'Downloaded benchmark files (default $BOOTCAMP_EVAL_CACHE, else ~/.cache/bootcamp-eval).',
  }),
  offline: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'input',
    help: 'Never download: benchmark files must be in --dataset_dir or the cache (also HF_HUB_OFFLINE=1).',
  }),
  prompt_template: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'FILE', group: 'input',
    help: "A benchmark prompt template file ({question}, and for multiple choice {choices} {letters}; {fewshot} for examples) instead of the benchmark's own.",
  }),
  limit: flag(z.number().positive().optional(), {
    type: 'number', default: undefined, arg: 'N', group: 'input', aliases: ['limit_samples'],
    help: 'Only the first N lines of each file (a fraction in (0,1) takes that share).',
  }),
  strict: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'input',
    help: 'Any bad input line is fatal before the first request.',
  }),
  with_background: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'input',
    help: "SciCode: give each step's scientific background in its prompt (NeMo's scicode_background).",
  }),
  include_dev: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'input',
    help: 'SciCode: run the dev problems (15, targets worked out from their ground-truth code) beside the test ones.',
  }),
  scicode_h5: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'FILE', group: 'input',
    help: "SciCode's test targets: the authors' test_data.h5 (see the README); the dev set needs none.",
  }),
  max_image_bytes: flag(positiveInt, {
    type: 'int', default: 20 * 1024 * 1024, arg: 'BYTES', group: 'input',
    help: "An item's image larger than this is that line's input error (default 20 MiB).",
  }),
  max_image_pixels: flag(positiveInt, {
    type: 'int', default: 89_478_485, arg: 'N', group: 'input',
    help: 'An image of more pixels (width × height) is refused (default 89478485, the decompression-bomb limit of Pillow).',
  }),
  image_root: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'DIR', group: 'input',
    help: "Items' local images must be inside DIR (the HTTP service sets its --data_root); default anywhere.",
  }),
  image_max_side: flag(positiveInt.optional(), {
    type: 'int', default: undefined, arg: 'PIXELS', group: 'input',
    help: 'Scale images whose longer side is above this down to fit it before sending (sharp); details keep the original.',
  }),
  inline_image_urls: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'input',
    help: "Fetch items' http(s) images here (into the cache) and send their bytes, for servers that cannot fetch.",
  }),

  // Generation
  max_tokens: flag(positiveInt, {
    type: 'int', default: 32768, arg: 'N', group: 'generation', aliases: ['max_new_tokens'],
    help: 'Maximum tokens to generate.',
  }),
  temperature: flag(z.number().min(0), {
    type: 'number', default: 0, arg: 'T', group: 'generation',
    help: 'Sampling temperature.',
  }),
  top_p: flag(z.number().gt(0).max(1).optional(), {
    type: 'number', default: undefined, arg: 'P', group: 'generation',
    help: 'Nucleus sampling; not sent when unset.',
  }),
  top_k: flag(z.number().int().optional(), {
    type: 'int', default: undefined, arg: 'K', group: 'generation',
    help: 'Top-k sampling (vLLM/SGLang extension); not sent when unset.',
  }),
  min_p: flag(z.number().min(0).max(1).optional(), {
    type: 'number', default: undefined, arg: 'P', group: 'generation',
    help: 'Min-p sampling (vLLM/SGLang extension).',
  }),
  seed: flag(z.number().int().optional(), {
    type: 'int', default: undefined, arg: 'N', group: 'generation',
    help: 'Sampling seed; repeat r uses seed + r.',
  }),
  presence_penalty: flag(z.number().optional(), {
    type: 'number', default: undefined, arg: 'X', group: 'generation', help: 'Presence penalty.',
  }),
  frequency_penalty: flag(z.number().optional(), {
    type: 'number', default: undefined, arg: 'X', group: 'generation', help: 'Frequency penalty.',
  }),
  repetition_penalty: flag(z.number().optional(), {
    type: 'number', default: undefined, arg: 'X', group: 'generation',
    help: 'Repetition penalty (vLLM/SGLang extension).',
  }),
  stop: flag(z.array(z.string().min(1)), {
    type: 'list', default: [], arg: 'TEXT', group: 'generation',
    help: "Extra stop string, added to the template's (repeatable).",
  }),
  extra_body: flag(z.record(z.string(), z.unknown()).optional(), {
    type: 'json', default: undefined, arg: 'JSON', group: 'generation',
    help: 'JSON object merged into every request body (e.g. {"chat_template_kwargs": {...}}).',
  }),
  repeats: flag(positiveInt, {
    type: 'int', default: 1, arg: 'N', group: 'generation', aliases: ['n_samples'],
    help: 'Ask each line N times (pass@k and mean@N in the summary).',
  }),
  pass_k: flag(z.array(positiveInt).optional(), {
    type: 'list', default: undefined, arg: 'K,K', group: 'scoring',
    help: 'k values for pass@k (default: 1 and --repeats).',
  }),

  // Scoring
  verifier: flag(z.enum(['auto', 'native', 'python']), {
    type: 'string', default: 'auto', arg: 'KIND', group: 'scoring',
    help: 'auto: native when registered, else InternBootcamp\'s Python verifier if it imports; native or python only.',
  }),
  python: flag(z.string().min(1), {
    type: 'string', default: 'python3', arg: 'PATH', group: 'scoring',
    help: 'Python interpreter for the Python verifier bridge.',
  }),
  bootcamp_pythonpath: flag(z.string().optional(), {
    type: 'string', default: undefined, arg: 'DIR[:DIR]', group: 'scoring',
    help: 'Prepended to PYTHONPATH for the bridge (an InternBootcamp source checkout, or your own bootcamps).',
  }),
  judge_worker_num: flag(positiveInt.max(256), {
    type: 'int', default: 2, arg: 'N', group: 'scoring',
    help: 'Scoring workers (Python bridge processes; concurrent sandbox executions; LLM judge requests in flight, in a queue of their own).',
  }),
  judge_strategy: flag(z.enum(['rule', 'llm', 'auto', 'llm_recall']), {
    type: 'string', default: 'auto', arg: 'HOW', group: 'scoring',
    help: 'rule: never ask a judge; llm: the judge scores every item; auto: the judge scores the bootcamps and benchmarks that ask for one; llm_recall: rule first, the judge only where the rule scored below 1.',
  }),
  judge_model_args: flag(z.record(z.string(), z.unknown()).optional(), {
    type: 'json', default: undefined, arg: 'JSON', group: 'scoring',
    help: 'The judge (EvalScope keys): {"model_id", "api_url", "api_key" or "api_key_name", "system_prompt", "prompt_template", "generation_config", "score_type", "score_pattern", "score_mapping"}.',
  }),
  judge_template: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'NAME|FILE', group: 'scoring',
    help: 'Judge prompt: correctness (A/B), rating ([[0-1]]), grade (GRADE: C/I), grade_partial (C/P/I), simpleqa, or a file; default correctness.',
  }),
  judge_repeats: flag(positiveInt.max(32), {
    type: 'int', default: 1, arg: 'N', group: 'scoring',
    help: 'Ask the judge N times per item (different seeds) and aggregate.',
  }),
  judge_defer: flag(z.enum(['auto', 'always', 'never']), {
    type: 'string', default: 'auto', arg: 'WHEN', group: 'scoring',
    help: "When the judge works: never = each row as it is scored; always = after every model request (EvalScope's predict-then-review); auto = as rows come while the evaluator has spare CPU, else after.",
  }),
  judge_aggregation: flag(z.enum(['mean', 'median', 'majority']), {
    type: 'string', default: 'mean', arg: 'HOW', group: 'scoring',
    help: 'How --judge_repeats verdicts become one score: mean, median, or the most frequent verdict.',
  }),
  verify_timeout: flag(positiveInt, {
    type: 'int', default: 10_000, arg: 'MS', group: 'scoring',
    help: 'Milliseconds one Python verification may take before its worker is replaced and the item scores 0.',
  }),

  // Code sandbox
  use_sandbox: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'sandbox',
    help: 'Allow code bootcamps (HumanEval, KodCode, BigCodeBench, StdioCode): their programs run only in a sandbox.',
  }),
  sandbox_type: flag(z.enum(['bwrap', 'docker']), {
    type: 'string', default: 'bwrap', arg: 'TYPE', group: 'sandbox',
    help: 'Local sandbox: bwrap (bubblewrap, no Docker needed) or docker. Ignored with --sandbox_url.',
  }),
  sandbox_url: flag(z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL such as http://127.0.0.1:1234').optional(), {
    type: 'string', default: undefined, arg: 'URL', group: 'sandbox',
    help: 'A sandbox server (scripts/sandbox_server.ts) that runs the programs instead of this machine.',
  }),
  sandbox_token: flag(z.string().optional(), {
    type: 'string', default: undefined, arg: 'TOKEN', group: 'sandbox',
    help: "Bearer token for --sandbox_url; SANDBOX_TOKEN from the environment when absent. Never written to disk or logs.",
  }),
  sandbox_manager_config: flag(z.looseObject({ base_url: z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL') }).optional(), {
    type: 'json', default: undefined, arg: 'JSON', group: 'sandbox',
    help: 'EvalScope\'s form of --sandbox_url: \'{"base_url": "http://host:1234", "api_key": "...", "pool_size": 4}\' (our server or ms-enclave\'s; which is asked of its /health).',
  }),
  sandbox_image: flag(z.string().min(1), {
    type: 'string', default: 'python:3.11-slim', arg: 'IMAGE', group: 'sandbox',
    help: 'Image for --sandbox_type docker.',
  }),
  sandbox_python: flag(z.string().min(1), {
    type: 'string', default: 'python3', arg: 'PATH', group: 'sandbox',
    help: 'Python runtime bound read-only into the bwrap sandbox (its packages are what programs can import).',
  }),
  sandbox_memory_mb: flag(positiveInt.max(65_536), {
    type: 'int', default: 1024, arg: 'MB', group: 'sandbox',
    help: 'Address-space limit of each sandboxed program.',
  }),
  sandbox_timeout: flag(z.number().positive().max(600), {
    type: 'number', default: 30, arg: 'SEC', group: 'sandbox',
    help: 'Wall-clock limit of each sandboxed program; past it the whole process tree is killed and it scores 0.',
  }),

  // Run
  max_concurrent_requests: flag(positiveInt.max(100_000), {
    type: 'int', default: 128, arg: 'N', group: 'run', aliases: ['parallelism'],
    help: 'Requests in flight at once, across all files.',
  }),
  timeout: flag(positiveInt, {
    type: 'int', default: 6_000_000, arg: 'MS', group: 'run',
    help: 'Milliseconds per attempt, from when the request is sent (the original meant seconds: 6000 was 100 min).',
  }),
  stream: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'run',
    help: 'Stream answers (server-sent events, both api modes); details gain ttft_ms. Answers are the same either way.',
  }),
  stream_idle_timeout: flag(z.number().positive(), {
    type: 'number', default: 300, arg: 'SEC', group: 'run',
    help: 'With --stream: no bytes for this long (the first byte included) fails the attempt as a timeout; it is retried.',
  }),
  max_retries: flag(positiveInt, {
    type: 'int', default: 16, arg: 'N', group: 'run',
    help: 'Total attempts per request, as the original counts them.',
  }),
  max_retrying_delay: flag(z.number().min(0), {
    type: 'number', default: 60, arg: 'SEC', group: 'run',
    help: 'Cap on one backoff delay, in seconds (full-jitter exponential, Retry-After honoured).',
  }),
  resume: flag(z.union([z.boolean(), z.string()]), {
    type: 'optional-path', default: false, arg: '[DIR]', group: 'run',
    help: 'Continue a run: --output_dir, DIR, or the newest output/{model}_{test_dir}_* folder.',
  }),
  force: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'run',
    help: 'Resume even though answer-changing settings differ (recorded in eval_args.json).',
  }),
  dry_run: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'run',
    help: 'Validate everything and print the plan and first request per file; send nothing, write nothing.',
  }),
  config: flag(z.string().optional(), {
    type: 'string', default: undefined, arg: 'FILE', group: 'run', aliases: ['run_config'],
    help: 'YAML or JSON run config: flat flag names, an EvalScope TaskConfig, or NeMo-style config/target sections.',
  }),
  quiet: flag(z.boolean(), {
    type: 'boolean', default: false, group: 'run', help: 'No progress bars or periodic lines; errors and the summary only.',
  }),

  shard: flag(z.string().regex(/^\d+\/[1-9]\d*$/, 'k/n with 0 <= k < n, such as 0/8').optional(), {
    type: 'string', default: undefined, arg: 'K/N', group: 'run',
    help: 'Run only shard K (0-based) of N: the items whose hash of (file, id, repeat) falls in bucket K. Default from SLURM_ARRAY_TASK_ID/COUNT, or JOB_COMPLETION_INDEX with --shard_count.',
  }),
  shard_count: flag(positiveInt.max(100_000).optional(), {
    type: 'int', default: undefined, arg: 'N', group: 'run',
    help: "The number of shards when the index comes from a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (its completions).",
  }),

  // Output
  work_dir: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'DIR', group: 'output',
    help: "Where default run folders go (default output/ in the working directory); EvalScope's work_dir.",
  }),
  output_dir: flag(z.string().min(1).optional(), {
    type: 'string', default: undefined, arg: 'DIR', group: 'output',
    help: 'The run folder itself (default {work_dir}/{model}_{basename(test_dir) or the benchmark names}_{YYYYMMDD_HHMMSS}).',
  }),
} as const;

export type FlagName = keyof typeof FLAGS;

/** Flags that only steer the command itself and are not settings of a run. */
export const COMMAND_FLAGS = ['help', 'version', 'overrides', 'o', 'json'] as const;

export const configSchema = z.object(
  Object.fromEntries(Object.entries(FLAGS).map(([name, spec]) => [name, spec.schema])) as {
    [K in FlagName]: (typeof FLAGS)[K]['schema'];
  },
);

export type Settings = z.infer<typeof configSchema>;

/** alias → canonical flag name. */
export const FLAG_ALIASES: ReadonlyMap<string, FlagName> = new Map(
  Object.entries(FLAGS).flatMap(([name, spec]) => (spec.aliases ?? []).map((alias) => [alias, name as FlagName] as const)),
);
