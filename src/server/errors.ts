import { AppError, isAppError, type ErrorStatus } from '../errors/app-error.js';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly path?: string; readonly issues?: readonly { path: string; message: string }[] };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Map anything thrown while serving a request to its HTTP status and the one error body. */
export function toErrorResponse(e: unknown): { status: ErrorStatus | 413 | 415; body: ErrorBody } {
  if (isAppError(e)) {
    const issues = (e as AppError & { issues?: { path: string; message: string }[] }).issues;
    return { status: e.status, body: { error: { code: e.code, message: e.message, ...(e.path === undefined ? {} : { path: e.path }), ...(issues ? { issues } : {}) } } };
  }
  const f = e as FastifyLikeError;
  // Fastify's own client errors (unparsable JSON, unsupported media type, body too large).
  if (typeof f.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500) {
    const status = ([400, 401, 403, 404, 409, 413, 415, 422] as const).find((s) => s === f.statusCode) ?? 400;
    return { status, body: { error: { code: 'HTTP_BAD_REQUEST', message: f.message.endsWith('.') ? f.message : `${f.message}.` } } };
  }
  return { status: 500, body: { error: { code: 'HTTP_INTERNAL_ERROR', message: 'The server failed unexpectedly; the request wrote nothing.' } } };
}
