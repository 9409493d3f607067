// The mock server's options: what it serves, how it answers, and the failures it injects. Flags: mock-args.ts.
import type { MockJudgeOptions } from './mock-judge.ts';

export type FailMode = '429' | '500' | '503' | 'reset' | 'hang' | 'stall' | 'stream-error' | 'error-body' | 'empty-choices' | 'mixed';
export const FAIL_MODES: readonly FailMode[] = ['429', '500', '503', 'reset', 'hang', 'stall', 'stream-error', 'error-body', 'empty-choices', 'mixed'];
export type ReplyMode = 'echo' | 'fixed' | 'solutions' | 'judge';

export interface MockOptions {
  host: string;
  port: number;
  model: string;
  /** Required bearer token; undefined accepts any (vLLM without --api-key). */
  apiKey?: string;
  latencyMs: [number, number];
  failRate: number;
  failMode: FailMode;
  /** Seconds sent in Retry-After with 429/503. */
  retryAfterSec?: number;
  reply: ReplyMode;
  fixedText: string;
  /** prompt → correct answer text, for reply "solutions". */
  solutions: Map<string, string>;
  /** Share of prompts (chosen by a hash of the prompt, so stable across runs) answered from solutions. */
  correctRate: number;
  wrongText: string;
  /** Context length: prompt words + max_tokens above it is a 400, as vLLM answers. */
  maxModelLen?: number;
  /** Split "<think>…</think>" off into reasoning_content in chat mode, like vLLM's reasoning parser. */
  reasoningParser: boolean;
  /** Fail the first N requests regardless of failRate (deterministic tests of retries). */
  failFirst: number;
  /** Streaming: ms before the first token, and between tokens (the latency, if any, comes before both). */
  ttftMs: number;
  itlMs: number;
  /** Streaming: tokens sent in each chunk (speculative decoding sends several; TPOT must divide by tokens). */
  tokensPerChunk: number;
  /** Every reply is exactly this many tokens (words), the reply's own words repeated or cut (max_tokens still cuts); 'max': as many as max_tokens asks. */
  replyTokens?: number | 'max';
  /** Fail mode "stall": data chunks sent before the stream goes silent (unstreamed answers just hang). */
  stallAfterChunks: number;
  /** Reply "judge": the rule and the noise of its verdicts (see mock-judge.ts). */
  judge: MockJudgeOptions;
  /** Prompt tokens each image of a request counts in usage (a fixed number, as a fixed-resolution VLM's). */
  imageTokens: number;
  /** sha256 of an image (or several, joined by ",") → the reply (--image-answers). */
  imageAnswers: Map<string, string>;
  /** --request-log FILE: a JSON line per generation request (text, images' type, size and sha256). */
  requestLog?: string;
  /** Random source for latency and failures; injectable for tests. */
  random: () => number;
}

export const DEFAULT_MOCK_OPTIONS: MockOptions = {
  host: '127.0.0.1',
  port: 0,
  model: 'mock-model',
  latencyMs: [0, 0],
  failRate: 0,
  failMode: '500',
  reply: 'echo',
  fixedText: 'I do not know.',
  solutions: new Map(),
  correctRate: 1,
  wrongText: 'I am not sure. Final answer: \\boxed{0}',
  reasoningParser: false,
  failFirst: 0,
  ttftMs: 0,
  itlMs: 0,
  tokensPerChunk: 1,
  stallAfterChunks: 3,
  judge: { rule: 'contains-gold', noise: 0, noVerdict: 0, positionBias: 0 },
  imageTokens: 256,
  imageAnswers: new Map(),
  random: Math.random,
};
