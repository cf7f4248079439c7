import { describe, expect, it } from 'vitest';
import { ApiError } from './api.js';
import { unplacedError } from './unplaced-error.js';

describe('a refusal no field owns', () => {
  it('is shown above the buttons when its path names none of the fields, or nothing', () => {
    const fields = ['date', 'reason'];
    expect(unplacedError(new ApiError('Conflict', 'The dose of day 3 is recorded already.', 409, 'day'), fields)).toBe('The dose of day 3 is recorded already.');
    expect(unplacedError(new ApiError('AUTH_FORBIDDEN', 'Recording doses needs a site role.', 403), fields)).toBe('Recording doses needs a site role.');
  });

  it('is not repeated above the buttons when it stands beside its field, and is nothing without an error', () => {
    expect(unplacedError(new ApiError('Invalid', 'A held dose needs a reason.', 400, 'reason'), ['date', 'reason'])).toBeUndefined();
    expect(unplacedError(null, ['date'])).toBeUndefined();
  });
});
