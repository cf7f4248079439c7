import type { ApiError } from './api.js';

/**
 * The message of a refusal that belongs beside none of the form's fields (its path names none of
 * `fields`, or nothing), to be shown above the form's buttons; undefined when there is none to show.
 */
export function unplacedError(error: Pick<ApiError, 'path' | 'message'> | null, fields: readonly string[]): string | undefined {
  return error && !fields.includes(error.path ?? '') ? error.message : undefined;
}
