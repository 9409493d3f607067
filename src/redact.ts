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

const SECRET_FLAG = /^--?(api_key|sandbox_token|token|hf_token)$/i;
const SECRET_HEADER = /^\s*(authorization|api-key|x-api-key)\s*:/i;

/** A command line safe to record (run.lock): secret flags' values and Authorization headers become "***". */
export function redactCommandLine(argv: readonly string[], secrets: readonly (string | undefined)[]): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (SECRET_FLAG.test(name)) {
      out.push(eq > 0 ? `${name}=${PLACEHOLDER}` : arg);
      if (eq < 0 && i + 1 < argv.length) {
        out.push(PLACEHOLDER);
        i++;
      }
    } else if (SECRET_HEADER.test(arg)) {
      out.push(arg.replace(/:.*/, `: ${PLACEHOLDER}`));
    } else if (/^(api_key|sandbox_token|token)=/i.test(arg) || /(^|,)(api_key|target\.api_endpoint\.api_key)=/i.test(arg)) {
      out.push(arg.replace(/((?:^|,)[^=,]*(?:api_key|token)=)[^,]*/gi, `$1${PLACEHOLDER}`));
    } else {
      out.push(arg);
    }
  }
  return redactText(out.map((a) => (/^[\w@%+=:,./*-]+$/.test(a) ? a : JSON.stringify(a))).join(' '), secrets);
}
