import { AppError } from '../errors/app-error.js';
import type { Db, Queryable } from '../store/db.js';
import { authenticate } from './accounts.js';
import type { Principal } from './principal.js';
import { accountLimits, addressLimits, afterFailure, nextAttemptAt, type FailureState, type ThrottleLimits } from './sign-in-throttle.js';
import { authErrors } from './errors.js';
import { retryWriteConflicts } from '../store/write-conflicts.js';

export interface SignInAttempt {
  readonly username: string;
  readonly password: string;
  /** The client's address, as the server sees it (behind a proxy: with trustProxy). */
  readonly address: string;
  readonly now: Date;
}

interface Counter {
  readonly key: string;
  readonly limits: ThrottleLimits;
}

async function lockedState(tx: Queryable, key: string): Promise<FailureState | undefined> {
  await tx.query('INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 0, to_timestamp(0)) ON CONFLICT (key) DO NOTHING', [key]);
  const [row] = await tx.query<{ failures: number; last_failure_at: Date }>('SELECT failures, last_failure_at FROM sign_in_failures WHERE key = $1 FOR UPDATE', [key]);
  return row && row.failures > 0 ? { failures: row.failures, lastFailureAt: row.last_failure_at } : undefined;
}

/**
 * Sign in, throttled per account name and per address. The rows of both counters are locked for
 * the attempt, so parallel guesses queue instead of all passing one check. A throttled attempt is
 * refused before the password is looked at (429 with the wait), and does not itself extend the
 * wait; a failure counts on both; a success clears the account's counter. Unknown names are
 * counted like known ones, so throttling tells nothing about which names exist.
 */
export async function signIn(db: Db, attempt: SignInAttempt): Promise<Principal> {
  const counters: Counter[] = [
    { key: `account:${attempt.username.toLowerCase()}`, limits: accountLimits },
    { key: `address:${attempt.address}`, limits: addressLimits },
  ].sort((a, b) => a.key.localeCompare(b.key));
  // A lost race on PostgreSQL (a deadlock or serialization failure) rolled the attempt back whole: run it again.
  const outcome = await retryWriteConflicts(() =>
    db.transaction(async (tx) => {
      const states: (FailureState | undefined)[] = [];
      for (const c of counters) states.push(await lockedState(tx, c.key));
      const waits = counters.map((c, i) => nextAttemptAt(states[i], c.limits, attempt.now)).filter((d): d is Date => d !== undefined);
      if (waits.length) {
        const seconds = Math.ceil((Math.max(...waits.map((d) => d.getTime())) - attempt.now.getTime()) / 1000);
        return { kind: 'throttled' as const, seconds };
      }
      try {
        const principal = await authenticate(tx, attempt.username, attempt.password);
        await tx.query('DELETE FROM sign_in_failures WHERE key = $1', [counters.find((c) => c.limits === accountLimits)!.key]);
        return { kind: 'ok' as const, principal };
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'AUTH_BAD_CREDENTIALS') throw e;
        for (const [i, c] of counters.entries()) {
          const next = afterFailure(states[i], c.limits, attempt.now);
          await tx.query('UPDATE sign_in_failures SET failures = $2, last_failure_at = $3 WHERE key = $1', [c.key, next.failures, next.lastFailureAt]);
        }
        return { kind: 'failed' as const, error: e };
      }
    }),
  );
  if (outcome.kind === 'ok') return outcome.principal;
  if (outcome.kind === 'failed') throw outcome.error;
  throw Object.assign(
    new AppError(authErrors.SIGN_IN_THROTTLED, `Too many failed sign-ins for this account or from this address: try again in ${outcome.seconds} second${outcome.seconds === 1 ? '' : 's'}.`),
    { retryAfterSeconds: outcome.seconds },
  );
}
