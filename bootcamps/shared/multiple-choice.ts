// Reading a multiple-choice answer the way EvalScope's parse_answers does: the last "ANSWER: X" marker that is
// followed by a label of this question (bracketed "(B)" or plain "B", a justification after it ignored), else
// the last capital letter of the reply when it is one of the labels. One helper for every multiple-choice task.

/** The labels of a question with n choices: A, B, C, ... */
export function choiceLetters(n: number): string {
  let letters = '';
  for (let i = 0; i < n; i++) letters += String.fromCharCode(65 + i);
  return letters;
}

const MARKER = /answer\s*:\s*\**\s*/gi;
const BRACKETED = /^[([（【]\s*([A-Za-z\d](?:\s*[,，]\s*[A-Za-z\d])*)\s*[)\]）】]/;
const PLAIN = /^([A-Za-z\d][A-Za-z\d ,]*)/;
const TOKEN = /[A-Za-z\d]+/g;

/** The leading part of a capture made only of this question's labels ("B, not C" → "B"). */
function labelPrefix(capture: string, allowed: string): string {
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(capture); m; m = TOKEN.exec(capture)) {
    const word = m[0];
    if (![...word].every((ch) => allowed.includes(ch))) break;
    end = m.index + word.length;
  }
  return capture.slice(0, end);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The label of the last marker actually followed by one, or null. */
function lastMarkedLabel(text: string, allowed: string): string | null {
  const ends: number[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    ends.push(m.index + m[0].length);
    if (m[0].length === 0) MARKER.lastIndex++;
  }
  for (let i = ends.length - 1; i >= 0; i--) {
    // A label is short: looking at the first 200 characters after a marker keeps a hostile reply linear.
    const tail = text.slice(ends[i], ends[i] + 200);
    for (const re of [BRACKETED, PLAIN]) {
      const label = re.exec(tail);
      if (!label) continue;
      const prefix = labelPrefix(label[1], allowed);
      if (prefix) return prefix;
    }
  }
  return null;
}

/**
 * The letters a reply chooses, sorted and joined ("C", or "AC" with multipleCorrect), or "" when it chooses
 * none this question has. `allowed` is the question's labels ("ABCD").
 */
export function parseChoiceAnswer(text: string, allowed: string, multipleCorrect = false): string {
  const marked = lastMarkedLabel(text, allowed);
  if (marked === null) {
    // No usable marker: the last capital letter, if it is a label (another capital is no answer at all).
    const chars = [...text];
    for (let i = chars.length - 1; i >= 0; i--) {
      if (isUpper(chars[i])) return allowed.includes(chars[i]) && chars[i].length === 1 ? chars[i] : '';
    }
    return '';
  }
  let matched = marked.trim().replace(/\.+$/, '');
  if (!multipleCorrect) return matched.length === 1 && allowed.includes(matched) ? matched : '';
  matched = matched.replaceAll(' and ', '').replaceAll(' ', '').replaceAll('，', ',');
  const byComma = matched.split(',');
  const pick = byComma.every((x) => x.length === 1 && allowed.includes(x)) ? byComma : [...matched].every((x) => allowed.includes(x)) ? [...matched] : [];
  return [...new Set(pick)].sort().join('');
}
