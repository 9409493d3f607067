// Fills a prompt template the way Python's str.format does for the templates benchmarks use: {name} is
// replaced, {{ and }} are literal braces. A placeholder the template names but the caller lacks is an error
// naming it (a --prompt_template file with a typo must say so, not send "{qestion}" to the model).
import { BenchmarkRowError } from '../types.ts';

export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (ch === '{') {
      const end = template.indexOf('}', i);
      const name = end < 0 ? '' : template.slice(i + 1, end);
      if (!/^[A-Za-z_]\w*$/.test(name)) throw new BenchmarkRowError(`prompt template: "{" at offset ${i} opens no {name} placeholder (write {{ for a literal brace)`);
      if (!(name in values)) throw new BenchmarkRowError(`prompt template: unknown placeholder {${name}} (this benchmark fills ${Object.keys(values).map((k) => `{${k}}`).join(', ')})`);
      out += values[name];
      i = end + 1;
    } else if (ch === '}') {
      throw new BenchmarkRowError(`prompt template: single "}" at offset ${i} (write }} for a literal brace)`);
    } else {
      const next = nextBrace(template, i);
      out += template.slice(i, next);
      i = next;
    }
  }
  return out;
}

function nextBrace(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (text[j] === '{' || text[j] === '}') return j;
  return text.length;
}

/** The placeholders a template names, for checking a --prompt_template file before any row. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const m of template.replaceAll('{{', '').replaceAll('}}', '').matchAll(/\{([A-Za-z_]\w*)\}/g)) names.push(m[1]);
  return names;
}
