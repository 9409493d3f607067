// Where a data set file comes from: a local copy under --dataset_dir (laid out as the hub has it,
// DIR/<repository>/<file>), the cache (<cache>/<hub>/<repository>/<revision>/<file>), or a download from the
// Hugging Face or ModelScope hub. A download goes to a .part file beside its cache place, resumes with Range
// after an interruption, is checked against its sha256 when one is pinned, and is renamed into the cache
// only when whole. Offline (--offline, HF_HUB_OFFLINE=1), a missing file is one message saying where to put it.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { UserError } from '../errors.ts';

export type Hub = 'huggingface' | 'modelscope';

export interface HubFile {
  hub: Hub;
  /** e.g. "openai/gsm8k" */
  repo: string;
  /** A branch, tag or commit; pinned benchmarks name a commit. */
  revision: string;
  /** Path inside the repository, e.g. "main/test-00000-of-00001.parquet". */
  path: string;
  /** Hex sha256 of the file, when pinned. */
  sha256?: string;
}

export interface HubEnv {
  HF_ENDPOINT?: string;
  HF_TOKEN?: string;
  MODELSCOPE_ENDPOINT?: string;
  MODELSCOPE_API_TOKEN?: string;
}

export interface ResolveOptions {
  /** --dataset_dir: local copies, looked at first. Default: none. */
  datasetDir?: string;
  /** --cache_dir. */
  cacheDir: string;
  /** --offline or HF_HUB_OFFLINE=1: never download. */
  offline: boolean;
  env: HubEnv;
  log: (line: string) => void;
  /**
   * What a sha256 mismatch does: "enforce" deletes the download and fails, "warn" keeps it with a warning.
   * Default: enforce for the hubs' own endpoints, warn when HF_ENDPOINT / MODELSCOPE_ENDPOINT point elsewhere
   * (a mirror or a test server may serve other bytes on purpose).
   */
  checksums?: 'enforce' | 'warn';
  /** Called as bytes arrive (total when the server says it). Default: nothing shown. */
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

const DEFAULT_ENDPOINT: Record<Hub, string> = { huggingface: 'https://huggingface.co', modelscope: 'https://www.modelscope.cn' };

/** A data set file that cannot be had: what is missing or refused, and what to do. */
export class DatasetUnavailableError extends UserError {
  override name = 'DatasetUnavailableError';
}

function endpointOf(file: HubFile, env: HubEnv): string {
  const custom = file.hub === 'huggingface' ? env.HF_ENDPOINT : env.MODELSCOPE_ENDPOINT;
  return (custom || DEFAULT_ENDPOINT[file.hub]).replace(/\/+$/, '');
}

/** The URL a hub serves a file's bytes at (Hugging Face's resolve URL, ModelScope's file API). */
export function hubFileUrl(file: HubFile, env: HubEnv): string {
  const base = endpointOf(file, env);
  const filePath = file.path.split('/').map(encodeURIComponent).join('/');
  if (file.hub === 'huggingface') return `${base}/datasets/${file.repo}/resolve/${encodeURIComponent(file.revision)}/${filePath}`;
  return `${base}/api/v1/datasets/${file.repo}/repo?Revision=${encodeURIComponent(file.revision)}&FilePath=${encodeURIComponent(file.path)}`;
}

/** <cache>/<hub>/<repository>/<revision>/<file>: one place per pinned version. */
export function cachePath(file: HubFile, cacheDir: string): string {
  return path.join(cacheDir, file.hub, ...file.repo.split('/'), file.revision, ...file.path.split('/'));
}

/** The file's local path: the --dataset_dir copy, else the cached one, else downloaded into the cache. */
export async function resolveHubFile(file: HubFile, options: ResolveOptions): Promise<string> {
  if (options.datasetDir !== undefined) {
    const local = path.join(options.datasetDir, ...file.repo.split('/'), ...file.path.split('/'));
    if (existsSync(local)) return local;
  }
  const cached = cachePath(file, options.cacheDir);
  if (existsSync(cached)) return cached;
  if (options.offline) {
    const places = [...(options.datasetDir !== undefined ? [path.join(options.datasetDir, file.repo, file.path)] : []), cached];
    throw new DatasetUnavailableError(
      `${file.repo}/${file.path} (${file.hub}, revision ${file.revision}) is not here, and offline nothing is downloaded (--offline or HF_HUB_OFFLINE=1). ` +
        `Put the file at ${places.join(' or ')}, or run without --offline.`,
    );
  }
  await download(file, cached, options);
  return cached;
}

async function download(file: HubFile, target: string, options: ResolveOptions): Promise<void> {
  const url = hubFileUrl(file, options.env);
  const part = `${target}.part`;
  mkdirSync(path.dirname(target), { recursive: true });
  const token = file.hub === 'huggingface' ? options.env.HF_TOKEN : options.env.MODELSCOPE_API_TOKEN;
  const have = existsSync(part) ? statSync(part).size : 0;
  const headers: Record<string, string> = { 'user-agent': 'bootcamp-eval' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (have > 0) headers.range = `bytes=${have}-`;
  const where = `${file.repo}/${file.path}`;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: 'follow' });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
    throw new DatasetUnavailableError(`cannot download ${where} from ${url}: ${cause}. Check the network, or put the file under --dataset_dir (${file.repo}/${file.path}) and use --offline.`);
  }
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    const how =
      file.hub === 'huggingface'
        ? `accept its terms at https://huggingface.co/datasets/${file.repo} and set HF_TOKEN to a token of that account${token ? ' (the HF_TOKEN given was refused)' : ''}`
        : `set MODELSCOPE_API_TOKEN to a token with access${token ? ' (the token given was refused)' : ''}`;
    throw new DatasetUnavailableError(`${where} is gated on ${file.hub} (HTTP ${response.status}): ${how}.`);
  }
  if (response.status === 416 && have > 0) {
    // The .part is already whole (or longer than the file): start afresh rather than trust it.
    await response.body?.cancel();
    rmSync(part, { force: true });
    return download(file, target, options);
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new DatasetUnavailableError(`cannot download ${where}: HTTP ${response.status} from ${url}${response.status === 404 ? ' (no such file or revision)' : ''}.`);
  }
  // A server that ignores Range sends the whole file with 200: then the .part starts over.
  const resumed = response.status === 206 && have > 0;
  if (resumed) options.log(`Resuming the download of ${where} at byte ${have}.`);
  const out = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? length + (resumed ? have : 0) : undefined;
  let received = resumed ? have : 0;
  try {
    for await (const chunk of response.body ?? []) {
      received += (chunk as Uint8Array).byteLength;
      options.onProgress?.(received, total);
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } catch (err) {
    // What arrived stays in the .part; the next run resumes from there.
    await new Promise<void>((resolve) => out.end(() => resolve()));
    throw new DatasetUnavailableError(`the download of ${where} broke off (${(err as Error).message}); run again to resume it.`);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  if (file.sha256) {
    const actual = await sha256Of(part);
    if (actual !== file.sha256.toLowerCase()) {
      const policy = options.checksums ?? (endpointOf(file, options.env) === DEFAULT_ENDPOINT[file.hub] ? 'enforce' : 'warn');
      const message = `${where}: sha256 ${actual} differs from the pinned ${file.sha256}`;
      if (policy === 'enforce') {
        rmSync(part, { force: true });
        throw new DatasetUnavailableError(`${message}; the download was deleted. Run again, or report the benchmark's pin if it persists.`);
      }
      options.log(`Warning: ${message} (served by ${endpointOf(file, options.env)}, not the hub itself; kept).`);
    }
  }
  renameSync(part, target);
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
