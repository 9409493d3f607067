// IFEval's checks: the reference's own unit tests (instructions_test.py, recorded as data by
// test/fixtures/ifeval/record_reference_tests.py), the edges of each instruction, the loose variants, and every
// one of the 541 shared prompts parsed into its checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../../bootcamps/ifeval/checks.ts';
import { ifeval, judge, looseVariants } from '../../bootcamps/ifeval/ifeval.ts';
import { countSentences, countUpperTokens, countWords, pyIsLower, pyIsUpper, wordTokenize } from '../../bootcamps/ifeval/text.ts';
import { PROJECT_ROOT } from '../../src/version.ts';
import { loadLanguageDetector } from '../../bootcamps/ifeval/language.ts';

await loadLanguageDetector();

const fixture = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/ifeval/reference-tests.json'), 'utf8')) as {
  cases: { id: string; kwargs: Record<string, unknown>; response: string; expected: boolean }[];
};
const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'ifeval', 'input_data.jsonl');

test('there are exactly the 25 instruction checks IFEval registers', () => {
  assert.equal(Object.keys(CHECKS).length, 25);
});

test("every case of the reference's own unit tests gets the verdict the test expects", () => {
  const wrong: string[] = [];
  for (const c of fixture.cases) {
    const got = CHECKS[c.id](c.response, c.kwargs);
    if (got !== c.expected) wrong.push(`${c.id} ${JSON.stringify(c.kwargs)}: expected ${c.expected} for ${JSON.stringify(c.response.slice(0, 120))}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(fixture.cases.length >= 80);
});

test('every one of the 541 shared prompts parses into its checks (no instruction id unknown, kwargs one per id)', { skip: existsSync(SHARED) ? false : 'needs ../shared/data' }, () => {
  const lines = readFileSync(SHARED, 'utf8').split('\n').filter(Boolean);
  assert.equal(lines.length, 541);
  let instructions = 0;
  for (const line of lines) {
    const row = JSON.parse(line);
    const parsed = ifeval.groundTruth.safeParse(row);
    assert.ok(parsed.success, `key ${row.key}: ${parsed.success ? '' : parsed.error.issues[0].message}`);
    // Each check runs on an ordinary answer without throwing (its kwargs are all there and of the right type).
    const v = judge('A short answer. It has two sentences.', parsed.data);
    assert.equal(v.strict.length, row.instruction_id_list.length);
    instructions += v.strict.length;
  }
  assert.equal(instructions, 834);
});

const check = (id: string, response: string, kwargs: Record<string, unknown> = {}) => CHECKS[id](response, kwargs);

test('words are \\w+ runs with Python\'s Unicode \\w: naïve is one word, "don\'t" two, digits count', () => {
  assert.equal(countWords('naïve café 3.14 don\'t'), 6);
  assert.equal(countWords('  '), 0);
  const words300 = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
  assert.equal(check('length_constraints:number_words', words300, { relation: 'at least', num_words: 300 }), true);
  assert.equal(check('length_constraints:number_words', words300, { relation: 'at least', num_words: 301 }), false);
  assert.equal(check('length_constraints:number_words', words300, { relation: 'less than', num_words: 300 }), false);
  assert.equal(check('length_constraints:number_words', words300, { relation: 'less than', num_words: 301 }), true);
});

test('JSON as Python json.loads takes it: inside a ```json fence, NaN and Infinity accepted, trailing commas not', () => {
  assert.equal(check('detectable_format:json_format', '```json\n{"a": 1, "b": [NaN, Infinity]}\n```'), true);
  assert.equal(check('detectable_format:json_format', '```JSON\n{"a": 1}\n```  '), true);
  assert.equal(check('detectable_format:json_format', '{"a": 1,}'), false);
  assert.equal(check('detectable_format:json_format', 'Here it is: {"a": 1}'), false);
});

test('title, postscript, placeholders, highlights, quotation and end phrase at their edges', () => {
  assert.equal(check('detectable_format:title', '<<The Title>>\nbody'), true);
  assert.equal(check('detectable_format:title', '<<   >>\nbody'), false);
  assert.equal(check('detectable_format:title', '<<broken\ntitle>>'), false);
  assert.equal(check('detectable_content:postscript', 'Body.\n\nP.S. see you', { postscript_marker: 'P.S.' }), true);
  assert.equal(check('detectable_content:postscript', 'Body.\n\np. s. see you', { postscript_marker: 'P.S.' }), true);
  assert.equal(check('detectable_content:postscript', 'Body. PS see you', { postscript_marker: 'P.S.' }), false);
  assert.equal(check('detectable_content:postscript', 'Body.\nP.P.S more', { postscript_marker: 'P.P.S' }), true);
  assert.equal(check('detectable_content:number_placeholders', '[name] and [address]', { num_placeholders: 2 }), true);
  assert.equal(check('detectable_content:number_placeholders', '[name and\n address]', { num_placeholders: 1 }), false);
  assert.equal(check('detectable_format:number_highlighted_sections', '*one* and **two** and * *', { num_highlights: 2 }), true);
  assert.equal(check('detectable_format:number_highlighted_sections', '*one* and * *', { num_highlights: 2 }), false);
  assert.equal(check('startend:quotation', '  "wrapped"  '), true);
  assert.equal(check('startend:quotation', '"'), false);
  assert.equal(check('startend:end_checker', 'Thanks. Any other questions?   ', { end_phrase: 'Any other questions?' }), true);
  assert.equal(check('startend:end_checker', '"Thanks. Any other questions?"', { end_phrase: 'Any other questions?' }), true);
  assert.equal(check('startend:end_checker', 'Any other questions? Bye.', { end_phrase: 'Any other questions?' }), false);
});

test('case checks: all capitals with one lower-case word fails; capital words counted as word_tokenize splits them', () => {
  assert.equal(pyIsUpper('HELLO WORLD 123'), true);
  assert.equal(pyIsUpper('HELLO world'), false);
  assert.equal(pyIsUpper('123'), false);
  assert.equal(pyIsLower('hello, world!'), true);
  assert.equal(check('change_case:english_capital', 'THIS IS AN ANSWER WRITTEN IN ENGLISH, ALL OF IT IN CAPITAL LETTERS.'), true);
  assert.equal(check('change_case:english_capital', 'THIS IS AN ANSWER WRITTEN IN ENGLISH, ALL OF IT IN CAPITAL letters.'), false);
  assert.equal(check('change_case:english_lowercase', 'this is an answer written in english, all of it in lower case letters.'), true);
  assert.deepEqual(wordTokenize("I DON'T know, (SURE)."), ['I', 'DO', "N'T", 'know', ',', '(', 'SURE', ')', '.']);
  assert.equal(check('change_case:capital_word_frequency', 'NASA and the FBI met the CIA.', { capital_relation: 'at least', capital_frequency: 3 }), true);
  assert.equal(check('change_case:capital_word_frequency', 'NASA and the FBI met the CIA.', { capital_relation: 'less than', capital_frequency: 3 }), false);
});

test('paragraphs: *** dividers with empty ends allowed but not an empty middle; the nth paragraph as the reference indexes it', () => {
  assert.equal(check('length_constraints:number_paragraphs', 'one\n***\ntwo\n***\nthree', { num_paragraphs: 3 }), true);
  assert.equal(check('length_constraints:number_paragraphs', '***\none\n***\ntwo\n***', { num_paragraphs: 2 }), true);
  assert.equal(check('length_constraints:number_paragraphs', 'one\n***\n***\ntwo', { num_paragraphs: 2 }), false);
  const text = 'First paragraph.\n\n"Second," she said.\n\nThird one.';
  assert.equal(check('length_constraints:nth_paragraph_first_word', text, { num_paragraphs: 3, nth_paragraph: 2, first_word: 'second' }), true);
  assert.equal(check('length_constraints:nth_paragraph_first_word', text, { num_paragraphs: 2, nth_paragraph: 2, first_word: 'second' }), false);
});

test('sentences counted as punkt counts them on ordinary prose: abbreviations, initials and decimals do not end one', () => {
  assert.equal(countSentences('Dr. Smith arrived at 3.30 p.m. on Monday. He left early! Did he?'), 3);
  assert.equal(countSentences('J. R. R. Tolkien wrote books. They sold well.'), 2);
  assert.equal(countSentences('No end mark here'), 1);
  assert.equal(countSentences(''), 0);
});

test('keywords are regular expressions, case-insensitive; forbidden words match whole words only', () => {
  assert.equal(check('keywords:existence', 'The Quick brown fox', { keywords: ['quick', 'FOX'] }), true);
  assert.equal(check('keywords:existence', 'The quick brown dog', { keywords: ['quick', 'fox'] }), false);
  assert.equal(check('keywords:frequency', 'cat Cat CAT concatenate', { keyword: 'cat', relation: 'at least', frequency: 4 }), true);
  assert.equal(check('keywords:forbidden_words', 'I like concatenation', { forbidden_words: ['cat'] }), true);
  assert.equal(check('keywords:forbidden_words', 'I like the Cat.', { forbidden_words: ['cat'] }), false);
  assert.equal(check('keywords:letter_frequency', 'Banana bread', { letter: 'a', let_relation: 'at least', let_frequency: 4 }), true);
  assert.equal(check('keywords:letter_frequency', 'Banana bread', { letter: 'a', let_relation: 'less than', let_frequency: 4 }), false);
});

test('loose: a first line "Sure, here it is:" or stray asterisks no longer fail the instruction; strict still does', () => {
  const gt = { instruction_id_list: ['startend:quotation', 'punctuation:no_comma'], kwargs: [{}, {}] };
  const response = 'Sure, here it is:\n"A reply without commas"';
  assert.deepEqual(judge(response, gt), { strict: [false, false], loose: [true, true] });
  assert.equal(looseVariants('a\nb\nc').length, 8);
  assert.deepEqual(looseVariants('a\n*b*\nc').slice(0, 5), ['a\n*b*\nc', 'a\nb\nc', '*b*\nc', 'a\n*b*', '*b*']);
});

test('the bootcamp scores prompt-level strict and reports the four accuracies as [hits, out of]', async () => {
  const gt = ifeval.groundTruth.parse({ instruction_id_list: ['punctuation:no_comma', 'startend:quotation'], kwargs: [{}, {}] });
  const result = await ifeval.score!('Sure:\n"no commas here"', gt);
  assert.equal(result.score, 0);
  assert.deepEqual(result.metrics, { prompt_level_strict: [0, 1], inst_level_strict: [1, 2], prompt_level_loose: [1, 1], inst_level_loose: [2, 2] });
  assert.ok(!ifeval.groundTruth.safeParse({ instruction_id_list: ['keywords:nope'], kwargs: [{}] }).success, 'an unknown instruction id is an input error');
  assert.ok(!ifeval.groundTruth.safeParse({ instruction_id_list: ['punctuation:no_comma'], kwargs: [] }).success, 'kwargs one per id');
});

test('the fast paths count as the plain definitions do: capital tokens, ASCII keywords, and the case traps', () => {
  for (const text of ["I DON'T know, (SURE). NASA-JPL, FBI! ok", 'ÉCOLE and ÉTÉ, naïve CAFÉ.', 'A. B, C: d']) {
    assert.equal(countUpperTokens(text), wordTokenize(text).filter(pyIsUpper).length, text);
  }
  // Python IGNORECASE matches the Kelvin sign to k; lower-casing would too, but "ſ" (long s) only to s by the regex.
  assert.equal(check('keywords:frequency', 'The ſun and the Sun and the sun', { keyword: 'sun', relation: 'at least', frequency: 3 }), true);
  assert.equal(check('keywords:frequency', 'catcatcat', { keyword: 'catcat', relation: 'at least', frequency: 2 }), false, 'non-overlapping, as findall');
});

test('countWords agrees with the \\w+ definition on scripts with and without ASCII, combining marks and astral characters', () => {
  const { words } = { words: (t: string) => t.match(/[\p{L}\p{N}_]+/gu) ?? [] };
  for (const text of ['naïve café 3.14', 'नमस्ते दुनिया', 'e\u0301cole', '𝒜𝒷𝒸 def_ghi', '日本語のテキスト、です。', '', '  x  ']) {
    assert.equal(countWords(text), words(text).length, JSON.stringify(text));
  }
});

test('countUpperTokens equals word_tokenize-then-isupper on 2,000 generated texts of mixed words and punctuation', () => {
  const pieces = ['NASA', 'the', 'FBI,', "DON'T", 'ok.', '(SURE)', 'A;B', 'x!Y', '...', 'ÉTÉ', 'naïve', '"QUOTE"', 'I', 'A-B', 'mIxEd', '?!', "it's", 'U.S.', '12', '—'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let t = 0; t < 2000; t++) {
    const words = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]);
    const text = words.join(next() % 3 === 0 ? '\n' : ' ');
    assert.equal(countUpperTokens(text), wordTokenize(text).filter(pyIsUpper).length, JSON.stringify(text));
  }
});

