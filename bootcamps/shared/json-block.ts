// The ```json answer block several InternBootcamp references read (Arrowmaze, Campsite): the last
// re.findall(r'```json\s*([\s\S]*?)\s*```') body, with ' made " and () made [], then json.loads; when that fails
// the reference keeps the text itself. Scanned by hand (fuzzed against the regex in the tests).
import { findAllBetween, pyStrip } from './py-str.ts';
import { pyJsonLoads } from './py-json.ts';
import type { PyValue } from './py-literal.ts';

/** The last ```json block's body, without the whitespace around it, or undefined. */
export function lastJsonBlock(output: string): string | undefined {
  return findAllBetween(output, '```json', '```').map(pyStrip).at(-1);
}

/** The reference's extract_output for these blocks: the JSON value, the text when it does not parse, or null. */
export function jsonBlockAnswer(output: string): PyValue | null {
  const last = lastJsonBlock(output);
  if (last === undefined) return null;
  const text = last.replaceAll("'", '"').replaceAll('(', '[').replaceAll(')', ']');
  try {
    return pyJsonLoads(text);
  } catch {
    return text;
  }
}
