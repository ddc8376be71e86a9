import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, problemOf } from './problem';

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let language = 'zh-CN';

/** Problem details come back in the reader's language. */
export function useLanguage(tag: string): void {
  language = tag;
}

export function cookie(name: string, source: string = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of source.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

/** The session cookie signs requests in; state changes echo the CSRF cookie in a header (double submit). */
export function requestHeaders(method: string, cookies?: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  const token = cookie(XSRF_COOKIE, cookies);
  if (!SAFE_METHODS.has(method.toUpperCase()) && token) {
    headers[XSRF_HEADER] = token;
  }
  return headers;
}

const headers: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(requestHeaders(request.method))) {
      request.headers.set(name, value);
    }
    return request;
  }
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headers);

/** The body of a successful call, or an {@link ApiError} carrying the problem details. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.unreachable(cause);
  }
  if (!result.response.ok) {
    throw new ApiError(result.response.status, (result.error ?? { status: result.response.status }) as Record<string, unknown>);
  }
  return result.data as T;
}

/** For calls outside the OpenAPI document (uploads straight to object storage, text files). */
export async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...init,
      headers: { ...requestHeaders(method), ...(init.headers as Record<string, string> | undefined) }
    });
  } catch (cause) {
    throw ApiError.unreachable(cause);
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}
