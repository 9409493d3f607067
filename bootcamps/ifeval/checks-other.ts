// IFEval's remaining checks: two responses, a repeated prompt, start and end, letter case, commas, quotation.
// Each is a pure function of the response and the instruction's kwargs, as instructions.py defines it.
import { compare, num, pyStrip, str, type Check } from './args.ts';
import * as scan from './scans.ts';
import { countUpperTokens, pyIsLower, pyIsUpper } from './text.ts';

export const OTHER_CHECKS: Readonly<Record<string, Check>> = {
  'combination:two_responses': (r) => {
    const parts = r.split('******');
    const valid: string[] = [];
    for (const [i, p] of parts.entries()) {
      if (pyStrip(p) === '') {
        if (i !== 0 && i !== parts.length - 1) return false;
      } else valid.push(p);
    }
    return valid.length === 2 && pyStrip(valid[0]) !== pyStrip(valid[1]);
  },
  'combination:repeat_prompt': (r, k) => pyStrip(r).toLowerCase().startsWith(pyStrip(str(k, 'prompt_to_repeat')).toLowerCase()),
  'startend:end_checker': (r, k) => pyStrip(pyStrip(r), '"').toLowerCase().endsWith(pyStrip(str(k, 'end_phrase')).toLowerCase()),
  'startend:quotation': (r) => {
    const v = pyStrip(r);
    return v.length > 1 && v[0] === '"' && v[v.length - 1] === '"';
  },
  'change_case:capital_word_frequency': (r, k) => compare(countUpperTokens(r), k, 'capital_relation', num(k, 'capital_frequency')),
  'change_case:english_capital': (r) => pyIsUpper(r) && scan.language(r, 'en'),
  'change_case:english_lowercase': (r) => pyIsLower(r) && scan.language(r, 'en'),
  'punctuation:no_comma': (r) => !r.includes(','),
};
