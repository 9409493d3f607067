// Turns a prompt into the request body the server gets (completion or chat mode, with every generation
// setting), and a server answer into the fields a details row keeps.
import type { ChatTemplate } from '../templates.ts';
import { renderPrompt } from '../templates.ts';
import { errorInBody, MalformedAnswerError } from './http.ts';
import type { ItemImage } from '../images/image-check.ts';
import { contentParts, displayContentParts } from './image-parts.ts';

export type ApiMode = 'completion' | 'chat_completion';

export interface GenerationSettings {
  model_name: string;
  api_mode: ApiMode;
  max_tokens: number;
  temperature: number;
  top_p?: number;
  top_k?: number;
  min_p?: number;
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  repetition_penalty?: number;
  stop: readonly string[];
  extra_body?: Readonly<Record<string, unknown>>;
  /** The system message for chat mode, already resolved (see resolveSystemPrompt). */
  system_prompt?: string;
  /** --stream: ask for server-sent events, with usage in the last chunk. */
  stream?: boolean;
}

/** Generation settings a bootcamp prefers (Bootcamp.defaults). */
export type BootcampDefaults = Readonly<{ max_tokens?: number; temperature?: number; top_p?: number }>;

/**
 * The settings for one item: a bootcamp's own defaults apply to the settings the user left at their built-in
 * default (precedence: command line > config file > bootcamp defaults > built-in defaults).
 */
export function withBootcampDefaults(
  settings: GenerationSettings,
  defaults: BootcampDefaults | undefined,
  isBuiltinDefault: (key: 'max_tokens' | 'temperature' | 'top_p') => boolean,
): GenerationSettings {
  if (!defaults) return settings;
  let out = settings;
  for (const key of ['max_tokens', 'temperature', 'top_p'] as const) {
    const value = defaults[key];
    if (value !== undefined && isBuiltinDefault(key)) out = { ...out, [key]: value };
  }
  return out;
}

export interface ModelRequest {
  endpoint: 'completions' | 'chat/completions';
  body: Record<string, unknown>;
}

/** Chat mode's system message: --sys_prompt, else the template's system text if --template was given, else none. */
export function resolveSystemPrompt(sysPrompt: string | undefined, template: ChatTemplate, templateGiven: boolean): string | undefined {
  if (sysPrompt !== undefined) return sysPrompt;
  return templateGiven ? template.system : undefined;
}

/**
 * The request of one prompt. An item's images make the user message OpenAI content parts (chat mode only: the
 * run refuses images in completion mode before any request); `display` elides their bytes (the dry run).
 */
export function buildRequest(settings: GenerationSettings, template: ChatTemplate, prompt: string, repeat: number, images?: readonly ItemImage[], display = false): ModelRequest {
  const body: Record<string, unknown> = { model: settings.model_name };
  let endpoint: ModelRequest['endpoint'];
  if (settings.api_mode === 'completion') {
    if (images && images.length > 0) throw new Error('images reached a completion-mode request (the run should have refused them)');
    endpoint = 'completions';
    body.prompt = renderPrompt(template, prompt);
  } else {
    endpoint = 'chat/completions';
    const content = images && images.length > 0 ? (display ? displayContentParts(prompt, images) : contentParts(prompt, images)) : prompt;
    body.messages =
      settings.system_prompt !== undefined
        ? [{ role: 'system', content: settings.system_prompt }, { role: 'user', content }]
        : [{ role: 'user', content }];
  }
  body.max_tokens = settings.max_tokens;
  body.temperature = settings.temperature;
  // Completion mode sends the template's stop words, as the original did; --stop adds to them in both modes.
  const stop = settings.api_mode === 'completion' ? [...template.stop_words, ...settings.stop] : [...settings.stop];
  if (stop.length > 0) body.stop = stop;
  // Optional sampling settings go in the body only when set; vLLM and SGLang read top_k, min_p and
  // repetition_penalty from the top level of the body, beside the OpenAI fields.
  const optional = ['top_p', 'top_k', 'min_p', 'presence_penalty', 'frequency_penalty', 'repetition_penalty'] as const;
  for (const key of optional) if (settings[key] !== undefined) body[key] = settings[key];
  if (settings.seed !== undefined) body.seed = settings.seed + repeat;
  if (settings.stream) {
    body.stream = true;
    // Without it OpenAI-compatible servers send no usage when streaming, and output_len would fall back to words.
    body.stream_options = { include_usage: true };
  }
  if (settings.extra_body) Object.assign(body, settings.extra_body);
  return { endpoint, body };
}

export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export interface ModelAnswer {
  output: string;
  reasoning_content?: string;
  finish_reason: string | null;
  usage: Usage | null;
}

/**
 * Reads choices[0] of a completion or chat answer. An error object in the body throws its ApiError; a body
 * without choices[0] (or, in chat mode, without a message) throws MalformedAnswerError: both go to the retry
 * policy.
 */
export function parseAnswer(json: unknown, mode: ApiMode): ModelAnswer {
  const inBody = errorInBody(json);
  if (inBody) throw inBody;
  const choices = (json as { choices?: unknown })?.choices;
  const choice = (Array.isArray(choices) ? choices[0] : undefined) as Record<string, unknown> | undefined;
  if (!choice || typeof choice !== 'object') {
    throw new MalformedAnswerError(Array.isArray(choices) ? 'HTTP 200 with an empty choices list' : 'HTTP 200 with a body that has no choices');
  }
  let output: unknown;
  let reasoning: unknown;
  if (mode === 'completion') {
    output = choice.text;
  } else {
    const message = choice.message as Record<string, unknown> | undefined;
    if (!message || typeof message !== 'object') throw new MalformedAnswerError('HTTP 200 with choices[0] that has no message');
    output = message.content;
    reasoning = message.reasoning_content ?? message.reasoning;
  }
  if (output === null || output === undefined) output = '';
  if (typeof output !== 'string') throw new MalformedAnswerError('the answer text is not a string');
  const usageRaw = (json as { usage?: unknown }).usage;
  const usage = usageRaw && typeof usageRaw === 'object' ? (usageRaw as Usage) : null;
  const finish = choice.finish_reason;
  return {
    output,
    ...(typeof reasoning === 'string' ? { reasoning_content: reasoning } : {}),
    finish_reason: typeof finish === 'string' ? finish : null,
    usage,
  };
}

export { MalformedAnswerError };

/** output_len: the server's completion_tokens when it sent usage, else the whitespace word count (as the original). */
export function outputLength(answer: ModelAnswer): number {
  const tokens = answer.usage?.completion_tokens;
  if (typeof tokens === 'number' && Number.isFinite(tokens)) return tokens;
  const trimmed = answer.output.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
