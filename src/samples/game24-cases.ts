// Game24 cases of our own: numbers, a reachable target, and a solver that finds an expression for it.
import { Fraction } from '../../bootcamps/shared/arithmetic.ts';
import { randInt, type Rng } from './rng.ts';

interface Term {
  value: Fraction;
  text: string;
}

/** An expression using every number once that equals target, or undefined. Exhaustive over pairings (fine up to 6 numbers). */
export function solveGame24(numbers: readonly number[], target: number): string | undefined {
  const goal = Fraction.of(target);
  const seen = new Set<string>();
  const search = (terms: Term[]): string | undefined => {
    if (terms.length === 1) return terms[0].value.equals(goal) ? terms[0].text : undefined;
    const key = terms.map((t) => t.value.toString()).sort().join(',');
    if (seen.has(key)) return undefined;
    seen.add(key);
    for (let i = 0; i < terms.length; i++) {
      for (let j = 0; j < terms.length; j++) {
        if (i === j) continue;
        const a = terms[i];
        const b = terms[j];
        const rest = terms.filter((_, k) => k !== i && k !== j);
        const options: Term[] = [];
        if (i < j) {
          options.push({ value: a.value.add(b.value), text: `(${a.text}+${b.text})` });
          options.push({ value: a.value.mul(b.value), text: `(${a.text}*${b.text})` });
        }
        options.push({ value: a.value.sub(b.value), text: `(${a.text}-${b.text})` });
        if (b.value.num !== 0n) options.push({ value: a.value.div(b.value), text: `(${a.text}/${b.text})` });
        for (const option of options) {
          const found = search([...rest, option]);
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  const found = search(numbers.map((n) => ({ value: Fraction.of(n), text: String(n) })));
  return found?.replace(/^\((.*)\)$/, '$1');
}

export interface Game24Case {
  data_source: 'Game24';
  prompt: string;
  ground_truth: { puzzle: string; target: number };
  solution: string;
}

export function game24Case(rng: Rng): Game24Case {
  for (;;) {
    const count = randInt(rng, 4, 5);
    const numbers = Array.from({ length: count }, () => randInt(rng, 1, 13)).sort((a, b) => a - b);
    const target = rng() < 0.5 ? 24 : randInt(rng, 1, 60);
    const expr = solveGame24(numbers, target);
    if (!expr) continue;
    const puzzle = numbers.join(' ');
    return {
      data_source: 'Game24',
      prompt: `Use each of the numbers ${puzzle} exactly once, with + - * / and parentheses, to make ${target}.\nThink step by step, then give the final expression as "Final Answer: \\boxed{expression}".`,
      ground_truth: { puzzle, target },
      solution: `Trying combinations of ${puzzle}... Final Answer: \\boxed{${expr}}`,
    };
  }
}
