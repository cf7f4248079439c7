import type { ErrorEntry, ErrorStatus } from './define-errors.js';

export type { ErrorStatus };

/**
 * The one error type every area throws for a problem a user can act on. It names its catalogue
 * entry (code and status, defined once in the area's errors.ts); `message` is one sentence naming
 * the bad input.
 */
export class AppError extends Error {
  readonly entry: ErrorEntry;
  /** Where the problem is: a field path, a CSV row/column, a file line. */
  readonly path: string | undefined;

  constructor(entry: ErrorEntry, message: string, path?: string) {
    super(message);
    this.name = 'AppError';
    this.entry = entry;
    this.path = path;
  }

  get code(): string {
    return this.entry.code;
  }

  get status(): ErrorStatus {
    return statusOf(this.entry);
  }
}

/** The one mapping from a catalogue entry to the HTTP status it is answered with. */
export function statusOf(entry: ErrorEntry): ErrorStatus {
  return entry.status;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
