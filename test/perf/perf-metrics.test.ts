// The load test's definitions on hand-made timelines: TTFT, ITL, latency, TPOT (by tokens, not chunks), zero
// and one output token, usage missing, a request failing mid-stream, reasoning-only output; the percentiles
// both ways, the summary's EvalScope keys, goodput, and the flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, type RequestTimeline } from '../../src/perf/timeline.ts';
import { distribution, percentileEvalScope, percentileLinear } from '../../src/perf/stats.ts';
import { errorKind, summarize } from '../../src/perf/summary.ts';
import { parsePerfArgs } from '../../src/perf/perf-args.ts';
import { endpointOf } from '../../src/perf/perf-main.ts';

const timeline = (over: Partial<RequestTimeline>): RequestTimeline => ({ sentMs: 1000, outputChunkMs: [], endMs: 1000, streamed: true, ok: true, ...over });

test('TTFT is the first output chunk, ITL the gaps after it, latency the last chunk, TPOT (latency − TTFT)/(tokens − 1)', () => {
  const m = measure(timeline({ outputChunkMs: [1200, 1220, 1245, 1260], endMs: 1262, completionTokens: 4, promptTokens: 9 }));
  assert.equal(m.ttftMs, 200);
  assert.deepEqual(m.itlMs, [20, 25, 15]);
  assert.equal(m.latencyMs, 260);
  assert.equal(m.tpotMs, 60 / 3);
  assert.equal(m.outputTokensPerSec, 4 / 0.26);
});

test('TPOT divides by tokens, not chunks: 4 tokens a chunk gives a quarter of the TPOT of one a chunk', () => {
  const chunky = measure(timeline({ outputChunkMs: [1200, 1240, 1280], completionTokens: 12, endMs: 1280 }));
  assert.equal(chunky.tpotMs, 80 / 11);
  assert.deepEqual(chunky.itlMs, [40, 40], 'ITL stays the gap between chunks, as EvalScope and vLLM report it');
});

test('zero or one output token: no TPOT; no output chunk at all: the whole response is the first token', () => {
  assert.equal(measure(timeline({ outputChunkMs: [1300], endMs: 1301, completionTokens: 1 })).tpotMs, undefined);
  const empty = measure(timeline({ outputChunkMs: [], endMs: 1500, completionTokens: 0 }));
  assert.equal(empty.ttftMs, 500);
  assert.equal(empty.tpotMs, undefined);
  const unstreamed = measure(timeline({ streamed: false, endMs: 1700, completionTokens: 30 }));
  assert.equal(unstreamed.ttftMs, 700);
  assert.equal(unstreamed.latencyMs, 700);
});

test('usage missing: tokens undefined (the caller supplies a fallback), no TPOT; a failed request is a failure, never a fast one', () => {
  assert.equal(measure(timeline({ outputChunkMs: [1100, 1110] })).tpotMs, undefined);
  const failed = measure(timeline({ ok: false, error: 'stream error: engine died', outputChunkMs: [1100, 1110], endMs: 1120 }));
  assert.equal(failed.ok, false);
  assert.equal(failed.ttftMs, undefined);
  assert.equal(failed.latencyMs, undefined);
  const s = summarize([timeline({ outputChunkMs: [1100, 1150], endMs: 1150, completionTokens: 2, promptTokens: 5 }), timeline({ ok: false, error: 'HTTP 503: overloaded', endMs: 1010 })], 1000, 2, -1);
  assert.equal(s.summary['Success Requests'], 1);
  assert.equal(s.summary['Failed Requests'], 1);
  assert.equal(s.summary['Avg TTFT (ms)'], 100, 'the failure does not pull the average down');
  assert.deepEqual(s.errors, { 'HTTP 503': 1 });
  assert.equal(errorKind('connection: ECONNRESET'), 'connection: ECONNRESET');
});

test('with no usage from the server, the fallback counts are used and the summary says they are approximate', () => {
  const s = summarize([timeline({ outputChunkMs: [1100, 1150, 1200], endMs: 1200 })], 1000, 1, -1, undefined, (t) => ({ completion: t.outputChunkMs.length, prompt: 7 }));
  assert.equal(s.tokensApproximate, true);
  assert.equal(s.summary['Avg Output Tokens'], 3);
  assert.equal(s.summary['Avg Input Tokens'], 7);
  assert.equal(s.summary['Avg TPOT (ms)'], 50);
});

