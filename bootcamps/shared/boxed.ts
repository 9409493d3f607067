// The "\boxed{...}" answer convention shared by many math-style bootcamps, with the reference helpers' exact quirks
// (last_boxed_only_string / remove_boxed as they appear across InternBootcamp).

/**
 * The last "\boxed{...}" (or "\fbox{...}") of `text` with balanced braces, including the command itself, or null.
 * Quirk kept on purpose: when "\boxed " (with a space) appears anywhere, the reference returns "\boxed " plus the
 * text after the last "\boxed " up to the first "$", whatever else the output contains.
 */
export function lastBoxedOnlyString(text: string): string | null {
  const spaced = '\\boxed ';
  const spacedAt = text.lastIndexOf(spaced);
  if (spacedAt >= 0) {
    const tail = text.slice(spacedAt + spaced.length);
    const dollar = tail.indexOf('$');
    return spaced + (dollar >= 0 ? tail.slice(0, dollar) : tail);
  }
  let start = text.lastIndexOf('\\boxed');
  if (start < 0) start = text.lastIndexOf('\\fbox');
  if (start < 0) return null;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */) depth++;
    else if (ch === 125 /* } */) {
      depth--;
      // Quirk kept on purpose: a "}" before any "{" drives the count to -1 and the reference then never finds 0.
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

/** remove_boxed: strips "\boxed " or "\boxed{" … "}"; throws where the reference's asserts fail (e.g. "\fbox{x}"). */
export function removeBoxed(boxed: string): string {
  const spaced = '\\boxed ';
  if (boxed.includes(spaced)) {
    if (!boxed.startsWith(spaced)) throw new Error('remove_boxed: text does not start with "\\boxed "');
    return boxed.slice(spaced.length);
  }
  const left = '\\boxed{';
  if (!boxed.startsWith(left) || !boxed.endsWith('}')) throw new Error('remove_boxed: not a \\boxed{...} string');
  return boxed.slice(left.length, -1);
}

/** extract_output of the bootcamps that answer in \boxed{}: the last boxed content, or null (an assert failure → null). */
export function lastBoxedContent(text: string): string | null {
  const boxed = lastBoxedOnlyString(text);
  if (boxed === null) return null;
  try {
    return removeBoxed(boxed);
  } catch {
    return null;
  }
}
