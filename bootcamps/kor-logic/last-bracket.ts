// The answer extraction most KorLogic bootcamps share: the last [[...]] (lazily matched, not crossing a line
// unless DOTALL), stripped of surrounding whitespace as Python's str.strip() does.
import { findAllDoubleBracket, findAllDoubleBracketNoClose } from '../shared/double-brackets.ts';
import { pyStrip } from '../shared/py-str.ts';

/** re.findall(r'\[\[(.*?)\]\]', output)[-1] (None when there is none); `dotAll` adds re.DOTALL. */
export function lastBracketContent(output: string, dotAll = false): string | null {
  return findAllDoubleBracket(output, dotAll).at(-1) ?? null;
}

/** The same, stripped: the most common extract_output of the family. */
export function lastBracketStripped(output: string): string | null {
  const last = lastBracketContent(output);
  return last === null ? null : pyStrip(last);
}

/** re.findall(r'\[\[([^]]+)\]\]', output)[-1]: no "]" inside, so it may cross lines. */
export function lastBracketWithoutClosing(output: string): string | null {
  return findAllDoubleBracketNoClose(output).at(-1) ?? null;
}
