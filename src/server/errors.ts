import { accountErrorCodes } from '../accounts/errors.js';
import { enrolmentErrorCodes } from '../enrolment/errors.js';
import { siteErrorCodes } from '../use-cases/sites/errors.js';
import { studyLifecycleErrorCodes } from '../use-cases/studies/errors.js';
import { modelErrorCodes } from '../analysis/models/errors.js';
import { reportErrorCodes } from '../analysis/report/errors.js';
import { statsErrorCodes } from '../analysis/stats/errors.js';
import { auditErrorCodes } from '../audit/errors.js';
import { backupErrorCodes } from '../backup/errors.js';
import { authErrorCodes } from '../auth/errors.js';
import { editCheckErrorCodes } from '../edit-checks/errors.js';
import { eligibilityErrorCodes } from '../eligibility/errors.js';
import { evidenceErrorCodes } from '../evidence/errors.js';
import { formsErrorCodes } from '../forms/errors.js';
import { AppError, isAppError, type ErrorStatus } from '../errors/app-error.js';
import { hardeningErrorCodes } from './hardening/errors.js';
import { signatureErrorCodes } from '../signatures/errors.js';
import { instrumentsErrorCodes } from '../instruments/errors.js';
import { interopErrorCodes } from '../interop/errors.js';
import { protocolErrorCodes } from '../protocol/errors.js';
import { randomizationErrorCodes } from '../randomization/errors.js';
import { databaseErrorCodes } from '../store/database-errors.js';
import { storeErrorCodes } from '../store/errors.js';
import { lockErrorCodes } from '../store/lock-errors.js';
import { randomizationStoreErrorCodes } from '../store/randomization-errors.js';
import { visitDataErrorCodes } from '../store/observations-errors.js';

/** Error codes of the HTTP layer itself. */
export const serverErrorCodes = {
  InvalidBody: 'The request body failed validation; `path` names the first bad field.',
  InvalidQuery: 'A query-string or path parameter failed validation; `path` names it.',
  BadRequest: 'The request could not be read (malformed JSON, wrong content type).',
  RouteNotFound: 'No API endpoint has this method and path.',
  InvalidOption: 'A command-line option or argument has a bad value (a port, a seed, a format, a date).',
  InternalError: 'An unexpected error on the server; it is logged, and the request wrote nothing.',
} as const;

/**
 * The one catalogue of error codes: every AppError code thrown anywhere is documented here, by the
 * area's own catalogue (`src/<area>/errors.ts`).
 */
export const errorCatalogue: Readonly<Record<string, string>> = {
  ...serverErrorCodes,
  ...hardeningErrorCodes,
  ...storeErrorCodes,
  ...databaseErrorCodes,
  ...lockErrorCodes,
  ...visitDataErrorCodes,
  ...auditErrorCodes,
  ...editCheckErrorCodes,
  ...backupErrorCodes,
  ...authErrorCodes,
  ...accountErrorCodes,
  ...enrolmentErrorCodes,
  ...siteErrorCodes,
  ...studyLifecycleErrorCodes,
  ...protocolErrorCodes,
  ...eligibilityErrorCodes,
  ...randomizationErrorCodes,
  ...randomizationStoreErrorCodes,
  ...instrumentsErrorCodes,
  ...formsErrorCodes,
  ...interopErrorCodes,
  ...evidenceErrorCodes,
  ...statsErrorCodes,
  ...modelErrorCodes,
  ...reportErrorCodes,
  ...signatureErrorCodes,
};

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
    return { status, body: { error: { code: 'BadRequest', message: f.message.endsWith('.') ? f.message : `${f.message}.` } } };
  }
  return { status: 500, body: { error: { code: 'InternalError', message: 'The server failed unexpectedly; the request wrote nothing.' } } };
}
