/**
 * The API client: JSON over fetch with the session cookie, the CSRF header on state-changing
 * requests, and errors as `ApiFailure` carrying the server's `{ code, message, details }`.
 */
import type { ApiErrorBody, SessionResponse } from '../../../src/platform/api/types';

let csrfToken: string | null = null;
let language: 'fr' | 'en' | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so the server's model diagnostics match it. */
export function setApiLanguage(lang: 'fr' | 'en'): void {
  language = lang;
}

/** Called when a request gets 401 (the session ended): the app goes back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** The server's `Retry-After` in seconds (429, 423, 503), when it sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body?.message.en ?? `HTTP ${status}`);
    this.name = 'ApiFailure';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const message = v.message as Record<string, unknown> | undefined;
  return (
    typeof v.code === 'string' &&
    typeof message === 'object' &&
    typeof message.en === 'string' &&
    typeof message.fr === 'string'
  );
}

/** `Retry-After` as whole seconds (its date form and junk are ignored). */
export function retryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\d{1,9}$/.test(header.trim())) return null;
  return Number(header.trim());
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  /** Raw bytes (e.g. a zip) sent with this content type instead of JSON. */
  readonly raw?: { readonly data: Blob | ArrayBuffer; readonly contentType: string };
  readonly signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (language !== null) headers['accept-language'] = language;
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.raw !== undefined) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, null);
  }
  if (!response.ok) {
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = null;
    }
    if (response.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized?.();
    throw new ApiFailure(
      response.status,
      isErrorBody(parsed) ? parsed : null,
      retryAfterSeconds(response.headers.get('retry-after')),
    );
  }
  return response;
}

/** JSON request; resolves to the parsed body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Binary request (downloads); resolves to the blob and the server's file name. */
export async function apiBlob(
  path: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, options);
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/i.exec(disposition);
  const encoded = match?.[1];
  const fileName = encoded !== undefined ? decodeURIComponent(encoded) : (match?.[2] ?? null);
  return { blob: await response.blob(), fileName };
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

export async function login(email: string, password: string): Promise<SessionResponse> {
  const session = await api<SessionResponse>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
  });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when signed out. */
export async function currentSession(): Promise<SessionResponse | null> {
  try {
    const session = await api<SessionResponse>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

/** `/api/workspaces/<id>` + path, with the id encoded. */
export function wsPath(workspaceId: string, path = ''): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}${path}`;
}

/** Query string from defined, non-empty values. */
export function query(
  params: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
