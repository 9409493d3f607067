// Chat templates as data (templates/*.json, byte-for-byte the original's TEMPLATE_MAP) and how a prompt is
// rendered with one for the completion API.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from './errors.ts';

export const BUILTIN_TEMPLATES = ['r1', 'qwen', 'internthinker', 'chatml'] as const;

const templateSchema = z.object({
  chat_template: z.string().refine((t) => t.includes('{input}'), 'a chat_template containing {input}'),
  stop_words: z.array(z.string()),
  system: z.string().optional(),
});

export interface ChatTemplate extends z.infer<typeof templateSchema> {
  /** The built-in name, or the file path it was read from. */
  name: string;
}

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'templates');

/** A built-in template by name, or a template JSON file by path. */
export function loadTemplate(nameOrPath: string): ChatTemplate {
  const builtin = (BUILTIN_TEMPLATES as readonly string[]).includes(nameOrPath);
  const file = builtin ? path.join(TEMPLATES_DIR, `${nameOrPath}.json`) : nameOrPath;
  if (!builtin && !existsSync(file)) {
    throw new UsageError(`--template: expected one of ${BUILTIN_TEMPLATES.join(', ')} or a template JSON file, got ${JSON.stringify(nameOrPath)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--template: ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--template: ${file}: ${issue.path.join('.') || 'template'}: expected ${issue.message}`);
  }
  return { name: nameOrPath, ...parsed.data };
}

/**
 * The completion-mode prompt. Plain substitution of the one "{input}" slot: unlike Python's str.format in the
 * original this cannot choke on braces, and for a prompt with braces it gives the same bytes the original sent.
 */
export function renderPrompt(template: ChatTemplate, input: string): string {
  const at = template.chat_template.indexOf('{input}');
  return template.chat_template.slice(0, at) + input + template.chat_template.slice(at + '{input}'.length);
}
