// Relaxed accuracy (ChartQA, Methani et al.): a numeric answer within 5% of a numeric gold answer counts, with
// percentages read as fractions; anything else must match exactly, case ignored. And the "ANSWER: ..." line
// reader VQA prompts ask for. Pure; used by the vqa bootcamps.

/** The text after the last "ANSWER:" (to the end of that line), trimmed; undefined when there is none. */
export function lastAnswerLine(output: string): string | undefined {
  let found: string | undefined;
  // As EvalScope's re.findall(r'ANSWER:\s*(.*)'): the spaces after the colon may run over line ends.
  for (const m of output.matchAll(/ANSWER:\s*([^\n]*)/g)) found = m[1];
  return found?.trim();
}

/** Python's float() of a trimmed answer ("12", "-3.5e2", " 7 "), or "45%" as 0.45; undefined otherwise. */
function toFloat(text: string): number | undefined {
  const percent = text.endsWith('%');
  const body = (percent ? text.replace(/%+$/, '') : text).trim().replaceAll('_', '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body) && !/^[+-]?(inf|infinity|nan)$/i.test(body)) return undefined;
  const value = Number(/inf/i.test(body) ? body.replace(/inf(inity)?/i, 'Infinity') : body);
  return percent ? value / 100 : value;
}

export function relaxedCorrect(prediction: string, target: string, maxRelativeChange = 0.05): boolean {
  const p = toFloat(prediction);
  const t = toFloat(target);
  // A zero gold number falls back to the text comparison, as the reference's `if target_float:`.
  if (p !== undefined && t !== undefined && t !== 0) return Math.abs(p - t) / Math.abs(t) <= maxRelativeChange;
  return prediction.toLowerCase() === target.toLowerCase();
}
