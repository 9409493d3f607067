// An OpenAI-compatible server that behaves like vLLM for the evaluator's purposes: /v1/models,
// /v1/completions and /v1/chat/completions (streaming too), usage counts, finish_reason "length",
// vLLM-shaped error bodies, and injected failures (429 with Retry-After, 5xx, resets, hangs). Part of the
// product: the tests, the demo and the benchmarks run it as a real process.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { mockJudgeReply } from './mock-judge.ts';
import type { AddressInfo } from 'node:net';
import { loadTemplate, BUILTIN_TEMPLATES, type ChatTemplate } from '../templates.ts';
import { streamAnswer } from './mock-stream.ts';
import type { MockOptions } from './mock-options.ts';
import { MockStatsTracker, type MockStats } from './mock-stats.ts';
import { BadImageError, imageAnswer, logRequest, readUserMessage, type ReadMessage } from './mock-images.ts';

export type { MockStats };

export { DEFAULT_MOCK_OPTIONS, FAIL_MODES, type FailMode, type MockOptions, type ReplyMode } from './mock-options.ts';

interface Wrapper {
  prefix: string;
  suffix: string;
}

/** Completion prompts arrive templated; peel a known template off to find the user's prompt. */
function templateWrappers(): Wrapper[] {
  return BUILTIN_TEMPLATES.map((name) => {
    const t: ChatTemplate = loadTemplate(name);
    const at = t.chat_template.indexOf('{input}');
    return { prefix: t.chat_template.slice(0, at), suffix: t.chat_template.slice(at + '{input}'.length) };
  }).sort((a, b) => b.prefix.length - a.prefix.length);
}

function countWords(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** Keeps the first `n` whitespace-separated words of a text (what max_tokens cuts in this mock's token model). */
function firstWords(text: string, n: number): string {
  const re = /\S+/g;
  let count = 0;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (++count > n) break;
    end = m.index + m[0].length;
  }
  return text.slice(0, end);
}

/** A text of exactly `n` words: its own words repeated (or "token" for an empty text), then cut to n. */
function exactlyWords(text: string, n: number): string {
  const words = text.trim() === '' ? ['token'] : text.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[i % words.length]);
  return out.join(' ');
}

/** Whether the last user message is a list of parts (an image request) rather than a string. */
function hasContentParts(body: Record<string, unknown>): boolean {
  const messages = body.messages;
  if (!Array.isArray(messages)) return false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: unknown; content?: unknown };
    if (m?.role === 'user') return Array.isArray(m.content);
  }
  return false;
}

function stableShare(prompt: string): number {
  return createHash('sha1').update(prompt).digest().readUInt32BE(0) / 0x1_0000_0000;
}

export class MockServer {
  private readonly tracker = new MockStatsTracker();
  /** What the mock has seen (GET /stats sends it). */
  get stats(): MockStats {
    return this.tracker.stats;
  }
  private readonly server: http.Server;
  private readonly wrappers = templateWrappers();
  private readonly hanging = new Set<http.ServerResponse>();
  private idCounter = 0;

