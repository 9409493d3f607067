// The few fields of a details row the viewer filters and sorts on, read from the line's bytes without parsing
// the whole row: a row is mostly its prompt, output and reasoning strings, and JSON.parse of 200k rows spent
// most of its time building strings nobody looks at until an item is opened. Top-level keys are walked and
// string values skipped with Buffer.indexOf; anything the walker does not understand falls back to JSON.parse.

export interface RowFields {
  id: number;
  repeat: number;
  data_source: string;
  score: number;
  output_len: number;
  finish_reason: string | null;
  latency_ms: number;
  /** The error's kind ("ApiError", "TimeoutError", ...) when the item failed. */
  error_kind: string | null;
  verify_error: boolean;
  has_reasoning: boolean;
  /** The LLM judge's part: none, judged, pending (left for later), suspect (the answer held verdict-shaped text), error. */
  judge: 'none' | 'judged' | 'pending' | 'suspect' | 'error';
}

function judgeKind(value: unknown): RowFields['judge'] {
  if (!value || typeof value !== 'object') return 'none';
  const j = value as { pending?: unknown; injection_suspect?: unknown; score?: unknown };
  if (j.pending === true) return 'pending';
  if (j.injection_suspect === true) return 'suspect';
  return typeof j.score === 'number' ? 'judged' : 'error';
}

const QUOTE = 34;
const BACKSLASH = 92;

/** Index just past the closing quote of the string whose opening quote is at `open`, or -1. */
function stringEnd(b: Buffer, open: number, end: number): number {
  let from = open + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, from);
    if (q === -1 || q >= end) return -1;
    let slashes = 0;
    for (let k = q - 1; k > open && b[k] === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** Index just past the value starting at `at` (after whitespace), or -1. */
function valueEnd(b: Buffer, at: number, end: number): number {
  const c = b[at];
  if (c === QUOTE) return stringEnd(b, at, end);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let k = at; k < end; k++) {
      const ch = b[k];
      if (ch === QUOTE) {
        const e = stringEnd(b, k, end);
        if (e === -1) return -1;
        k = e - 1;
      } else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return -1;
  }
  let k = at;
  while (k < end && b[k] !== 44 && b[k] !== 125 && b[k] !== 32 && b[k] !== 10 && b[k] !== 13 && b[k] !== 9) k++;
  return k;
}

function skipSpace(b: Buffer, k: number, end: number): number {
  while (k < end && (b[k] === 32 || b[k] === 9 || b[k] === 10 || b[k] === 13)) k++;
  return k;
}

function fromParsed(line: Buffer): RowFields | undefined {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!row || typeof row !== 'object' || typeof row.id !== 'number') return undefined;
  const error = row.error as { kind?: unknown } | undefined | null;
  return {
    id: row.id,
    repeat: typeof row.repeat === 'number' ? row.repeat : 0,
    data_source: String(row.data_source ?? ''),
    score: typeof row.score === 'number' ? row.score : 0,
    output_len: typeof row.output_len === 'number' ? row.output_len : 0,
    finish_reason: typeof row.finish_reason === 'string' ? row.finish_reason : null,
    latency_ms: typeof row.latency_ms === 'number' ? row.latency_ms : 0,
    error_kind: error && typeof error === 'object' ? String(error.kind ?? 'error') : null,
    verify_error: typeof row.verify_error === 'string',
    has_reasoning: typeof row.reasoning_content === 'string' && row.reasoning_content !== '',
    judge: judgeKind(row.judge),
  };
}

/** The row's fields, or undefined when the line is not a details row. */
export function rowFields(line: Buffer): RowFields | undefined {
  const end = line.length;
  const out: RowFields = { id: NaN, repeat: 0, data_source: '', score: 0, output_len: 0, finish_reason: null, latency_ms: 0, error_kind: null, verify_error: false, has_reasoning: false, judge: 'none' };
  let k = skipSpace(line, 0, end);
  if (line[k] !== 123) return undefined;
  k = skipSpace(line, k + 1, end);
  while (k < end && line[k] !== 125) {
    if (line[k] !== QUOTE) return fromParsed(line);
    const keyEnd = stringEnd(line, k, end);
    if (keyEnd === -1) return fromParsed(line);
    const key = line.toString('latin1', k + 1, keyEnd - 1);
    k = skipSpace(line, keyEnd, end);
    if (line[k] !== 58) return fromParsed(line);
    const at = skipSpace(line, k + 1, end);
    const after = valueEnd(line, at, end);
    if (after === -1) return fromParsed(line);
    switch (key) {
      case 'id':
      case 'repeat':
      case 'score':
      case 'output_len':
      case 'latency_ms': {
        const n = Number(line.toString('latin1', at, after));
        if (Number.isFinite(n)) out[key] = n;
        else if (key === 'id') return fromParsed(line);
        break;
      }
      case 'data_source':
      case 'finish_reason':
      case 'error':
      case 'judge':
        // Short values: parsing them is exact (escapes included) and cheap.
        try {
          const value: unknown = JSON.parse(line.toString('utf8', at, after));
          if (key === 'data_source') out.data_source = String(value ?? '');
          else if (key === 'finish_reason') out.finish_reason = typeof value === 'string' ? value : null;
          else if (key === 'judge') out.judge = judgeKind(value);
          else if (value && typeof value === 'object') out.error_kind = String((value as { kind?: unknown }).kind ?? 'error');
        } catch {
          return fromParsed(line);
        }
        break;
      case 'verify_error':
        out.verify_error = line[at] === QUOTE;
        break;
      case 'reasoning_content':
        out.has_reasoning = line[at] === QUOTE && after - at > 2;
        break;
    }
    k = skipSpace(line, after, end);
    if (line[k] === 44) k = skipSpace(line, k + 1, end);
  }
  return Number.isFinite(out.id) ? out : undefined;
}
