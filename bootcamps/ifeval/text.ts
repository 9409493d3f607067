// The text measures IFEval's checks rest on (google-research instruction_following_eval, instructions_util.py),
// with Python's semantics: words as \w+ runs with Python's Unicode \w (letters and digits of any script and
// "_", not combining marks), Python's str.isupper/islower, and
// the two NLTK pieces it calls (punkt's sentence count, word_tokenize), approximated (see README: IFEval).

/** Python's `\w` on str patterns: str.isalnum() characters and "_". */
const WORD = /[\p{L}\p{N}_]+/gu;

/** nltk RegexpTokenizer(r"\w+").tokenize(text), counted. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** re.findall(r"\w+", text): the words themselves. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

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
export function countSentences(text: string): number {
  let count = 0;
  let sentenceHasContent = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (/[\p{L}\p{N}]/u.test(ch)) sentenceHasContent = true;
    if (ch !== '.' && ch !== '?' && ch !== '!') continue;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '?' || text[j] === '!')) j++;
    while (j < n && /["'”’)\]]/.test(text[j])) j++;
    if (j < n && !/\s/.test(text[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && /\s/.test(text[k])) k++;
    const next = text[k] ?? '';
    if (ch === '.' && j - i === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 20), i))?.[1] ?? '';
      const word = before.replace(/^\.+/, '').toLowerCase();
      // A known abbreviation never ends one; an initial ("J.") only before a capitalised word (punkt's
      // orthographic rule for initials: "J. R. R. Tolkien" is one sentence, "xx,x. xx" two).
      if (ABBREVIATIONS.has(word) || (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(next))) {
        i = j - 1;
        continue;
      }
    }
    if (j - i > 1 && text[i] === '.' && /\p{Ll}/u.test(next)) {
      i = j - 1;
      continue;
    }
    if (sentenceHasContent) count++;
    sentenceHasContent = false;
    i = j - 1;
  }
  if (sentenceHasContent) count++;
  return count;
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
    let word = raw;
    const trailing: string[] = [];
    const leading: string[] = [];
    while (word.length > 0 && /^["'“‘(\[{<`]/.test(word)) {
      leading.push(word[0]);
      word = word.slice(1);
    }
    while (word.length > 0 && /["'”’)\]}>,;:!?.]$/.test(word)) {
      // "..." stays one token; an abbreviation's last period is split off only at the end.
      const ellipsis = /\.{3}$/.exec(word);
      if (ellipsis) {
        trailing.unshift('...');
        word = word.slice(0, -3);
      } else {
        trailing.unshift(word[word.length - 1]);
        word = word.slice(0, -1);
      }
    }
    tokens.push(...leading);
    if (word !== '') {
      const contraction = /^(.+?)(n't|N'T|'s|'S|'re|'RE|'ve|'VE|'ll|'LL|'d|'D|'m|'M)$/.exec(word);
      if (contraction) tokens.push(contraction[1], contraction[2]);
      else tokens.push(...word.split(/(?<=[^\s,])(?=[,;:!?])|(?<=[,;:!?])(?=[^\s])/u).filter(Boolean));
    }
    tokens.push(...trailing);
  }
  return tokens;
}
