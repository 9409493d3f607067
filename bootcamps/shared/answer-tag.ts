// The [answer]...[/answer] convention of the BBEH and grid-puzzle references: re.findall(r'\[answer\](.*?)\[/answer\]', DOTALL).
import { findAllBetween, pyStrip } from './py-str.ts';
import { tryParsePyLiteral, type PyValue } from './py-literal.ts';

/** Every [answer]…[/answer] body, left to right (lazy, across lines). */
export function answerTags(output: string): string[] {
  return findAllBetween(output, '[answer]', '[/answer]');
}

/** The last body, or null. */
export function lastAnswerTag(output: string): string | null {
  return answerTags(output).at(-1) ?? null;
}

/** The last body read with ast.literal_eval after str.strip(), as the grid puzzles' references do; null on failure. */
export function lastAnswerLiteral(output: string): PyValue | null {
  const last = lastAnswerTag(output);
  return last === null ? null : (tryParsePyLiteral(pyStrip(last), { keepFloats: true }) ?? null);
}
