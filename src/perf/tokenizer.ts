// --tokenizer-path DIR: a Hugging Face tokenizer (DIR/tokenizer.json, and tokenizer_config.json when present),
// read with @huggingface/tokenizers (Apache-2.0, no dependencies), for random prompts of an exact token length
// and for token counts when the server sends no usage.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export interface PerfTokenizer {
  count(text: string): number;
  /** A prompt of exactly `length` tokens of this tokenizer (random ordinary tokens, decoded). */
  randomPrompt(length: number, random: () => number): string;
}

export async function loadTokenizer(dir: string): Promise<PerfTokenizer> {
  const file = path.join(dir, 'tokenizer.json');
  if (!existsSync(file)) throw new UsageError(`--tokenizer-path: no tokenizer.json in ${dir}`);
  let json: { model?: { vocab?: Record<string, number> | [string, number][] }; added_tokens?: { id: number; special?: boolean }[] };
  let config: Record<string, unknown> = {};
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
    const configFile = path.join(dir, 'tokenizer_config.json');
    if (existsSync(configFile)) config = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch {
    throw new UsageError(`--tokenizer-path: ${file} is not valid JSON`);
  }
  const { Tokenizer } = await import('@huggingface/tokenizers');
  let tokenizer: InstanceType<typeof Tokenizer>;
  try {
    tokenizer = new Tokenizer(json, config);
  } catch (err) {
    throw new UsageError(`--tokenizer-path: ${file} could not be read as a tokenizer (${(err as Error).message})`);
  }
  const special = new Set((json.added_tokens ?? []).filter((t) => t.special).map((t) => t.id));
  const vocab = json.model?.vocab;
  const ids = (Array.isArray(vocab) ? vocab.map((_v, i) => i) : Object.values(vocab ?? {})).filter((id) => !special.has(id));
  if (ids.length === 0) throw new UsageError(`--tokenizer-path: ${file} has no vocabulary to draw random prompts from`);
  const count = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).ids.length;
  return {
    count,
    randomPrompt(length, random) {
      // Random ids decoded and re-encoded may merge or split; trim or pad with more ids until the count is exact.
      let chosen = Array.from({ length }, () => ids[Math.floor(random() * ids.length)]);
      for (let attempt = 0; attempt < 20; attempt++) {
        const text = tokenizer.decode(chosen, { skip_special_tokens: true });
        const n = count(text);
        if (n === length) return text;
        chosen = n > length ? chosen.slice(0, Math.max(1, chosen.length - (n - length))) : [...chosen, ...Array.from({ length: length - n }, () => ids[Math.floor(random() * ids.length)])];
      }
      return tokenizer.decode(chosen, { skip_special_tokens: true });
    },
  };
}
