// The one place that hides secrets: API keys and tokens never reach a file, a log line or an error message.

const PLACEHOLDER = '***';

/** The key as it may be shown: "EMPTY" (the conventional no-key value) stays, anything else becomes "***". */
export function redactKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '' || key === 'EMPTY') return key;
  return PLACEHOLDER;
}

/** Replaces every occurrence of each secret in a text (error bodies sometimes echo the Authorization header). */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret !== 'EMPTY' && secret.length >= 4) out = out.split(secret).join(PLACEHOLDER);
  }
  return out;
}

const SECRET_KEYS = new Set(['api_key', 'sandbox_token', 'authorization', 'token']);

/** A copy of a settings object safe to write: secret-named keys redacted, header values of Authorization hidden. */
export function redactSettings<T extends Record<string, unknown>>(settings: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (SECRET_KEYS.has(key.toLowerCase()) && typeof value === 'string') out[key] = redactKey(value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = redactSettings(value as Record<string, unknown>);
    else if (key === 'header' && Array.isArray(value)) {
      out[key] = value.map((h) => (typeof h === 'string' && /^\s*(authorization|api-key|x-api-key)\s*:/i.test(h) ? h.replace(/:.*/, ': ***') : h));
    } else out[key] = value;
  }
  return out as T;
}