test('bullet lines counted in one pass agree with the multiline regexes, blank lines, "*" + newline and "**" included', () => {
  const py = (text: string) => (text.match(/^\s*\*[^*].*$/gm) ?? []).length + (text.match(/^\s*-.*$/gm) ?? []).length;
  const cases = ['* a\n* b\n- c', '\n\n  * a\n\n   - b\n', '**bold** line\n* item', '*\nnext line\n* x', 'text - not a bullet\n-dash', '  *', '*', '- ', 'a\n\n\n   \n* b'];
  for (const text of cases) assert.equal(check('detectable_format:number_bullet_lists', text, { num_bullets: py(text) }), true, JSON.stringify(text));
});

test('loose verdicts are the same whether the variants are all tried or only the distinct ones', () => {
  const gts = [
    { instruction_id_list: ['startend:quotation'], kwargs: [{}] },
    { instruction_id_list: ['detectable_format:title', 'punctuation:no_comma'], kwargs: [{}, {}] },
    { instruction_id_list: ['length_constraints:number_words'], kwargs: [{ relation: 'less than', num_words: 4 }] },
  ];
  for (const response of ['Sure:\n"quoted"', '"one line"', '*Note*\n<<T>> x\nlast, line', 'a b c d e\nf', 'x']) {
    for (const gt of gts) {
      const v = judge(response, gt);
      const all = gt.instruction_id_list.map((id, i) => looseVariants(response).some((r) => r.trim() !== '' && CHECKS[id](r, gt.kwargs[i])));
      assert.deepEqual(v.loose, all, `${JSON.stringify(response)} ${gt.instruction_id_list}`);
    }
  }
});

