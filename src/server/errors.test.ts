import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { storeErrors } from '../store/errors.js';
import { toErrorResponse } from './errors.js';

describe('error responses', () => {
  it('maps an AppError to its status and the one error body', () => {
    expect(toErrorResponse(new AppError(storeErrors.TRANSITION_NOT_ALLOWED, 'A participant cannot go from screening to enrolled.', 'to'))).toEqual({
      status: 409,
      body: { error: { code: 'RECORD_TRANSITION_NOT_ALLOWED', message: 'A participant cannot go from screening to enrolled.', path: 'to' } },
    });
  });

  it('hides the details of an unexpected error behind a 500 HTTP_INTERNAL_ERROR', () => {
    expect(toErrorResponse(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { error: { code: 'HTTP_INTERNAL_ERROR', message: 'The server failed unexpectedly; the request wrote nothing.' } },
    });
  });
});
