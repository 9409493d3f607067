// The pieces of --stream and of "answers that are not answers": server-sent events split anywhere, deltas
// joined into one answer, error objects in 200 bodies mapped to the status they stand for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseDecoder } from '../../src/model/sse.ts';
import { StreamAssembler } from '../../src/model/stream-answer.ts';
import { ApiError, errorInBody, MalformedAnswerError, ConnectionError } from '../../src/model/http.ts';
import { parseAnswer } from '../../src/model/requests.ts';
import { classifyFailure } from '../../src/model/retry-policy.ts';

test('SSE: events split at every byte, CRLF, comments and multi-line data come out whole', () => {
  const text = ': keep-alive\r\ndata: {"a":"é€"}\r\n\r\nevent: x\ndata: one\ndata: two\n\ndata: [DONE]\n\n';
  const bytes = Buffer.from(text, 'utf8');
  for (let cut = 1; cut < bytes.length; cut++) {
    const events: string[] = [];
    const d = new SseDecoder();
    d.push(bytes.subarray(0, cut), (e) => events.push(e));
    d.push(bytes.subarray(cut), (e) => events.push(e));
    d.end((e) => events.push(e));
    assert.deepEqual(events, ['{"a":"é€"}', 'one\ntwo', '[DONE]'], `cut at ${cut}`);
  }
  const last: string[] = [];
  const d = new SseDecoder();
  d.push(Buffer.from('data: tail-without-blank-line'), (e) => last.push(e));
  d.end((e) => last.push(e));
  assert.deepEqual(last, ['tail-without-blank-line']);
});

test('chat deltas: content and reasoning (both field names) joined, finish_reason and usage kept, ttft at the first token', () => {
  let t = 100;
  const a = new StreamAssembler('chat_completion', () => t);
  a.event(JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }));
  t = 130;
  a.event(JSON.stringify({ choices: [{ index: 0, delta: { reasoning_content: 'think ' } }] }));
  t = 140;
  a.event(JSON.stringify({ choices: [{ index: 0, delta: { reasoning: 'more' } }] }));
  a.event(JSON.stringify({ choices: [{ index: 0, delta: { content: 'Answer: ' } }] }));
  a.event(JSON.stringify({ choices: [{ index: 0, delta: { content: '42' }, finish_reason: 'stop' }] }));
  a.event(JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }));
  a.event('[DONE]');
  assert.equal(a.firstTokenAt, 130);
  assert.deepEqual(a.answer(), { output: 'Answer: 42', reasoning_content: 'think more', finish_reason: 'stop', usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
});

test('completion text chunks; a stream cut before [DONE] and finish_reason is a connection error (retried)', () => {
  const a = new StreamAssembler('completion');
  a.event(JSON.stringify({ choices: [{ index: 0, text: 'x', finish_reason: null }] }));
  assert.throws(() => a.answer(), (e: unknown) => e instanceof ConnectionError && classifyFailure(e) === 'retry');
  a.event(JSON.stringify({ choices: [{ index: 0, text: 'y', finish_reason: 'length' }] }));
  assert.deepEqual(a.answer(), { output: 'xy', finish_reason: 'length', usage: null });
});

test('an error event in a stream throws the ApiError of its code', () => {
  const a = new StreamAssembler('chat_completion');
  assert.throws(() => a.event(JSON.stringify({ error: { message: 'bad prompt', type: 'invalid_request_error', code: 400 } })), (e: unknown) => {
    return e instanceof ApiError && e.status === 400 && classifyFailure(e) === 'item' && /bad prompt/.test(e.message);
  });
});

test('HTTP 200 error bodies: vLLM, OpenAI and gateway shapes map to their status; no code means a retried 500', () => {
  const cases: [unknown, number, string][] = [
    [{ object: 'error', message: 'overloaded', type: 'ServiceUnavailableError', param: null, code: 503 }, 503, 'retry'],
    [{ error: { message: 'slow down', type: 'rate_limit_error' } }, 429, 'retry'],
    [{ error: { message: 'too long', code: '400' } }, 400, 'item'],
    [{ error: 'upstream timed out' }, 500, 'retry'],
    [{ error: { message: 'bad key', type: 'authentication_error' } }, 401, 'fatal'],
  ];
  for (const [body, status, kind] of cases) {
    const err = errorInBody(body);
    assert.ok(err, JSON.stringify(body));
    assert.equal(err.status, status, JSON.stringify(body));
    assert.equal(classifyFailure(err), kind);
    assert.throws(() => parseAnswer(body, 'chat_completion'), (e: unknown) => e instanceof ApiError && e.status === status);
  }
  assert.equal(errorInBody({ choices: [{ text: 'ok' }], error: null }), undefined);
  assert.equal(errorInBody({ id: 'x', choices: [] }), undefined);
});

test('choices: [], no choices, or a chat choice without a message are retried server faults', () => {
  for (const [body, mode] of [[{ choices: [] }, 'completion'], [{ id: 'x' }, 'completion'], [{ choices: [{ index: 0, finish_reason: 'stop' }] }, 'chat_completion']] as const) {
    assert.throws(() => parseAnswer(body, mode), (e: unknown) => e instanceof MalformedAnswerError && classifyFailure(e) === 'retry');
  }
});
