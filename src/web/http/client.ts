/**
 * The one fetch wrapper of the web front-end.
 *
 * - sends and receives JSON, same-origin cookies, `Accept-Language` of the interface;
 * - adds `x-csrf-token` to every state-changing request (token from /api/auth/me or login);
 * - turns non-2xx answers into `ApiError` carrying the server's `{ error, message }`.
 */
import type { ApiErrorBody } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

let csrfToken: string | null = null;

/** Remember the CSRF token handed out by the server (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token of the session, for requests that cannot go through {@link api} (uploads with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** The interface language (kept on <html lang>), so the server words its messages to match. */
export function interfaceLanguage(): string {
  return document.documentElement.lang || 'ru';
}

export type QueryValue = string | number | boolean | null | undefined;
/** A list repeats the parameter: `{ param: ['a', 'b'] }` → `?param=a&param=b`. */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  // The interface language (kept on <html lang>) lets the server word its messages to match.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': interfaceLanguage(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = parseBody(await response.text());
  if (!response.ok) throw toApiError(response.status, response.statusText, body);
  return body as T;
}

/** JSON when it is JSON, the text otherwise, undefined when empty. */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A non-2xx answer as an `ApiError` with the server's `{ error, message }` when it sent one. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error, body.message);
  const text = typeof body === 'string' && body.length < 300 ? body : statusText;
  return new ApiError(status, 'http_error', `${status} ${text}`.trim());
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).message === 'string' && typeof (body as ApiErrorBody).error === 'string';
}
