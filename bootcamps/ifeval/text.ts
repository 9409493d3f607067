// The text measures IFEval's checks rest on (google-research instruction_following_eval, instructions_util.py),
// with Python's semantics: words as \w+ runs with Python's Unicode \w (letters and digits of any script and
// "_", not combining marks), Python's str.isupper/islower, and
// the two NLTK pieces it calls (punkt's sentence count, word_tokenize), approximated (see README: IFEval).

/**
 * A text measure remembered for the last few texts: a prompt's instructions and the loose variants of one
 * response ask the same count of the same text more than once (two capital_word_frequency checks, say).
 */
function remembered(measure: (text: string) => number): (text: string) => number {
  const recent = new Map<string, number>();
  return (text) => {
    const known = recent.get(text);
    if (known !== undefined) return known;
    const value = measure(text);
    if (recent.size >= 12) recent.delete(recent.keys().next().value!);
    recent.set(text, value);
    return value;
  };
}

/**
 * A measure that adds up over pieces of text cut at white space (words, capital tokens), remembered so that a
 * text which is a recent one with some lines cut off its start or end (the loose variants) costs only the
 * cut-off part: measure(T) = measure(S) - measure(S without T) when T is a prefix or suffix of S and the cut
 * falls next to white space (so that no word is split). Exact, not an estimate.
 */
function rememberedAdditive(measure: (text: string) => number): (text: string) => number {
  const recent: { text: string; value: number }[] = [];
  const cutOk = (s: string, at: number) => isWhite(s.charCodeAt(at - 1)) || isWhite(s.charCodeAt(at));
  return (text) => {
    let value: number | undefined;
    for (let r = recent.length - 1; r >= 0 && value === undefined; r--) {
      const known = recent[r];
      if (known.text === text) value = known.value;
      else if (known.text.length > text.length && text.length > 0) {
        const cut = known.text.length - text.length;
        if (known.text.endsWith(text) && cutOk(known.text, cut)) value = known.value - measure(known.text.slice(0, cut));
        else if (known.text.startsWith(text) && cutOk(known.text, text.length)) value = known.value - measure(known.text.slice(text.length));
      }
    }
    value ??= measure(text);
    if (recent.length >= 4) recent.shift();
    recent.push({ text, value });
    return value;
  };
}

function isWhite(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** nltk RegexpTokenizer(r"\w+").tokenize(text), counted. */
export const countWords = rememberedAdditive(function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    else {
      // Outside ASCII, the character (a surrogate pair read whole) is tested against Python's \w.
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      word = WORD_CHAR.test(ch);
      if (cp > 0xffff) i++;
    }
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
});

const WORD_CHAR = /^[\p{L}\p{N}_]$/u;


/** Python's str.isupper(): at least one cased character, and no lower-case or title-case one. */
export function pyIsUpper(s: string): boolean {
  return /\p{Uppercase}/u.test(s) && !/[\p{Lowercase}\p{Lt}]/u.test(s);
}

/** Python's str.islower(): at least one cased character, and no upper-case or title-case one. */
export function pyIsLower(s: string): boolean {
  return /\p{Lowercase}/u.test(s) && !/[\p{Uppercase}\p{Lt}]/u.test(s);
}

/**
 * Abbreviations punkt's English model knows (a period after them does not end a sentence). The model's
 * learned list is longer; these are the common ones in English prose and model answers.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vol', 'fig', 'al', 'approx', 'dept', 'est', 'gen', 'gov', 'u.s', 'u.k',
  'a.m', 'p.m', 'ave', 'blvd', 'mt', 'ft', 'capt', 'col', 'lt', 'sgt', 'rev', 'hon', 'pres', 'cf', 'ca', 'ph.d',
]);

/**
 * The number of sentences punkt (nltk's english.pickle) finds, approximated: a sentence ends at ., ? or ! (and
 * closing quotes or brackets after it) followed by white space, unless the word before a period is a known
 * abbreviation, or a single letter (an initial) before a capitalised word, or the period sits between digits; "..." followed by a
 * lower-case word does not end one. Text after the last end counts as a sentence when it has a letter or digit.
 */
export const countSentences = remembered(function countSentences(text: string): number {
  let count = 0;
  const n = text.length;
  const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
  const isEnd = (c: number) => c === 46 || c === 63 || c === 33; // . ? !
  const isCloser = (c: number) => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93; // " ' ” ’ ) ]
  // The sentence since the last end has a letter or digit (a run of punctuation alone is no sentence).
  let sentenceStart = 0;
  const hasContent = (from: number, to: number) => {
    CONTENT.lastIndex = from;
    const m = CONTENT.exec(text);
    return m !== null && m.index < to;
  };
  const ends = /[.?!]/g;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < n && isEnd(text.charCodeAt(j))) j++;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    ends.lastIndex = j;
    if (j < n && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    const next = text[k] ?? '';
    if (c === 46 && j - i === 1) {
      // The letters and periods just before this period (the word it may abbreviate).
      let b = i;
      while (b > 0 && i - b < 20 && isLetterOrDot(text, b - 1)) b--;
      while (b < i && text.charCodeAt(b) === 46) b++;
      const length = i - b;
      // A known abbreviation never ends one; an initial ("J.") only before a capitalised word (punkt's
      // orthographic rule for initials: "J. R. R. Tolkien" is one sentence, "xx,x. xx" two).
      if (length > 0 && length <= MAX_ABBREVIATION) {
        const word = text.slice(b, i);
        if (ABBREVIATIONS.has(word.toLowerCase()) || (length <= 2 && /^\p{L}$/u.test(word) && /\p{Lu}/u.test(next))) continue;
      }
    }
    if (j - i > 1 && c === 46 && /\p{Ll}/u.test(next)) continue;
    if (hasContent(sentenceStart, i)) count++;
    sentenceStart = j;
  }
  if (hasContent(sentenceStart, n)) count++;
  return count;
});

