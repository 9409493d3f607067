// The service's HTTP plumbing in one place: one error shape for every 4xx ({"error", "field"?}), bodies read
// under a size limit (413 past it), JSON answers, the bearer-token check (constant time), and path confinement
// (a path from a request resolves, symlinks included, inside its root, or it is refused naming the field).
import type http from 'node:http';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: http.ServerResponse, err: ServiceError): void {
  sendJson(res, err.status, { error: err.message, ...(err.field ? { field: err.field } : {}), status: err.status }, err.headers);
}

/** The request's body as JSON; 413 past `limitBytes`, 400 naming the problem when it is not a JSON object. */
export async function readJsonBody(req: http.IncomingMessage, limitBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw new ServiceError(413, `request body over ${limitBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      req.destroy();
      throw new ServiceError(413, `request body over ${limitBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServiceError(400, 'the body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ServiceError(400, 'expected a JSON object (a TaskConfig)');
  return parsed as Record<string, unknown>;
}

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function authorized(req: http.IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const header = req.headers.authorization ?? '';
  return secretMatches(header.startsWith('Bearer ') ? header.slice(7) : '', token);
}

/** Whether a presented secret equals the token (constant time in the token's length). */
export function secretMatches(presented: string, token: string): boolean {
  const given = Buffer.from(presented, 'utf8');
  const want = Buffer.from(token, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * A path from a request, resolved inside `root` (relative to it; an absolute path only when it lands inside).
 * `..` out of the root, a NUL byte, or a symlink pointing out are a 400 naming the field.
 */
export function confine(root: string, value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new ServiceError(400, 'expected a path', field);
  if (value.includes('\0')) throw new ServiceError(400, 'a path may not contain NUL bytes', field);
  const rootReal = realpathSync(root);
  const joined = path.resolve(rootReal, value);
  // Resolve symlinks of the part that exists: a link inside the root may point outside it.
  let existing = joined;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = path.join(realpathSync(existing), path.relative(existing, joined));
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) throw new ServiceError(400, `the path must stay inside ${field === 'work_dir' ? '--output_root' : '--data_root'}`, field);
  return real;
}
