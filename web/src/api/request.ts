/**
 * The web application's way to the server: JSON in and out, and every refusal thrown as an
 * `ApiError` carrying the API's error body (`{error:{code,message,path}}`), so a form can place the
 * message beside the field named by `path`.
 */

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly path: string | undefined;
  constructor(code: string, message: string, status: number, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.path = path;
  }
}

/** Any failure as an ApiError, so a form can place its message beside the field it names. */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('Failed', String(err), 0);
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; path?: string } } | undefined)?.error;
    throw new ApiError(err?.code ?? 'HttpError', err?.message ?? `The server answered ${res.status} to ${method} ${url}.`, res.status, err?.path);
  }
  return json as T;
}

export const get = <T>(url: string) => request<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {});
export const patch = <T>(url: string, body: unknown) => request<T>('PATCH', url, body);
