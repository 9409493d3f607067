// IFEval's length checks: sentences, paragraphs (*** dividers, or blank lines and a first word), words.
// Each is a pure function of the response and the instruction's kwargs, as instructions.py defines it.
import { compare, num, pyStrip, str, type Check } from './args.ts';
import * as scan from './scans.ts';
import { countSentences, countWords } from './text.ts';

export const LENGTH_CHECKS: Readonly<Record<string, Check>> = {
  'length_constraints:number_sentences': (r, k) => compare(countSentences(r), k, 'relation', num(k, 'num_sentences')),
  'length_constraints:number_paragraphs': (r, k) => {
    const paragraphs = r.split(scan.DIVIDER_NATIVE);
    let n = paragraphs.length;
    for (const [i, p] of paragraphs.entries()) {
      if (pyStrip(p) !== '') continue;
      if (i === 0 || i === paragraphs.length - 1) n--;
      else return false;
    }
    return n === num(k, 'num_paragraphs');
  },
  'length_constraints:number_words': (r, k) => compare(countWords(r), k, 'relation', num(k, 'num_words')),
  'length_constraints:nth_paragraph_first_word': (r, k) => {
    const paragraphs = r.split('\n\n');
    const n = paragraphs.filter((p) => pyStrip(p) !== '').length;
    const nth = num(k, 'nth_paragraph');
    // The reference counts non-empty paragraphs but indexes the list with the empty ones in it.
    if (nth > n) return false;
    const paragraph = pyStrip(paragraphs[nth - 1] ?? '');
    if (paragraph === '') return false;
    let word = pyStrip(paragraph.split(/[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/)[0]);
    word = pyStrip(pyStrip(word, "'", 'left'), '"', 'left');
    let first = '';
    for (const ch of word) {
      if ('.,?!\'"'.includes(ch)) break;
      first += ch.toLowerCase();
    }
    return n === num(k, 'num_paragraphs') && first === str(k, 'first_word').toLowerCase();
  },
};
