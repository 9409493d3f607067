// IFEval's keyword checks (existence, frequency, forbidden words, letter frequency) and the response language.
// Each is a pure function of the response and the instruction's kwargs, as instructions.py defines it.
import { compare, num, pyStrip, str, strList, type Check } from './args.ts';
import * as scan from './scans.ts';

export const KEYWORD_CHECKS: Readonly<Record<string, Check>> = {
  'keywords:existence': (r, k) => [...strList(k, 'keywords')].sort().every((kw) => scan.keywordCount(r, kw, 1) > 0),
  'keywords:frequency': (r, k) => compare(scan.keywordCount(r, pyStrip(str(k, 'keyword'))), k, 'relation', num(k, 'frequency')),
  'keywords:forbidden_words': (r, k) => !strList(k, 'forbidden_words').some((w) => scan.hasWholeWord(r, w)),
  'keywords:letter_frequency': (r, k) => {
    const letter = pyStrip(str(k, 'letter')).toLowerCase();
    const text = r.toLowerCase();
    let n = 0;
    if (letter !== '') for (let at = text.indexOf(letter); at >= 0; at = text.indexOf(letter, at + letter.length)) n++;
    return compare(n, k, 'let_relation', num(k, 'let_frequency'));
  },
  'language:response_language': (r, k) => scan.language(r, str(k, 'language')),
};