test('percentiles: EvalScope takes the sorted value at floor(n·p/100), vLLM interpolates linearly', () => {
  const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(percentileEvalScope(xs, 50), 6);
  assert.equal(percentileLinear(xs, 50), 5.5);
  assert.equal(percentileEvalScope(xs, 99), 10);
  assert.ok(Math.abs(percentileLinear(xs, 99) - 9.91) < 1e-12);
  assert.equal(percentileEvalScope(xs, 100), 10);
  const d = distribution([3, 1, 2, NaN]);
  assert.equal(d.count, 3);
  assert.equal(d.mean, 2);
  assert.equal(d.median, 2);
  assert.ok(Math.abs(d.std - Math.sqrt(2 / 3)) < 1e-12, 'population standard deviation, as numpy.std');
  assert.ok(Number.isNaN(distribution([]).mean));
});

test("the summary has EvalScope's keys and units; the percentile rows run min, 1% … 99%, max; goodput counts requests meeting every bound", () => {
  const ts = [0, 1, 2, 3].map((k) => timeline({ outputChunkMs: [1000 + 100 * (k + 1), 1000 + 100 * (k + 1) + 10], endMs: 1000 + 100 * (k + 1) + 10, completionTokens: 2, promptTokens: 3 }));
  const s = summarize(ts, 2000, 4, -1, { ttft_ms: 250 });
  for (const key of ['Test Duration (s)', 'Concurrency', 'Request Rate (req/s)', 'Total Requests', 'Success Requests', 'Failed Requests', 'Req Throughput (req/s)', 'Avg Latency (s)', 'Avg Input Tokens', 'Output Throughput (tok/s)', 'Total Throughput (tok/s)', 'Avg TTFT (ms)', 'Avg TPOT (ms)', 'Avg ITL (ms)', 'Avg Output Tokens']) {
    assert.ok(key in s.summary, key);
  }
  assert.equal(s.summary['Req Throughput (req/s)'], 2);
  assert.equal(s.summary['Avg Latency (s)'], 0.26);
  assert.equal(s.summary['Output Throughput (tok/s)'], 4);
  assert.deepEqual(s.percentileRows.map((r) => r.Percentiles), ['min', '1%', '5%', '10%', '25%', '50%', '66%', '75%', '80%', '90%', '95%', '98%', '99%', 'max']);
  assert.equal(s.percentileRows[0]['TTFT (ms)'], 100);
  assert.equal(s.percentileRows.at(-1)!['TTFT (ms)'], 400);
  assert.deepEqual(s.goodput, { slo: { ttft_ms: 250 }, goodRequests: 2, requestsPerSec: 1 });
});

test('flags: EvalScope names in either spelling, lists run in pairs, mistakes name the flag', () => {
  const c = parsePerfArgs(['--url', 'http://h:8000/v1/chat/completions', '--model', 'm', '--parallel', '1', '8', '--number', '10', '80', '--max_tokens', '64', '--no-stream', '--extra-args', '{"ignore_eos": true}', '--slo', 'ttft_ms=500,tpot_ms=50'], {});
  assert.ok(c !== 'help');
  assert.deepEqual([c.parallel, c.number, c.maxTokens, c.stream, c.extraArgs, c.slo], [[1, 8], [10, 80], 64, false, { ignore_eos: true }, { ttft_ms: 500, tpot_ms: 50 }]);
  const sla = parsePerfArgs(['--url', 'http://h/v1', '--model', 'm', '--sla', 'tpot_p95_ms=40'], { OPENAI_API_KEY: 'sk-x' });
  assert.ok(sla !== 'help');
  assert.deepEqual(sla.sla, { metric: 'tpot', percentile: 95, limitMs: 40 });
  assert.equal(sla.apiKey, 'sk-x');
  const bad: [string[], RegExp][] = [
    [['--model', 'm'], /--url: expected the endpoint/],
    [['--url', 'http://h/v1', '--model', 'm', '--parallel', '1', '2', '--number', '5'], /--number: 1 values for 2 --parallel values/],
    [['--url', 'http://h/v1', '--model', 'm', '--rate', '0'], /--rate: expected requests per second/],
    [['--url', 'http://h/v1', '--model', 'm', '--dataset', 'line_by_line'], /needs --dataset-path/],
    [['--url', 'http://h/v1', '--model', 'm', '--sla', 'ttft=5'], /--sla: expected ttft_pNN_ms/],
    [['--url', 'http://h/v1', '--model', 'm', '--paralel', '2'], /--paralel: not a perf flag/],
    [['--url', 'ftp://h', '--model', 'm'], /--url: expected an http/],
  ];
  for (const [argv, message] of bad) assert.throws(() => parsePerfArgs(argv, {}), { name: 'UsageError', message });
});

test('the endpoint: a base URL gets /chat/completions, a full endpoint is kept, /completions is the completions API', () => {
  assert.deepEqual(endpointOf('http://h:8000/v1'), { origin: new URL('http://h:8000'), path: '/v1/chat/completions', chat: true });
  assert.equal(endpointOf('http://h:8000/v1/completions').chat, false);
  assert.equal(endpointOf('http://h:8000/v1/chat/completions/').path, '/v1/chat/completions');
});
