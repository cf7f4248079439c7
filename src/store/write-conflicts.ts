import { AppError } from '../errors/app-error.js';
import { isUniqueViolation } from './db.js';
import { storeErrors } from './errors.js';

/**
 * Concurrent writers on PostgreSQL can lose a race that the same requests one after another would
 * not: serialization_failure (40001), deadlock_detected (40P01), lock_not_available (55P03), and a
 * unique_violation (23505) from two read-then-insert transactions (PostgreSQL 15 manual, Appendix A
 * and §13.2 "applications … must be prepared to retry transactions due to serialization failures").
 * Such a transaction rolled back whole, so running it again is safe.
 */
const retryableCodes = new Set(['40001', '40P01', '55P03']);

export function isWriteConflict(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return (typeof code === 'string' && retryableCodes.has(code)) || isUniqueViolation(e);
}

/** Waits before each further attempt; jittered so that two losers do not collide again. */
export const conflictDelaysMs: readonly number[] = [10, 40, 120, 300];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Run the transaction `attempt`; when it fails with a write conflict, run it again at most
 * `delaysMs.length` more times. A conflict left after that is answered 409 (unique key still taken:
 * the row exists now) or 503 (still contended), never a 500.
 */
export async function retryWriteConflicts<T>(attempt: () => Promise<T>, delaysMs: readonly number[] = conflictDelaysMs): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isWriteConflict(e)) throw e;
      const delay = delaysMs[i];
      if (delay === undefined) throw conflictError(e);
      await sleep(delay + Math.floor(Math.random() * delay));
    }
  }
}

function conflictError(e: unknown): AppError {
  if (isUniqueViolation(e)) return new AppError(storeErrors.ALREADY_EXISTS, 'Another request saved the same record at the same moment; reload and try again.');
  return new AppError(storeErrors.WRITE_CONTENTION, 'Other requests are writing the same records just now; the change was not saved, try again in a moment.');
}
