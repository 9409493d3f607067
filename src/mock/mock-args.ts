// Command-line flags of the mock server, validated, with the same error style as the evaluator's.
import minimist from 'minimist';
import { readFileSync } from 'node:fs';
import { loadImageAnswers } from './mock-images.ts';
import { UsageError } from '../errors.ts';
import { DEFAULT_MOCK_OPTIONS, FAIL_MODES, type FailMode, type MockOptions, type ReplyMode } from './mock-server.ts';

export const MOCK_HELP = `Usage: tsx scripts/mock_server.ts [flags]
  --port N              port (0 = a free one; the first line printed is "listening http://HOST:PORT") (default 0)
  --host H              (default 127.0.0.1)
  --model NAME          the one model it serves (default mock-model)
  --api-key KEY         require this bearer token (401 otherwise)
  --latency-ms N|MIN-MAX  delay before each answer (default 0)
  --fail-rate P         share of generation requests that fail (default 0)
  --fail-mode M         429 | 500 | 503 | reset | hang | stall | stream-error | error-body | empty-choices | mixed
                        (default 500). stall: a streamed answer goes silent after --stall-after chunks (an
                        unstreamed one hangs); stream-error: an error event after 2 chunks; error-body: HTTP 200
                        with vLLM's error object (code 503); empty-choices: HTTP 200 with "choices": []
  --fail-first N        fail the first N generation requests
  --retry-after S       Retry-After seconds on 429/503
  --reply MODE          echo | fixed | solutions (default echo)
  --text TEXT           the fixed reply
  --solutions FILE      JSONL of {"prompt", "output"}: the right answer per prompt (implies --reply solutions)
  --correct-rate P      share of prompts answered from --solutions (by a hash of the prompt) (default 1)
  --wrong-text TEXT     reply for the other prompts
  --max-model-len N     context length; longer requests get vLLM's 400
  --reasoning-parser    split <think>…</think> into reasoning_content (chat mode)
  --ttft-ms N           streaming: ms before the first token (after --latency-ms) (default 0)
  --itl-ms N            streaming: ms between tokens (default 0)
  --tokens-per-chunk N  streaming: tokens in each chunk, itl-ms apart (default 1)
  --reply-tokens N|max  every reply is exactly N tokens (words; max_tokens still cuts, with finish_reason length);
                        max: exactly max_tokens tokens, as a server with ignore_eos answers
  --stall-after N       data chunks a stalled stream sends before going silent (default 3)
  --judge contains-gold act as an LLM judge of this project's judge prompts: the verdict "correct" when the
                        answer contains the reference; pairwise, the answer containing it wins (else a tie)
  --judge-noise P       share of verdicts wrapped in text that names the contrary verdict first (default 0)
  --judge-no-verdict P  share of replies with no verdict at all (default 0)
  --judge-position-bias P  share of pairwise verdicts that are [[A]] whatever the answers (default 0)
  --image-tokens N      prompt tokens counted per image of a chat request (default 256)
  --image-answers FILE  JSON {sha256: reply}: answer a request by its image's sha256 (several images: their
                        hashes joined by ","), before --reply
  --request-log FILE    append a JSON line per generation request: model, stream, text, images (mime, bytes, sha256)
`;

function num(raw: unknown, flag: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return n;
}

export function readSolutions(file: string): Map<string, string> {
  const map = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--solutions: cannot read ${file}`);
  }
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: { prompt?: unknown; output?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${i + 1}: expected a JSON object {"prompt", "output"}`);
    }
    if (typeof row.prompt !== 'string' || typeof row.output !== 'string') throw new UsageError(`${file}:${i + 1}: expected string "prompt" and "output"`);
    map.set(row.prompt, row.output);
  });
  return map;
}

