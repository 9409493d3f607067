// A letter answer among listed choices, found as Math-Verify's StringExtractionConfig finds one: "final answer
// is X. I hope" (0), "final answer ... is X" (50), "answer: ... X" (100), "answer ... X" (200), a line starting
// with X (250), then any X standing alone (300); the rightmost match of the best priority wins.

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const ci = (words: string) => words.replace(/[a-zA-Z]/g, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`);

const cache = new Map<string, RegExp[][]>();

function patterns(letters: string): RegExp[][] {
  let groups = cache.get(letters);
  if (groups) return groups;
  const keys = `(?<key>${[...letters].map(escape).join('|')})`;
  const suffix = '(?:\\*\\*)?(?:\\.|,|:|\\s|$)';
  const standing = `(?:^|\\s)(?:\\*\\*)?${keys}${suffix}`;
  const byPriority: [string, number][] = [
    [`${ci('final answer is')}:?\\s*${keys}\\.?\\s?I hope`, 0],
    [`${ci('final answer')}.{0,100}?\\s+is:?\\s*${keys}`, 50],
    [`${ci('answer')}:.{0,50}?${standing}`, 100],
    [`${ci('answer')}.{0,50}?${standing}`, 200],
    [`^(?:\\*\\*)?${keys}${suffix}`, 250],
    [standing, 300],
  ];
  groups = [...new Set(byPriority.map(([, p]) => p))].map((p) => byPriority.filter(([, q]) => q === p).map(([s]) => new RegExp(s, 'g')));
  cache.set(letters, groups);
  return groups;
}

/** The chosen letter (lower-cased), or undefined when none of `letters` stands as an answer. */
export function readLetter(text: string, letters: string): string | undefined {
  for (const group of patterns(letters)) {
    let best: RegExpExecArray | undefined;
    for (const regex of group) {
      for (const m of text.matchAll(regex)) {
        const end = m.index + m[0].length;
        if (!best || end > best.index + best[0].length || (end === best.index + best[0].length && m.index < best.index)) best = m;
      }
    }
    if (best?.groups?.key) return best.groups.key.toLowerCase();
  }
  return undefined;
}
