// data: URIs as images travel in them: the declared type, whether it is base64, and the payload; and the one
// check of base64 text both the evaluator and the mock make (strict alphabet, whole groups of four).

export interface DataUri {
  /** The declared media type, lower case ("image/png"; "" when none is written). */
  mime: string;
  base64: boolean;
  payload: string;
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The parts of a data: URI, or undefined when it has no comma after its header. */
export function splitDataUri(uri: string): DataUri | undefined {
  const m = DATA_URI.exec(uri);
  if (!m) return undefined;
  return { mime: m[1].toLowerCase(), base64: /;base64$/i.test(m[2]), payload: uri.slice(m[0].length) };
}

/** Padded base64 in the standard alphabet (what Buffer.from would read without silently skipping anything). */
export function isStrictBase64(payload: string): boolean {
  return payload.length % 4 === 0 && BASE64.test(payload);
}
