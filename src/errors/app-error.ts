/**
 * The one error type every area throws for a problem a user can act on.
 * `code` is stable (documented in the catalogue), `message` is one sentence naming the bad input,
 * `status` is the HTTP status the server maps it to.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  /** Where the problem is: a field path, a CSV row/column, a file line. */
  readonly path: string | undefined;

  constructor(code: string, message: string, status: ErrorStatus = 400, path?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.path = path;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