test('the distinct loose variants are exactly the reference\'s variants without repeats (stars, blank edges, one line)', async () => {
  const { otherVariantsForTest } = await import('../../bootcamps/ifeval/ifeval.ts');
  for (const response of ['*a*\n  *b*  \n*c*', 'x', '*only one line*', 'a\n\n*  spaced *\n\nz*', '\n*\n', 'no stars\nat all\nhere']) {
    // Variants that are only white space never count (r.strip() is falsy), so leaving them out changes nothing.
    const useful = (vs: string[]) => new Set(vs.filter((v) => v !== response && v.trim() !== ''));
    assert.deepEqual(useful(otherVariantsForTest(response)), useful(looseVariants(response).slice(1)), JSON.stringify(response));
  }
});

test('word and capital-token counts of a text with lines cut off are derived exactly from the whole text', () => {
  const base = 'FIRST LINE here, OK\nsecond LINE with NASA\n  third: FBI and cia\nLAST one';
  const lines = base.split('\n');
  const pieces = [base, lines.slice(1).join('\n').trim(), lines.slice(0, -1).join('\n').trim(), lines.slice(1, -1).join('\n').trim(), base.slice(3), 'IRST LINE'];
  for (const text of pieces) {
    countWords(base);
    assert.equal(countWords(text), (text.match(/[\p{L}\p{N}_]+/gu) ?? []).length, JSON.stringify(text));
    countUpperTokens(base);
    assert.equal(countUpperTokens(text), wordTokenize(text).filter(pyIsUpper).length, JSON.stringify(text));
  }
});

