import { AppError } from '../../../errors/app-error.js';
import { databaseErrors } from '../../database-errors.js';

/**
 * Telling a lost or refused PostgreSQL connection from an ordinary SQL error, and retrying within
 * bounds. SQLSTATE class 08 is "connection exception"; 57P01–57P03 are admin_shutdown,
 * crash_shutdown and cannot_connect_now (PostgreSQL 15 manual, Appendix A); the rest are the
 * socket errors Node and node-postgres raise when the server goes away.
 */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const serverAbortCodes = new Set(['57P01', '57P02', '57P03']);
const driverMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

export function isConnectionLoss(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (socketCodes.has(code) || serverAbortCodes.has(code) || code.startsWith('08'))) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && driverMessages.test(message);
}

/**
 * Whether the server itself reported that it aborted the statement (so it did not commit) or the
 * connection never opened: then re-running a single statement cannot apply it twice.
 */
export function isSafeToRetryStatement(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (serverAbortCodes.has(code) || code === 'ECONNREFUSED' || code === '08001' || code === '08004')) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && /^timeout exceeded when trying to connect/.test(message);
}

export function databaseUnavailable(): AppError {
  return new AppError(databaseErrors.UNAVAILABLE, 'The database is not reachable just now; try again in a moment.');
}

export interface RetryPolicy {
  /** Waits before each further attempt, in milliseconds; their count bounds the retries. */
  readonly delaysMs: readonly number[];
  /** Told of each lost connection (never of a connection string or a parameter). */
  readonly log: (message: string, error: unknown) => void;
}

/** About two seconds in all: long enough for a backend kill or a fast restart, short enough for a client to wait. */
export const defaultRetryPolicy: RetryPolicy = {
  delaysMs: [100, 400, 1500],
  log: (message, error) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, error: String((error as Error)?.message ?? error) })}\n`),
};

/**
 * Run `attempt`; when it fails with a lost connection that `retryable` allows, wait and run it
 * again, at most `policy.delaysMs.length` more times; then answer DATABASE_UNAVAILABLE (503).
 */
export async function withReconnect<T>(policy: RetryPolicy, retryable: (e: unknown) => boolean, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isConnectionLoss(e)) throw e;
      const delay = policy.delaysMs[i];
      if (delay === undefined || !retryable(e)) {
        policy.log('database connection lost; answering 503', e);
        throw databaseUnavailable();
      }
      policy.log(`database connection lost; retry ${i + 1} of ${policy.delaysMs.length} in ${delay} ms`, e);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
