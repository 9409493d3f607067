// Before the first request: is the server up, and does it list our model? Retried every --check_interval
// seconds up to --check_max_attempts, saying each time what is wrong. With several endpoints the run starts
// as soon as one passes; the others are named and left out of the rotation until a probe finds them up.
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

/** One check: undefined when the endpoint lists the model, else what is wrong; a refused key is fatal. */
export async function checkOnce(http: HttpClient, modelName: string, timeoutMs?: number): Promise<string | undefined> {
  try {
    const ids = await listModels(http, timeoutMs);
    if (ids.includes(modelName)) return undefined;
    return `model '${modelName}' is not listed; the server has: ${ids.join(', ') || '(none)'}`;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      throw new FatalApiError(`${http.url('models')} refused the API key (HTTP ${err.status}); check --api_key`);
    }
    return `${http.url('models')} is not reachable: ${(err as Error).message}`;
  }
}

function pause(sec: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, sec * 1000);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function checkModelAvailable(options: HealthCheckOptions): Promise<void> {
  const { http, modelName, intervalSec, maxAttempts, log } = options;
  let lastProblem = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const problem = await checkOnce(http, modelName, options.timeoutMs);
    if (problem === undefined) {
      if (attempt > 1) log(`Model '${modelName}' is available (attempt ${attempt}).`);
      return;
    }
    lastProblem = problem;
    if (attempt === maxAttempts) break;
    log(`Health check ${attempt}/${maxAttempts}: ${lastProblem}. Retrying in ${intervalSec} s.`);
    await pause(intervalSec, options.signal);
    if (options.signal?.aborted) break;
  }
  throw new HealthCheckError(`health check failed after ${maxAttempts} attempt(s): ${lastProblem} (--check_model_url false skips this check)`);
}

/**
 * Checks every endpoint at once, each attempt; returns the URLs that failed theirs once at least one passed.
 * Every endpoint failing every attempt is the run's HealthCheckError (exit 2).
 */
export async function checkEndpoints(endpoints: readonly { url: string; http: HttpClient }[], options: Omit<HealthCheckOptions, 'http'>): Promise<Set<string>> {
  if (endpoints.length === 1) {
    await checkModelAvailable({ ...options, http: endpoints[0].http });
    return new Set();
  }
  const { modelName, intervalSec, maxAttempts, log } = options;
  let problems: (string | undefined)[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    problems = await Promise.all(endpoints.map((e) => checkOnce(e.http, modelName, options.timeoutMs)));
    if (problems.some((p) => p === undefined)) {
      const down = new Set<string>();
      endpoints.forEach((e, i) => {
        if (problems[i] === undefined) return;
        down.add(e.url);
        log(`Endpoint ${e.url}: ${problems[i]}; left out of the rotation until it answers a probe.`);
      });
      const up = endpoints.length - down.size;
      log(`${up} of ${endpoints.length} endpoints list model '${modelName}'${attempt > 1 ? ` (attempt ${attempt})` : ''}.`);
      return down;
    }
    if (attempt === maxAttempts) break;
    log(`Health check ${attempt}/${maxAttempts}: no endpoint is ready (${problems.join('; ')}). Retrying in ${intervalSec} s.`);
    await pause(intervalSec, options.signal);
    if (options.signal?.aborted) break;
  }
  throw new HealthCheckError(`health check failed after ${maxAttempts} attempt(s) on every endpoint:\n  ${problems.map((p, i) => `${endpoints[i].url}: ${p}`).join('\n  ')}\n(--check_model_url false skips this check)`);
}
