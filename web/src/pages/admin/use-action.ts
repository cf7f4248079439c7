import { useState } from 'react';
import { toApiError, type ApiError } from '../../api.js';

/**
 * One administration form's round trip: the refusal (with its field path) or what the last submit
 * did, and `run` to send a request and say `done(result)` in one sentence when it succeeds.
 */
export function useAction() {
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const run = <T>(request: () => Promise<T>, done: (result: T) => string) => {
    setError(null);
    setStatus(null);
    request().then(
      (r) => setStatus(done(r)),
      (err: unknown) => setError(toApiError(err)),
    );
  };
  /** The refusal's message when it names `path` (shown beside that field). */
  const at = (path: string) => (error?.path === path ? error.message : undefined);
  return { error, status, run, at };
}
