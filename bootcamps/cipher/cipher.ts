// Cipher: encode or decode a text with one of ~30 ciphers described in the prompt; the answer is the last
// ```text block, and the score is partial credit from the Levenshtein distance: (1 − min(d / len, 1))².
// Deliberate difference: the reference recomputes the expected text by running its cipher implementation; we
// read it from the line's own ground_truth (the two agree on all 432 shared lines, which the parity test checks).
import { z } from 'zod';
import { defineBootcamp } from '../define.ts';
import { findAllBetween, pyStrip } from '../shared/py-str.ts';
import { pyStr, type PyValue } from '../shared/py-literal.ts';

/** The cipher environments the reference knows; any other name raises there (score 0). */
const SUPPORTED = new Set([
  'ASCII', 'AtbashCipher', 'Caesar_Cipher', 'DoubleCeaser', 'FourSquareCipher', 'TapCode', 'TrifidCipher',
  ...[
    'Kor_rule1_InverseShiftSubstitutionCipher', 'Kor_rule2_PigpenMasonicCipher', 'Kor_rule3_MultiTapPhoneCode', 'Kor_rule4_PolybiusSquareCipher',
    'Kor_rule5_AffineCipher', 'Kor_rule6_SolitaireCipher', 'Kor_rule7_PhillipsFigureCipher', 'Kor_rule8_PortaCipher', 'Kor_rule9_AlertiCipher',
    'Kor_rule10_JeffersonCipher', 'Kor_rule11_FourSquareCipher', 'Kor_rule12_MorbitCipher', 'Kor_rule13_BifidCipher', 'Kor_rule14_DigrafidCipher',
    'Kor_rule15_CollonCipher', 'Kor_rule16_RedefenceFigureCipher', 'Kor_rule17_PathCipher', 'Kor_rule18_RotatingGridCipher', 'Kor_rule19_ADFGVX',
    'Kor_rule20_TranspositionCipher', 'Kor_rule21_XORCipher', 'Kor_rule22_SBOXCipher', 'Kor_rule23_RSACipher', 'Kor_rule24_ECCCipher', 'Kor_rule25_SHACipher',
  ],
]);

const groundTruth = z.looseObject({
  source_filename: z.string(),
  cipher_name: z.string(),
  ground_truth: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
});

/** Levenshtein distance over code points (Python's distance.levenshtein on str). */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

export const cipher = defineBootcamp({
  name: 'Cipher',
  answerFormat: 'Final-answer: ```text ... ``` (the last block); partial credit by edit distance',
  groundTruth,
  // The reference swaps quotes and brackets for a json.loads it then never applies (the text is not a dict).
  extract: (output) => {
    const last = findAllBetween(output, '```text', '```').map(pyStrip).at(-1);
    return last === undefined ? null : last.replaceAll("'", '"').replaceAll('(', '[').replaceAll(')', ']');
  },
  check: (solution: string, gt) => {
    if (!SUPPORTED.has(gt.cipher_name)) throw new Error(`cipher_source ${gt.source_filename} is not supported`);
    if (!gt.source_filename.includes('encode') && !gt.source_filename.includes('decode')) throw new Error('neither encode nor decode');
    const expected = Array.from(pyStr(gt.ground_truth as PyValue).toLowerCase());
    if (expected.length === 0) throw new Error('division by zero');
    const given = Array.from(solution.toLowerCase());
    // The distance is at least the length difference; when that alone reaches the expected length the ratio is
    // capped at 1 and the score is 0, so a huge answer is not compared character by character.
    if (Math.abs(given.length - expected.length) >= expected.length) return 0;
    const score = 1 - Math.min(levenshtein(given, expected) / expected.length, 1);
    return score * score;
  },
});
