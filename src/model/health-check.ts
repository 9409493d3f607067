// Before the first request: is the server up, and does it list our model? Retried every --check_interval
// seconds up to --check_max_attempts, saying each time what is wrong.
import { ApiError, HttpClient } from './http.ts';
import { HealthCheckError, FatalApiError } from '../errors.ts';

export interface HealthCheckOptions {
  http: HttpClient;
  modelName: string;
  intervalSec: number;
  maxAttempts: number;
  log: (line: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The model ids of GET {url}/models. */
export async function listModels(http: HttpClient, timeoutMs = 30_000): Promise<string[]> {
  const { json } = await http.request('GET', 'models', undefined, timeoutMs);
  const data = (json as { data?: { id?: unknown }[] }).data;
  if (!Array.isArray(data)) throw new Error('GET /models answered without a data list');
  return data.map((m) => String(m.id));
}

export async function checkModelAvailable(options: HealthCheckOptions): Promise<void> {
  const { http, modelName, intervalSec, maxAttempts, log } = options;
  let lastProblem = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const ids = await listModels(http, options.timeoutMs);
      if (ids.includes(modelName)) {
        if (attempt > 1) log(`Model '${modelName}' is available (attempt ${attempt}).`);
        return;
      }
      lastProblem = `model '${modelName}' is not listed; the server has: ${ids.join(', ') || '(none)'}`;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        throw new FatalApiError(`${http.url('models')} refused the API key (HTTP ${err.status}); check --api_key`);
      }
      lastProblem = `${http.url('models')} is not reachable: ${(err as Error).message}`;
    }
    if (attempt === maxAttempts) break;
    log(`Health check ${attempt}/${maxAttempts}: ${lastProblem}. Retrying in ${intervalSec} s.`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalSec * 1000);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (options.signal?.aborted) break;
  }
  throw new HealthCheckError(`health check failed after ${maxAttempts} attempt(s): ${lastProblem} (--check_model_url false skips this check)`);
}
