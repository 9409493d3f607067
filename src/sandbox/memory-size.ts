// Memory sizes as Docker and ms-enclave write them ("4g", "512m", "1024k", or bytes), in MB.

/** "4g" → 4096, "512m" → 512, "1024k" → 1, "2048" (bytes) → 1; undefined for anything else. */
export function memoryLimitMb(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const m = /^(\d+)([kmgKMG]?)$/.exec(String(value).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 'm' ? n : Math.max(1, Math.ceil(n / (unit === 'k' ? 1024 : 1024 * 1024)));
}
