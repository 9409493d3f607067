// "Did you mean …?" for mistyped flag and config key names.

/** Levenshtein distance, with early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The nearest known name within a third of the word's length (at least 2 edits), or undefined. */
export function closestName(word: string, names: readonly string[]): string | undefined {
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const name of names) {
    const d = editDistance(word.toLowerCase(), name.toLowerCase(), max);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}
