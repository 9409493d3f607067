// The mock as a judge (--judge contains-gold): it reads the answer and the reference out of the judge prompts
// this project sends (the framed answer between <<<ANSWER>>> markers, the reference under its heading), decides
// by the rule (a verdict of "correct" when the answer contains the reference text), and replies in the format
// the prompt asks for: "Verdict: A/B[/C]", "GRADE: C/I", "[[rating]]", or for two answers "[[A]]/[[B]]/[[C]]".
// --judge-noise wraps the verdict in text with a contrary verdict first; --judge-no-verdict leaves it out;
// --judge-position-bias makes a pairwise verdict "[[A]]" whatever the answers (a flip when asked both ways).
import { createHash } from 'node:crypto';

export interface MockJudgeOptions {
  rule: 'contains-gold';
  noise: number;
  noVerdict: number;
  positionBias: number;
}

function share(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) / 0x1_0000_0000;
}

function between(prompt: string, begin: string, end: string): string | undefined {
  const a = prompt.indexOf(begin);
  if (a < 0) return undefined;
  const b = prompt.indexOf(end, a + begin.length);
  return b < 0 ? undefined : prompt.slice(a + begin.length, b).trim();
}

/** The reference the prompt shows, under any of the shipped templates' headings. */
function referenceOf(prompt: string): string {
  for (const [start, stop] of [['Reference answer:\n', '\n\n'], ['[Expert answer]: ', '\n\n'], ['Gold target: ', '\n']] as const) {
    const r = between(prompt, start, stop);
    if (r !== undefined) return r;
  }
  return '';
}

const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const holds = (answer: string, gold: string) => gold !== '' && normal(answer).includes(normal(gold));

export function mockJudgeReply(prompt: string, seed: unknown, o: MockJudgeOptions): string {
  const key = `${typeof seed === 'number' ? seed : ''}\u0000${prompt}`;
  const gold = referenceOf(prompt);
  let verdict: string;
  let contrary: string;
  const a = between(prompt, '<<<ANSWER A>>>\n', '\n<<<END ANSWER A>>>');
  const b = between(prompt, '<<<ANSWER B>>>\n', '\n<<<END ANSWER B>>>');
  if (a !== undefined && b !== undefined) {
    const [ga, gb] = [holds(a, gold), holds(b, gold)];
    const label = share(`bias${key}`) < o.positionBias ? 'A' : ga && !gb ? 'A' : gb && !ga ? 'B' : 'C';
    verdict = `[[${label}]]`;
    contrary = label === 'A' ? '[[B]]' : '[[A]]';
  } else {
    const answer = between(prompt, '<<<ANSWER>>>\n', '\n<<<END ANSWER>>>') ?? '';
    const good = holds(answer, gold);
    // The format the template asks for, read outside the framed answer (which may imitate any of them).
    const instructions = prompt.replace(answer, '');
    if (/GRADE: C/.test(instructions)) {
      verdict = `GRADE: ${good ? 'C' : 'I'}`;
      contrary = `GRADE: ${good ? 'I' : 'C'}`;
    } else if (/\[\[0\.7\]\]/.test(instructions)) {
      verdict = `Rating: [[${good ? '1.0' : '0.0'}]]`;
      contrary = `[[${good ? '0.0' : '1.0'}]]`;
    } else {
      verdict = `Verdict: ${good ? 'A' : 'B'}`;
      contrary = `Verdict: ${good ? 'B' : 'A'}`;
    }
  }
  if (share(`none${key}`) < o.noVerdict) return 'I cannot decide this one.';
  if (share(`noise${key}`) < o.noise) return `Looking at it closely. A first reading suggested ${contrary}, but that was wrong.\nOn reflection:\n${verdict}`;
  return verdict;
}