export function parseMockArgs(argv: readonly string[]): MockOptions | 'help' {
  const known = ['port', 'host', 'model', 'api-key', 'latency-ms', 'fail-rate', 'fail-mode', 'fail-first', 'retry-after', 'reply', 'text', 'solutions', 'correct-rate', 'wrong-text', 'max-model-len', 'ttft-ms', 'itl-ms', 'tokens-per-chunk', 'reply-tokens', 'stall-after', 'judge', 'judge-noise', 'judge-no-verdict', 'judge-position-bias', 'image-tokens', 'image-answers', 'request-log'];
  const a = minimist([...argv], {
    string: known,
    boolean: ['reasoning-parser', 'help'],
    unknown: (arg) => {
      if (arg.startsWith('-') && !known.includes(arg.replace(/^--?/, '').replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
      return true;
    },
  });
  if (a.help) return 'help';
  // A flag given twice keeps its last value, as argparse does (a test restarting a mock on a known port adds
  // --port after the helper's --port 0).
  for (const name of known) if (Array.isArray(a[name])) a[name] = a[name][a[name].length - 1];
  const o: MockOptions = { ...DEFAULT_MOCK_OPTIONS, solutions: new Map() };
  if (a.port !== undefined) o.port = num(a.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n < 65536, 'a port number');
  if (a.host !== undefined) o.host = String(a.host);
  if (a.model !== undefined) o.model = String(a.model);
  if (a['api-key'] !== undefined) o.apiKey = String(a['api-key']);
  if (a['latency-ms'] !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(String(a['latency-ms']));
    if (!m) throw new UsageError(`--latency-ms: expected N or MIN-MAX, got ${JSON.stringify(a['latency-ms'])}`);
    o.latencyMs = [Number(m[1]), Number(m[2] ?? m[1])];
  }
  if (a['fail-rate'] !== undefined) o.failRate = num(a['fail-rate'], 'fail-rate', (n) => n >= 0 && n <= 1, 'a share between 0 and 1');
  if (a['fail-mode'] !== undefined) {
    if (!(FAIL_MODES as readonly string[]).includes(String(a['fail-mode']))) throw new UsageError(`--fail-mode: expected one of ${FAIL_MODES.join(', ')}`);
    o.failMode = String(a['fail-mode']) as FailMode;
  }
  if (a['fail-first'] !== undefined) o.failFirst = num(a['fail-first'], 'fail-first', (n) => Number.isInteger(n) && n >= 0, 'a count');
  if (a['retry-after'] !== undefined) o.retryAfterSec = num(a['retry-after'], 'retry-after', (n) => n >= 0, 'seconds');
  if (a.reply !== undefined) {
    if (!['echo', 'fixed', 'solutions'].includes(String(a.reply))) throw new UsageError('--reply: expected echo, fixed or solutions');
    o.reply = String(a.reply) as ReplyMode;
  }
  if (a.text !== undefined) {
    o.fixedText = String(a.text);
    if (a.reply === undefined) o.reply = 'fixed';
  }
  if (a.solutions !== undefined) {
    o.solutions = readSolutions(String(a.solutions));
    if (a.reply === undefined) o.reply = 'solutions';
  }
  if (o.reply === 'solutions' && a.solutions === undefined) throw new UsageError('--reply solutions needs --solutions FILE');
  if (a['correct-rate'] !== undefined) o.correctRate = num(a['correct-rate'], 'correct-rate', (n) => n >= 0 && n <= 1, 'a share between 0 and 1');
  if (a['wrong-text'] !== undefined) o.wrongText = String(a['wrong-text']);
  if (a['max-model-len'] !== undefined) o.maxModelLen = num(a['max-model-len'], 'max-model-len', (n) => Number.isInteger(n) && n > 0, 'a token count');
  o.reasoningParser = a['reasoning-parser'] === true;
  if (a['ttft-ms'] !== undefined) o.ttftMs = num(a['ttft-ms'], 'ttft-ms', (n) => n >= 0, 'milliseconds');
  if (a['itl-ms'] !== undefined) o.itlMs = num(a['itl-ms'], 'itl-ms', (n) => n >= 0, 'milliseconds');
  if (a['tokens-per-chunk'] !== undefined) o.tokensPerChunk = num(a['tokens-per-chunk'], 'tokens-per-chunk', (n) => Number.isInteger(n) && n >= 1, 'a whole number of tokens, at least 1');
  if (a['reply-tokens'] !== undefined) o.replyTokens = a['reply-tokens'] === 'max' ? 'max' : num(a['reply-tokens'], 'reply-tokens', (n) => Number.isInteger(n) && n >= 0, 'a token count, or max');
  if (a.judge !== undefined) {
    if (a.judge !== 'contains-gold') throw new UsageError(`--judge: expected contains-gold, got ${JSON.stringify(a.judge)}`);
    o.reply = 'judge';
  }
  const share = (flag: string) => num(a[flag], flag, (n) => n >= 0 && n <= 1, 'a share between 0 and 1');
  o.judge = {
    rule: 'contains-gold',
    noise: a['judge-noise'] !== undefined ? share('judge-noise') : 0,
    noVerdict: a['judge-no-verdict'] !== undefined ? share('judge-no-verdict') : 0,
    positionBias: a['judge-position-bias'] !== undefined ? share('judge-position-bias') : 0,
  };
  if (a['image-tokens'] !== undefined) o.imageTokens = num(a['image-tokens'], 'image-tokens', (n) => Number.isInteger(n) && n >= 0, 'a token count');
  if (a['image-answers'] !== undefined) o.imageAnswers = loadImageAnswers(String(a['image-answers']));
  if (a['request-log'] !== undefined) o.requestLog = String(a['request-log']);
  if (a['stall-after'] !== undefined) o.stallAfterChunks = num(a['stall-after'], 'stall-after', (n) => Number.isInteger(n) && n >= 0, 'a chunk count');
  return o;
}