test('the language detector names each language the shared prompts ask for, on a paragraph of it (our own samples)', async () => {
  const { detectLanguage } = await import('../../bootcamps/ifeval/language.ts');
  const samples = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/ifeval/language-samples.json'), 'utf8')) as Record<string, string>;
  const asked = new Set<string>();
  if (existsSync(SHARED)) for (const line of readFileSync(SHARED, 'utf8').split('\n').filter(Boolean)) for (const kw of JSON.parse(line).kwargs) if (kw.language) asked.add(kw.language);
  for (const language of asked) assert.ok(language in samples, `a sample for ${language}, which the data asks for`);
  for (const [language, text] of Object.entries(samples)) if (!language.startsWith('_')) assert.equal(detectLanguage(text), language, language);
  assert.equal(detectLanguage('1234 5678 !!!'), undefined, 'nothing to judge: counts as followed');
});

test('options, sections, two responses, a repeated prompt and commas at their edges', () => {
  assert.equal(check('detectable_format:constrained_response', '  My answer is maybe.  '), true);
  assert.equal(check('detectable_format:constrained_response', 'My answer is Yes.'), false, 'case matters');
  assert.equal(check('detectable_format:multiple_sections', 'SECTION 1\na\nSECTION 2\nb', { section_spliter: 'SECTION', num_sections: 2 }), true);
  assert.equal(check('detectable_format:multiple_sections', 'SECTION 1\na\nSECTION two\nb', { section_spliter: 'SECTION', num_sections: 2 }), false);
  assert.equal(check('combination:two_responses', 'first answer\n******\nsecond answer'), true);
  assert.equal(check('combination:two_responses', 'same\n******\nsame'), false);
  assert.equal(check('combination:two_responses', 'a\n******\n\n******\nb'), false, 'an empty middle response');
  assert.equal(check('combination:two_responses', '******\na\n******\nb\n******'), true, 'empty ends are allowed');
  assert.equal(check('combination:repeat_prompt', '  Write a poem about cats. Here it is...', { prompt_to_repeat: 'write a poem about cats.' }), true);
  assert.equal(check('combination:repeat_prompt', 'Sure! Write a poem about cats.', { prompt_to_repeat: 'Write a poem about cats.' }), false);
  assert.equal(check('punctuation:no_comma', 'No commas here at all'), true);
  assert.equal(check('punctuation:no_comma', 'One, comma'), false);
  assert.equal(check('punctuation:no_comma', 'A full-width comma， is not a comma'), true);
});
