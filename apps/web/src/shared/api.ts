/** Fetch wrapper for the yuanzhi JSON API: same-origin cookies, JSON bodies, CSRF header, typed errors. */

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
  messageEn: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly field?: string;
  readonly fields?: FieldError[];
  /** Anything else the server put on the error object (lockedUntil, rows …). */
  readonly extra: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown> | null) {
    const e = (body ?? {}) as Record<string, unknown>;
    const message = typeof e.message === 'string' ? e.message : `请求失败（${status}）`;
    super(message);
    this.status = status;
    this.code = typeof e.code === 'string' ? e.code : status === 0 ? 'network_error' : 'http_error';
    this.messageEn = typeof e.messageEn === 'string' ? e.messageEn : `Request failed (${status})`;
    this.field = typeof e.field === 'string' ? e.field : undefined;
    this.fields = Array.isArray(e.fields) ? (e.fields as FieldError[]) : undefined;
    this.extra = e;
  }
}

export interface Page<T> {
  data: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface One<T, A = Record<string, boolean>> {
  data: T;
  abilities?: A;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from an answer of /api/auth/me or /api/auth/login (or any answer carrying one). */
export function rememberCsrf(token: unknown): void {
  if (typeof token === 'string' && token) csrfToken = token;
}

export function forgetCsrf(): void {
  csrfToken = null;
}

type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
    else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = (opts.method ?? (opts.body !== undefined ? 'POST' : 'GET')).toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network_error', message: '网络连接失败，请稍后重试', messageEn: 'Network error, please try again' });
  }
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  if (json && 'csrfToken' in json) rememberCsrf(json.csrfToken);
  if (!res.ok) throw new ApiError(res.status, (json?.error as Record<string, unknown>) ?? null);
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>(path, { query });
export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const patch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** POST a JSON body and take a file back (exports built from what is on screen). */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    throw new ApiError(res.status, (json?.error as Record<string, unknown>) ?? null);
  }
  return res.blob();
}

/** Hand a file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