  constructor(readonly options: MockOptions) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.headersTimeout = 65_000;
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(this.options.port, this.options.host, resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://${this.options.host}:${port}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  /** vLLM's error shape: {"object":"error","message":…,"type":…,"param":null,"code":status}. */
  private sendError(res: http.ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
    this.stats.errors[String(status)] = (this.stats.errors[String(status)] ?? 0) + 1;
    this.sendJson(res, status, { object: 'error', message, type, param: null, code: status }, headers);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const arrivedAtMs = performance.now();
    const url = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
    // The mock's own endpoints are not counted: tests read /stats to see what the evaluator sent.
    if (req.method === 'GET' && url === '/stats') return this.sendJson(res, 200, this.tracker.snapshot());
    // Starts the counts afresh (requests in flight stay counted): a benchmark warms the server up, then measures.
    if (req.method === 'DELETE' && url === '/stats') {
      this.tracker.reset();
      return this.sendJson(res, 200, this.stats);
    }
    if (req.method === 'GET' && url === '/health') return this.sendJson(res, 200, { status: 'ok' });
    this.stats.requests++;
    if (this.options.apiKey !== undefined && req.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return this.sendError(res, 401, 'Unauthorized', 'Unauthorized: missing or wrong API key');
    }
    if (req.method === 'GET' && url === '/v1/models') {
      this.stats.models++;
      return this.sendJson(res, 200, {
        object: 'list',
        data: [{ id: this.options.model, object: 'model', created: 0, owned_by: 'bootcamp-eval-mock', root: this.options.model, max_model_len: this.options.maxModelLen ?? 131072 }],
      });
    }
    const isChat = url === '/v1/chat/completions';
    if (req.method !== 'POST' || (!isChat && url !== '/v1/completions')) {
      return this.sendError(res, 404, 'NotFoundError', `Not Found: ${req.method} ${url}`);
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return this.sendError(res, 400, 'BadRequestError', 'Request body is not valid JSON');
      }
      if (isChat) this.stats.chat++;
      else this.stats.completions++;
      this.tracker.generationArrived(req.socket, arrivedAtMs);
      res.once('close', () => this.tracker.trackInFlight(-1));
      const schedule = (message: ReadMessage | undefined) => {
        if (message) this.stats.images += message.images.length;
        if (this.options.requestLog !== undefined) {
          const text = message?.text ?? this.userPrompt(body, isChat);
          logRequest(this.options.requestLog, { model: body.model, stream: body.stream === true, text, images: message?.images ?? [] });
        }
        const [lo, hi] = this.options.latencyMs;
        // The latency counts from the request's arrival, as a server's time to first byte does, not from the
        // end of our own body parsing.
        const dueAtMs = arrivedAtMs + lo + (hi - lo) * this.options.random();
        const delay = dueAtMs - performance.now();
        if (delay > 0) setTimeout(() => this.answer(req, res, body, isChat, dueAtMs, message), delay);
        else this.answer(req, res, body, isChat, dueAtMs, message);
      };
      // A message of content parts (images) is read first, as vLLM loads its images before it generates.
      if (!isChat || !hasContentParts(body)) return schedule(undefined);
      readUserMessage(body).then(schedule, (err: unknown) => {
        if (err instanceof BadImageError) this.sendError(res, 400, 'BadRequestError', err.message);
        else this.sendError(res, 500, 'InternalServerError', (err as Error).message);
      });
    });
  }

  /**
   * Decides whether this request fails, and how. Failures that happen before any answer are sent here; those
   * that happen inside an answer (a stream that stalls or reports an error) are returned for answer() to act on.
   */
  private injectFailure(res: http.ServerResponse, streamed: boolean): 'sent' | 'stall' | 'stream-error' | undefined {
    const forced = this.stats.completions + this.stats.chat <= this.options.failFirst;
    if (!forced && !(this.options.failRate > 0 && this.options.random() < this.options.failRate)) return undefined;
    this.stats.failuresInjected++;
    let mode = this.options.failMode;
    if (mode === 'mixed') mode = (['429', '500', '503', 'reset'] as const)[Math.floor(this.options.random() * 4)];
    const retryAfter: Record<string, string> = this.options.retryAfterSec !== undefined ? { 'retry-after': String(this.options.retryAfterSec) } : {};
    switch (mode) {
      case '429':
        this.sendError(res, 429, 'RateLimitError', 'Too many requests', retryAfter);
        break;
      case '500':
        this.sendError(res, 500, 'InternalServerError', 'Internal server error');
        break;
      case '503':
        this.sendError(res, 503, 'ServiceUnavailableError', 'The server is overloaded', retryAfter);
        break;
      case 'error-body':
        // Some gateways answer 200 with an error object; the evaluator must read the code inside.
        this.sendJson(res, 200, { object: 'error', message: 'mock: upstream engine error', type: 'InternalServerError', param: null, code: 503 });
        break;
      case 'empty-choices':
        this.sendJson(res, 200, { id: 'cmpl-empty', object: 'text_completion', created: 0, model: this.options.model, choices: [], usage: null });
        break;
      case 'reset':
        res.socket?.destroy();
        break;
      case 'stall':
      case 'stream-error':
        if (streamed) return mode;
        mode === 'stall' ? this.hang(res) : this.sendError(res, 500, 'InternalServerError', 'Internal server error');
        break;
      case 'hang':
        this.hang(res);
        break;
    }
    return 'sent';
  }

  /** Never answer; the client's timeout must cut it. Closed when the server closes. */
  private hang(res: http.ServerResponse): void {
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
  }

  private userPrompt(body: Record<string, unknown>, isChat: boolean): string {
    if (isChat) {
      const messages = Array.isArray(body.messages) ? (body.messages as { role?: string; content?: unknown }[]) : [];
      const user = [...messages].reverse().find((m) => m.role === 'user');
      return typeof user?.content === 'string' ? user.content : '';
    }
    const prompt = typeof body.prompt === 'string' ? body.prompt : Array.isArray(body.prompt) ? String(body.prompt[0] ?? '') : '';
    for (const w of this.wrappers) {
      if (prompt.startsWith(w.prefix) && prompt.endsWith(w.suffix) && prompt.length >= w.prefix.length + w.suffix.length) {
        return prompt.slice(w.prefix.length, prompt.length - w.suffix.length);
      }
    }
    return prompt;
  }

  private replyText(userPrompt: string, seed: unknown): string {
    switch (this.options.reply) {
      case 'echo':
        return userPrompt;
      case 'fixed':
        return this.options.fixedText;
      case 'judge':
        return mockJudgeReply(userPrompt, seed, this.options.judge);
      case 'solutions': {
        const solution = this.options.solutions.get(userPrompt);
        // The same prompt gets the same verdict, unless a seed varies it (as sampling with seed + repeat does).
        const key = typeof seed === 'number' ? `${seed}\u0000${userPrompt}` : userPrompt;
        if (solution !== undefined && stableShare(key) < this.options.correctRate) return solution;
        return this.options.wrongText;
      }
    }
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, unknown>, isChat: boolean, dueAtMs: number, message?: ReadMessage): void {
    const failure = this.injectFailure(res, body.stream === true);
    if (failure === 'sent') return;
    if (body.model !== this.options.model) {
      return this.sendError(res, 404, 'NotFoundError', `The model \`${String(body.model)}\` does not exist.`);
    }
    const prompt = message ? message.text : this.userPrompt(body, isChat);
    const imageCount = message?.images.length ?? 0;
    const promptTokens = (isChat ? countWords(prompt) : countWords(typeof body.prompt === 'string' ? body.prompt : prompt)) + imageCount * this.options.imageTokens;
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : 16;
    if (this.options.maxModelLen !== undefined && promptTokens + maxTokens > this.options.maxModelLen) {
      return this.sendError(
        res,
        400,
        'BadRequestError',
        `This model's maximum context length is ${this.options.maxModelLen} tokens. However, you requested ${promptTokens + maxTokens} tokens (${promptTokens} in the messages, ${maxTokens} in the completion). Please reduce the length of the messages or completion.`,
      );
    }
    const fromImages = message && this.options.imageAnswers.size > 0 ? imageAnswer(this.options.imageAnswers, message.images) : undefined;
    let text = fromImages ?? this.replyText(prompt, body.seed);
    if (this.options.replyTokens !== undefined) text = exactlyWords(text, this.options.replyTokens === 'max' ? maxTokens : this.options.replyTokens);
    let finish = 'stop';
    if (countWords(text) > maxTokens) {
      text = firstWords(text, maxTokens);
      finish = 'length';
    }
    let reasoning: string | undefined;
    if (isChat && this.options.reasoningParser) {
      const end = text.indexOf('</think>');
      if (end >= 0) {
        reasoning = text.slice(0, end).replace(/^<think>/, '');
        text = text.slice(end + '</think>'.length).replace(/^\s+/, '');
      }
    }
    const completionTokens = countWords(text) + (reasoning ? countWords(reasoning) : 0);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const id = `${isChat ? 'chatcmpl' : 'cmpl'}-mock${++this.idCounter}`;
    const created = Math.floor(Date.now() / 1000);
    if (body.stream === true) {
      const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
      if (failure === 'stall') this.hang(res); // closed with the server
      streamAnswer(
        res,
        {
          id, created, model: this.options.model, isChat, text, reasoning, finish, usage,
          includeUsage: streamOptions?.include_usage === true,
          ttftMs: this.options.ttftMs,
          itlMs: this.options.itlMs,
          tokensPerChunk: this.options.tokensPerChunk,
          arrivedAtMs: dueAtMs,
          onFirstToken: (ms) => this.tracker.noteFirstToken(ms),
          onTokenGap: (ms) => this.tracker.noteTokenGap(ms),
          ...(failure === 'stall' ? { stallAfterChunks: this.options.stallAfterChunks } : {}),
          ...(failure === 'stream-error' ? { errorAfterChunks: 2 } : {}),
        },
        () => this.tracker.noteAnswered(res.socket, dueAtMs),
      );
      return;
    }
    const choice = isChat
      ? { index: 0, message: { role: 'assistant', content: text, ...(reasoning !== undefined ? { reasoning_content: reasoning } : {}) }, logprobs: null, finish_reason: finish, stop_reason: null }
      : { index: 0, text, logprobs: null, finish_reason: finish, stop_reason: null };
    this.sendJson(res, 200, { id, object: isChat ? 'chat.completion' : 'text_completion', created, model: this.options.model, choices: [choice], usage });
    this.tracker.noteAnswered(res.socket, dueAtMs);
  }
}
