// IFEval's format and content checks: placeholders, postscript, bullets, options, highlights, sections, JSON, title.
// Each is a pure function of the response and the instruction's kwargs, as instructions.py defines it.
import { num, pyStrip, str, type Check } from './args.ts';
import * as scan from './scans.ts';
import { pyJsonLoads } from '../shared/py-json.ts';
import { PyRegex } from '../shared/py-regex.ts';

export const FORMAT_CHECKS: Readonly<Record<string, Check>> = {
  'detectable_content:number_placeholders': (r, k) => scan.countPlaceholders(r) >= num(k, 'num_placeholders'),
  'detectable_content:postscript': (r, k) => {
    const marker = pyStrip(str(k, 'postscript_marker'));
    const text = r.toLowerCase();
    if (marker === 'P.P.S') return scan.PPS_NATIVE.test(text);
    if (marker === 'P.S.') return scan.PS_NATIVE.test(text);
    return new PyRegex('\\s*' + marker.toLowerCase() + '.*$', { multiline: true }).search(text) !== null;
  },
  'detectable_format:number_bullet_lists': (r, k) => scan.countLineItems(r, '*') + scan.countLineItems(r, '-') === num(k, 'num_bullets'),
  'detectable_format:constrained_response': (r) => scan.CONSTRAINED.some((option) => pyStrip(r).includes(option)),
  'detectable_format:number_highlighted_sections': (r, k) => scan.countHighlights(r) >= num(k, 'num_highlights'),
  'detectable_format:multiple_sections': (r, k) => {
    const splitter = pyStrip(str(k, 'section_spliter'));
    return scan.countMatches(new PyRegex('\\s?' + splitter + '\\s?\\d+\\s?'), r) >= num(k, 'num_sections');
  },
  'detectable_format:json_format': (r) => {
    let value = pyStrip(r);
    for (const prefix of ['```json', '```Json', '```JSON', '```']) if (value.startsWith(prefix)) value = value.slice(prefix.length);
    if (value.endsWith('```')) value = value.slice(0, -3);
    try {
      pyJsonLoads(pyStrip(value));
      return true;
    } catch {
      return false;
    }
  },
  'detectable_format:title': (r) => (r.match(/<<[^\n]+>>/g) ?? []).some((t) => pyStrip(pyStrip(pyStrip(t, '<', 'left'), '>', 'right')) !== ''),
};
