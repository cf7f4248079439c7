import pg from 'pg';
import { defaultRetryPolicy, isConnectionLoss, isSafeToRetryStatement, withReconnect, type RetryPolicy } from './connection-loss.js';
import type { Db, Queryable } from '../../db.js';
import { typeOids } from '../../db.js';

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === typeOids.int8 || oid === typeOids.numeric) return (v: string) => Number(v);
    if (oid === typeOids.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PostgresOptions {
  readonly max?: number;
  readonly retry?: RetryPolicy;
}

/**
 * A PostgreSQL connection pool behind the `Db` interface that rides out a lost connection: the
 * pool's and each checked-out client's 'error' events are handled (unhandled, they end the
 * process), and work that cannot have committed is retried within the policy's bounds, then
 * refused with DATABASE_UNAVAILABLE (503). A transaction is retried whole when the connection went
 * before COMMIT was sent; a lone statement only when the server said it aborted it.
 */
export function openPostgres(connectionString: string, options: PostgresOptions = {}): Db {
  const retry = options.retry ?? defaultRetryPolicy;
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types: types as pg.CustomTypesConfig, connectionTimeoutMillis: 5000 });
  pool.on('error', (e) => retry.log('idle database connection lost', e));
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  const once = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let lost: unknown;
    const onError = (e: unknown) => {
      lost = e;
      retry.log('database connection lost during a transaction', e);
    };
    client.on('error', onError);
    let committing = false;
    try {
      await client.query('BEGIN');
      const result = await fn(wrap(client));
      committing = true;
      await client.query('COMMIT');
      return result;
    } catch (e) {
      if (isConnectionLoss(e)) lost ??= e;
      else await client.query('ROLLBACK').catch(() => undefined);
      // Marked so the retry loop knows whether COMMIT may have reached the server.
      throw committing && isConnectionLoss(e) ? Object.assign(e as object, { afterCommitSent: true }) : e;
    } finally {
      client.removeListener('error', onError);
      // A client whose connection failed is destroyed, not returned to the pool.
      client.release(lost === undefined ? undefined : (lost as Error));
    }
  };
  return {
    kind: 'postgres',
    query: (sql, params) => withReconnect(retry, isSafeToRetryStatement, () => base.query(sql, params)),
    transaction: (fn) =>
      withReconnect(
        retry,
        (e) => !(e as { afterCommitSent?: boolean }).afterCommitSent,
        () => once(fn),
      ),
    exec: (sql) => withReconnect(retry, isSafeToRetryStatement, () => base.exec(sql)),
    close: () => pool.end(),
  };
}