const CONTENT = /[\p{L}\p{N}]/gu;
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length), 2);
const LETTER_OR_DOT = /[\p{L}.]/u;
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DOT.test(text[i]);
}

/**
 * nltk.word_tokenize, approximated for what capital_word_frequency counts (tokens that are all upper case):
 * punkt-free Treebank rules: quotes, brackets and most punctuation split off, a period only at the end of
 * the text or of a sentence, hyphenated words kept whole, and n't / 's / 're / 've / 'll / 'd / 'm split off.
 */
export function wordTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    let start = 0;
    let end = raw.length;
    while (start < end && LEADING.has(raw[start])) tokens.push(raw[start++]);
    const trailing: string[] = [];
    while (end > start && TRAILING.has(raw[end - 1])) {
      // "..." stays one token.
      if (end - start >= 3 && raw.startsWith('...', end - 3)) {
        trailing.push('...');
        end -= 3;
      } else trailing.push(raw[--end]);
    }
    const word = raw.slice(start, end);
    if (word !== '') {
      const contraction = CONTRACTION.exec(word);
      if (contraction) tokens.push(contraction[1], contraction[2]);
      else if (/[,;:!?]/.test(word)) tokens.push(...word.split(/([,;:!?])/).filter(Boolean));
      else tokens.push(word);
    }
    for (let t = trailing.length - 1; t >= 0; t--) tokens.push(trailing[t]);
  }
  return tokens;
}

const LEADING = new Set(['"', "'", '“', '‘', '(', '[', '{', '<', '`']);
const TRAILING = new Set(['"', "'", '”', '’', ')', ']', '}', '>', ',', ';', ':', '!', '?', '.']);
const CONTRACTION = /^(.+?)(n't|N'T|'s|'S|'re|'RE|'ve|'VE|'ll|'LL|'d|'D|'m|'M)$/;

/** A token Python's str.isupper() calls upper case, for the common ASCII case without a regex. */
function tokenIsUpper(t: string): boolean {
  let cased = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) cased = true;
    else if (c > 127) return pyIsUpper(t);
  }
  return cased;
}

/**
 * wordTokenize(text).filter(pyIsUpper).length, without building the tokens (capital_word_frequency): the text
 * cut at white space and at , ; : ! ? (the ends word_tokenize trims carry no letters, so they cannot change a
 * token's case), pieces with an apostrophe going through the contraction rule.
 */
export const countUpperTokens = rememberedAdditive(function countUpperTokens(text: string): number {
  if (ASCII_ONLY.test(text)) {
    // ASCII text, one native pass: pieces with an upper-case letter and no lower-case one or apostrophe, then
    // the pieces with an apostrophe through the contraction rule.
    let n = 0;
    let start = 0;
    let upper = false;
    let lower = false;
    let apostrophe = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (c === 32 || (c >= 9 && c <= 13) || c === 44 || c === 59 || c === 58 || c === 33 || c === 63) {
        if (upper) n += apostrophe ? slowUpperCount(text.slice(start, i)) : lower ? 0 : 1;
        upper = lower = apostrophe = false;
        start = i + 1;
      } else if (c >= 65 && c <= 90) upper = true;
      else if (c >= 97 && c <= 122) lower = true;
      else if (c === 39) apostrophe = true;
    }
    return n;
  }
  let n = 0;
  for (const piece of text.split(/[\s,;:!?]+/)) {
    if (piece === '') continue;
    if (piece.includes("'")) n += slowUpperCount(piece);
    else if (/^[\x00-\x7f]*$/.test(piece)) {
      if (/[A-Z]/.test(piece) && !/[a-z]/.test(piece)) n++;
    } else if (pyIsUpper(piece)) n++;
  }
  return n;
});

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function slowUpperCount(raw: string): number {
  let start = 0;
  let end = raw.length;
  while (start < end && LEADING.has(raw[start])) start++;
  while (end > start && TRAILING.has(raw[end - 1])) end--;
  if (start === end) return 0;
  const word = raw.slice(start, end);
  const contraction = word.includes("'") ? CONTRACTION.exec(word) : null;
  if (contraction) return (tokenIsUpper(contraction[1]) ? 1 : 0) + (tokenIsUpper(contraction[2]) ? 1 : 0);
  let n = 0;
  for (const piece of word.split(/[,;:!?]/)) if (piece !== '' && tokenIsUpper(piece)) n++;
  return n;
}
