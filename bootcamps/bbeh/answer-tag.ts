// The [answer]...[/answer] convention of the BBEH references: re.findall(r'\[answer\](.*?)\[/answer\]', DOTALL).
import { findAllBetween } from '../shared/py-str.ts';

/** Every [answer]…[/answer] body, left to right (lazy, across lines). */
export function answerTags(output: string): string[] {
  return findAllBetween(output, '[answer]', '[/answer]');
}

/** The last body, or null. */
export function lastAnswerTag(output: string): string | null {
  return answerTags(output).at(-1) ?? null;
}
