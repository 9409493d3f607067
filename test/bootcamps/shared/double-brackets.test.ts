// The hand-written double-bracket scanners against the general linear-time Python-regex engine, on random
// strings made of the characters that matter, and on the shapes that could make a scanner quadratic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAllDoubleBracket, findAllDoubleBracketNoClose, findAllSpacedDoubleBrackets } from '../../../bootcamps/shared/double-brackets.ts';
import { PyRegex } from '../../../bootcamps/shared/py-regex.ts';

function randomStrings(count: number, seed: number): string[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  const alphabet = ['[', ']', '\n', 'a', ' ', '[[', ']]'];
  return Array.from({ length: count }, () => Array.from({ length: next() % 24 }, () => alphabet[next() % alphabet.length]).join(''));
}

test('findAllDoubleBracket equals re.findall(r"\\[\\[(.*?)\\]\\]") with and without DOTALL on 5,000 random strings', () => {
  const line = new PyRegex(String.raw`\[\[(.*?)\]\]`);
  const all = new PyRegex(String.raw`\[\[(.*?)\]\]`, { dotAll: true });
  for (const s of randomStrings(5000, 7)) {
    assert.deepEqual(findAllDoubleBracket(s), line.findall(s), JSON.stringify(s));
    assert.deepEqual(findAllDoubleBracket(s, true), all.findall(s), JSON.stringify(s));
  }
});

test('findAllSpacedDoubleBrackets equals re.findall(r"\\[\\s*\\[\\s*.*?\\s*\\]\\s*\\]", DOTALL) on 5,000 random strings', () => {
  const re = new PyRegex(String.raw`\[\s*\[\s*.*?\s*\]\s*\]`, { dotAll: true });
  let x = 3;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  const alphabet = ['[', ']', ' ', '\n', '\u3000', 'a', '1,', '[[', ']]', '] ]'];
  for (let n = 0; n < 5000; n++) {
    const s = Array.from({ length: next() % 24 }, () => alphabet[next() % alphabet.length]).join('');
    assert.deepEqual(findAllSpacedDoubleBrackets(s), re.findall(s), JSON.stringify(s));
  }
});

test('findAllDoubleBracketNoClose equals re.findall(r"\\[\\[([^]]+)\\]\\]") on 5,000 random strings', () => {
  const re = new PyRegex(String.raw`\[\[([^]]+)\]\]`);
  for (const s of randomStrings(5000, 11)) assert.deepEqual(findAllDoubleBracketNoClose(s), re.findall(s), JSON.stringify(s));
});

test('the scanners do not go quadratic (minutes) on a megabyte of openers, of openers and newlines, or of single closers', () => {
  const shapes = ['[['.repeat(500_000), '[[\n'.repeat(350_000), '[[]'.repeat(350_000), '['.repeat(100_000) + ']'.repeat(100_000)];
  for (const s of shapes) {
    const started = performance.now();
    findAllDoubleBracket(s);
    findAllDoubleBracket(s, true);
    findAllDoubleBracketNoClose(s);
    findAllSpacedDoubleBrackets(s);
    assert.ok(performance.now() - started < 1_000, `${JSON.stringify(s.slice(0, 6))}…: ${(performance.now() - started).toFixed(0)} ms`);
  }
});

test('findAllBetweenIgnoreCase equals re.findall(r"\\[answer\\](.*?)\\[/answer\\]", DOTALL | IGNORECASE) on random strings', async () => {
  const { findAllBetweenIgnoreCase } = await import('../../../bootcamps/shared/py-regex.ts');
  const re = new PyRegex(String.raw`\[answer\](.*?)\[/answer\]`, { dotAll: true, ignoreCase: true });
  let x = 3;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  const pieces = ['[answer]', '[/answer]', '[ANSWER]', '[/anſwer]', 'a', '\n', '[', ']'];
  for (let n = 0; n < 3000; n++) {
    const s = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
    assert.deepEqual(findAllBetweenIgnoreCase(s, '[answer]', '[/answer]'), re.findall(s), JSON.stringify(s));
  }
});

test('the ```json block scanner equals re.findall(r"```json\\s*([\\s\\S]*?)\\s*```") on random strings', async () => {
  const { findAllBetween, pyStrip } = await import('../../../bootcamps/shared/py-str.ts');
  const re = new PyRegex('```json\\s*([\\s\\S]*?)\\s*```');
  let x = 9;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  const pieces = ['```json', '```', ' ', '\n', 'a', '{', '}', '`'];
  for (let n = 0; n < 3000; n++) {
    const s = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
    assert.deepEqual(findAllBetween(s, '```json', '```').map(pyStrip), re.findall(s), JSON.stringify(s));
  }
});
