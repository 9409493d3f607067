// The viewer's JSON, fetched from the same server (the token, if any, rides in its HttpOnly cookie).
export class ApiError extends Error {}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? `HTTP ${res.status}`);
  return body as T;
}

export interface RunInfo {
  id: string;
  model: string;
  inputs: string;
  started: string | null;
  items: number;
  score: number | null;
  errors: number;
  state: 'finished' | 'interrupted' | 'running';
}

export interface GroupStat {
  dataSource: string;
  bootcamp: string;
  n: number;
  errors: number;
  verifyErrors: number;
  avgScore: number;
  avgLen: number;
  lengthCutShare: number;
  passAtK?: Record<string, number>;
  ci: [number, number];
}

export interface RunDetail {
  info: RunInfo;
  groups: GroupStat[];
  total: { avgScore: number; n: number; errors: number };
  settings: Record<string, unknown>;
  facets: { files: string[]; bootcamps: string[]; errors: string[]; finishes: string[]; judged: boolean };
}

export interface ItemSummary {
  pos: number;
  file: string;
  id: number;
  repeat: number;
  data_source: string;
  score: number;
  error: string | null;
  finish_reason: string | null;
  output_len: number;
  latency_ms: number;
  reasoning: boolean;
  prompt?: string;
  output?: string;
  row?: Record<string, unknown>;
}

export const runPath = (id: string) => `/run/${encodeURIComponent(id)}`;
export const apiRun = (id: string) => `/api/runs/${encodeURIComponent(id)}`;
