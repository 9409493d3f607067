// JSON that keeps integers exact, as Python's json does: an integer literal beyond 2^53 becomes a bigint on
// reading and is written back digit for digit. Lines without a run of 16 digits (nearly all) take the plain
// JSON.parse path; only the others are scanned, so the common case costs one regex test.

const LONG_DIGIT_RUN = /\d{16}/;
/** Marks a big integer while JSON.parse runs; the nonce keeps a string in the data from being taken for one. */
const MARK = `\u0000bigint:${Math.random().toString(36).slice(2)}:`;
/** The mark as it stands inside a JSON string (the NUL escaped, since JSON strings cannot hold it raw). */
const MARK_IN_JSON = JSON.stringify(MARK).slice(1, -1);
const MARKED_IN_OUTPUT = new RegExp(`"${MARK_IN_JSON.replace(/\\/g, '\\\\')}(-?\\d+)"`, 'g');

const isDigit = (c: number) => c >= 48 && c <= 57;

/** JSON.parse, except that integers that a double cannot hold exactly come back as bigints. */
export function parseJsonExact(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  let out = '';
  let copiedTo = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip it whole, escapes included (digits inside strings stay text).
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      i++;
      continue;
    }
    if (c === 45 || isDigit(c)) {
      let j = c === 45 ? i + 1 : i;
      const digitsFrom = j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if (next === 46 || next === 101 || next === 69) {
        // A float (fraction or exponent): a double, as Python's json reads it too.
        while (j < n && /[0-9.eE+-]/.test(text[j])) j++;
      } else if (j - digitsFrom >= 16 && !Number.isSafeInteger(Number(text.slice(i, j)))) {
        out += text.slice(copiedTo, i) + '"' + MARK_IN_JSON + text.slice(i, j) + '"';
        copiedTo = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (copiedTo === 0) return JSON.parse(text);
  out += text.slice(copiedTo);
  try {
    return JSON.parse(out, (_key, value: unknown) => (typeof value === 'string' && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value));
  } catch {
    return JSON.parse(text); // the error names the place in the text as given
  }
}

/** JSON.stringify, except that bigints are written as the integers they are (not refused, not quoted). */
export function stringifyExact(value: unknown, space?: number): string | undefined {
  try {
    return JSON.stringify(value, null, space);
  } catch (err) {
    if (!(err instanceof TypeError) || !/BigInt/i.test(err.message)) throw err;
  }
  const marked = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? MARK + v.toString() : v), space);
  return marked?.replace(MARKED_IN_OUTPUT, '$1');
}

/** Whether a parsed value holds a bigint anywhere (a ground truth with big integers). */
export function containsBigInt(value: unknown, depth = 0): boolean {
  if (typeof value === 'bigint') return true;
  if (value === null || typeof value !== 'object' || depth > 200) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (containsBigInt(v, depth + 1)) return true;
  return false;
}

/** The value with every bigint as the nearest double: what JSON.parse would have made of it. */
export function withoutBigInts(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutBigInts);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBigInts(v)]));
}
